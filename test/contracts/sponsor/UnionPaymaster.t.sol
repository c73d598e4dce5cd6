// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {console} from "forge-std/console.sol";
import {Vm} from "forge-std/Vm.sol";
import {IEntryPoint} from "@account-abstraction/contracts/interfaces/IEntryPoint.sol";
import {PackedUserOperation} from "@account-abstraction/contracts/interfaces/PackedUserOperation.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Union} from "../../../contracts/src/Union.sol";
import {IUnionPaymaster} from "../../../contracts/src/sponsor/IUnionPaymaster.sol";
import {IUnionRelayAccount} from "../../../contracts/src/sponsor/IUnionRelayAccount.sol";
import {BaseAccount} from "@account-abstraction/contracts/core/BaseAccount.sol";
import {SponsorTestBase} from "./SponsorTestBase.sol";

contract Foreign {
    uint256 public calls;

    function back(address) external {
        ++calls;
    }
}

/// @dev The sponsorship rules through a real EntryPoint: what is paid, what is refused in validation (so the
/// union pays nothing), and the budget accounting.
contract UnionPaymasterTest is SponsorTestBase {
    uint256 internal strangerKey;
    address internal stranger;

    function setUp() public override {
        super.setUp();
        (stranger, strangerKey) = makeAddrAndKey("stranger");
        _joinTrusted(alice);
    }

    // ---------------------------------------------------------------- sponsored calls

    function test_back_trustedMember_landsAndUnionPays() public {
        uint256 deposit = entryPoint.balanceOf(address(paymaster));
        _handle(_op(aliceKey, address(union), abi.encodeCall(Union.back, (bob))));
        // bob is not a member: back reverted, still paid (the rules allowed it); now a real back
        _join(bob);
        vm.recordLogs();
        uint256 before = paymaster.balanceOf(address(union));
        _handle(_op(aliceKey, address(union), abi.encodeCall(Union.back, (bob))));
        assertTrue(union.isBacking(alice, bob));
        assertEq(alice.balance, 0);
        uint256 charged = before - paymaster.balanceOf(address(union));
        assertGt(charged, 0);
        assertEq(_lastCharged(), charged);
        assertEq(paymaster.spentOf(address(union), alice, _period()), FUNDING - paymaster.balanceOf(address(union)));
        uint256 taken = deposit - entryPoint.balanceOf(address(paymaster));
        // the union's ledger never exceeds the EntryPoint deposit
        assertLe(paymaster.totalBalances(), entryPoint.balanceOf(address(paymaster)));
        assertLe(taken, FUNDING - paymaster.balanceOf(address(union)));
        console.log(
            "sponsored back: charged wei",
            charged,
            "surplus wei of two ops",
            FUNDING - paymaster.balanceOf(address(union)) - taken
        );
    }

    function test_relay_revertedCall_paidAndReportedFailed() public {
        vm.recordLogs();
        _handle(_op(aliceKey, address(union), abi.encodeCall(Union.back, (stranger))));
        assertFalse(union.isBacking(alice, stranger));
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bool seen;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == IUnionPaymaster.Sponsored.selector) {
                (,,, bool succeeded) = abi.decode(logs[i].data, (bytes4, uint256, uint256, bool));
                assertFalse(succeeded);
                seen = true;
            }
        }
        assertTrue(seen);
    }

    function test_castVote_trustedMember_votes() public {
        uint256 id = _proposeCharterInVoting("sponsored vote");
        _handle(_op(aliceKey, address(governor), abi.encodeWithSignature("castVote(uint256,uint8)", id, uint8(1))));
        assertTrue(governor.hasVoted(id, alice));
        (, uint256 forVotes,) = governor.proposalVotes(id);
        assertEq(forVotes, GRANT);
        assertEq(alice.balance, 0);
    }

    function test_joinWithInvite_trustedInviter_admitsInvitee() public {
        Union.Invite memory invite = _invite(founder, bob, 7, block.timestamp + 1 days);
        bytes memory data = abi.encodeCall(Union.joinWithInvite, (invite, _sign(founderKey, invite), ""));
        _handle(_op(bobKey, address(union), data));
        assertTrue(union.isMember(bob));
        assertTrue(union.isTrusted(bob)); // the trusted inviter's vouch meets the threshold of 1
        assertEq(bob.balance, 0);
    }

    // ---------------------------------------------------------------- refused in validation

    function test_validate_stranger_refused() public {
        _expectRefused(
            _op(strangerKey, address(union), abi.encodeCall(Union.back, (alice))),
            abi.encodeWithSelector(IUnionPaymaster.UnionPaymaster_NotTrusted.selector, address(union), stranger)
        );
    }

    function test_validate_untrustedMember_refused() public {
        _join(bob); // joined, nobody vouched: no votes, no sponsorship
        _expectRefused(
            _op(bobKey, address(union), abi.encodeCall(Union.back, (alice))),
            abi.encodeWithSelector(IUnionPaymaster.UnionPaymaster_NotTrusted.selector, address(union), bob)
        );
    }

    function test_validate_foreignContract_refused() public {
        Foreign foreign = new Foreign();
        _expectRefused(
            _op(aliceKey, address(foreign), abi.encodeCall(Foreign.back, (bob))),
            abi.encodeWithSelector(
                IUnionPaymaster.UnionPaymaster_NotAllowed.selector,
                address(union),
                address(foreign),
                Foreign.back.selector
            )
        );
        assertEq(foreign.calls(), 0);
    }

    function test_setAllowed_foreignContract_refused() public {
        Foreign foreign = new Foreign();
        bytes4[] memory fns = new bytes4[](1);
        fns[0] = Foreign.back.selector;
        vm.prank(founder);
        vm.expectRevert(
            abi.encodeWithSelector(
                IUnionPaymaster.UnionPaymaster_ForeignContract.selector, address(union), address(foreign)
            )
        );
        paymaster.setAllowed(address(union), address(foreign), fns, true);
    }

    function test_validate_functionNotAllowed_refused() public {
        _expectRefused(
            _op(aliceKey, address(union), abi.encodeCall(Union.leave, ())),
            abi.encodeWithSelector(
                IUnionPaymaster.UnionPaymaster_NotAllowed.selector, address(union), address(union), Union.leave.selector
            )
        );
    }

    function test_validate_replayedOp_refused() public {
        _join(bob);
        PackedUserOperation memory op = _op(aliceKey, address(union), abi.encodeCall(Union.back, (bob)));
        _handle(op);
        uint256 balance = paymaster.balanceOf(address(union));
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        vm.prank(bundler, bundler);
        vm.expectRevert(abi.encodeWithSelector(IEntryPoint.FailedOp.selector, 0, "AA25 invalid account nonce"));
        entryPoint.handleOps(ops, bundler);
        assertEq(paymaster.balanceOf(address(union)), balance);
    }

    function test_validate_exhaustedBudget_refused() public {
        _join(bob);
        vm.prank(founder);
        paymaster.setRules(address(union), uint128(_maxCost() + _maxCost() / 2), PERIOD);
        _handle(_op(aliceKey, address(union), abi.encodeCall(Union.back, (bob))));
        uint256 spent = paymaster.spentOf(address(union), alice, _period());
        assertEq(spent, FUNDING - paymaster.balanceOf(address(union)));
        _expectRefused(
            _op(aliceKey, address(union), abi.encodeCall(Union.unback, (bob))),
            abi.encodeWithSelector(
                IUnionPaymaster.UnionPaymaster_BudgetExceeded.selector,
                address(union),
                alice,
                spent,
                _maxCost(),
                _maxCost() + _maxCost() / 2
            )
        );
        // the next period's budget is fresh
        vm.warp((uint256(_period()) + 1) * PERIOD);
        _handle(_op(aliceKey, address(union), abi.encodeCall(Union.unback, (bob))));
        assertFalse(union.isBacking(alice, bob));
    }

    function test_validate_periodNotYetDue_refusedByEntryPoint() public {
        PackedUserOperation memory op =
            _opFor(aliceKey, alice, address(union), address(union), abi.encodeCall(Union.back, (bob)), _period() + 1);
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        vm.prank(bundler, bundler);
        vm.expectRevert(abi.encodeWithSelector(IEntryPoint.FailedOp.selector, 0, "AA32 paymaster expired or not due"));
        entryPoint.handleOps(ops, bundler);
    }

    function test_validate_insufficientBalance_refused() public {
        vm.prank(founder);
        paymaster.withdraw(address(union), payable(founder), FUNDING - 1);
        // unallocated deposit (another union's, say), so the EntryPoint's own deposit check passes
        entryPoint.depositTo{value: 1 ether}(address(paymaster));
        _expectRefused(
            _op(aliceKey, address(union), abi.encodeCall(Union.back, (bob))),
            abi.encodeWithSelector(
                IUnionPaymaster.UnionPaymaster_InsufficientBalance.selector, address(union), 1, _maxCost()
            )
        );
    }

    function test_validate_signatureOfAnother_refused() public {
        PackedUserOperation memory op = _op(aliceKey, address(union), abi.encodeCall(Union.back, (bob)));
        op.signature = _signOp(strangerKey, op);
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        vm.prank(bundler, bundler);
        vm.expectRevert(abi.encodeWithSelector(IEntryPoint.FailedOp.selector, 0, "AA24 signature error"));
        entryPoint.handleOps(ops, bundler);
    }

    function test_validate_inviteFromUntrustedInviter_refused() public {
        _join(carol); // a member nobody vouched for
        Union.Invite memory invite = _invite(carol, bob, 1, block.timestamp + 1 days);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(uint256(keccak256("nobody")), union.hashInvite(invite));
        bytes memory data = abi.encodeCall(Union.joinWithInvite, (invite, abi.encodePacked(r, s, v), ""));
        _expectRefused(
            _op(bobKey, address(union), data),
            abi.encodeWithSelector(IUnionPaymaster.UnionPaymaster_InvalidInvite.selector, address(union), carol, bob)
        );
    }

    function test_validate_inviteForSomeoneElse_refused() public {
        Union.Invite memory invite = _invite(founder, carol, 2, block.timestamp + 1 days);
        bytes memory data = abi.encodeCall(Union.joinWithInvite, (invite, _sign(founderKey, invite), ""));
        _expectRefused(
            _op(bobKey, address(union), data),
            abi.encodeWithSelector(IUnionPaymaster.UnionPaymaster_InvalidInvite.selector, address(union), founder, bob)
        );
    }

    // ---------------------------------------------------------------- governance of the rules

    function test_setRules_notGovernance_refused() public {
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IUnionPaymaster.UnionPaymaster_NotGovernance.selector, address(union), alice)
        );
        paymaster.setRules(address(union), 1, 1);
    }

    function test_withdraw_byTimelock_returnsBalance() public {
        vm.prank(address(timelock));
        paymaster.withdraw(address(union), payable(address(timelock)), 0.5 ether);
        assertEq(address(timelock).balance, 0.5 ether);
        assertEq(paymaster.balanceOf(address(union)), FUNDING - 0.5 ether);
        assertEq(paymaster.totalBalances(), FUNDING - 0.5 ether);
    }

    function test_depositFor_unknownUnion_refused() public {
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IUnionPaymaster.UnionPaymaster_UnknownUnion.selector, alice));
        paymaster.depositFor{value: 1 ether}(alice);
    }

    // ---------------------------------------------------------------- ERC-2771 forwarding

    function test_forwarder_appendedMember_isSender() public {
        _join(bob);
        vm.prank(address(relay));
        (bool ok,) = address(union).call(abi.encodePacked(abi.encodeCall(Union.back, (bob)), alice));
        assertTrue(ok);
        assertTrue(union.isBacking(alice, bob));
    }

    function test_forwarder_nonForwarderAppending_isItself() public {
        _join(bob);
        _join(carol);
        vm.prank(bob);
        (bool ok,) = address(union).call(abi.encodePacked(abi.encodeCall(Union.back, (carol)), alice));
        assertTrue(ok);
        assertTrue(union.isBacking(bob, carol));
        assertFalse(union.isBacking(alice, carol));
    }

    function test_forwarder_governorVoteCountsAppendedVoter() public {
        uint256 id = _proposeCharterInVoting("forwarded");
        vm.prank(address(relay));
        (bool ok,) = address(governor).call(abi.encodePacked(abi.encodeCall(IGovernor.castVote, (id, 1)), alice));
        assertTrue(ok);
        assertTrue(governor.hasVoted(id, alice));
        assertFalse(governor.hasVoted(id, address(relay)));
    }

    function test_relay_notFromEntryPoint_refused() public {
        vm.expectRevert(
            abi.encodeWithSelector(IUnionRelayAccount.UnionRelayAccount_NotEntryPoint.selector, address(this))
        );
        relay.relay(alice, address(union), address(union), abi.encodeCall(Union.back, (bob)));
    }

    function test_execute_fromEntryPoint_disabled() public {
        vm.prank(address(entryPoint));
        vm.expectRevert(IUnionRelayAccount.UnionRelayAccount_ExecuteDisabled.selector);
        BaseAccount(address(relay)).execute(address(union), 0, abi.encodeCall(Union.back, (bob)));
    }

    // ---------------------------------------------------------------- helpers

    function _lastCharged() internal returns (uint256 charged) {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == IUnionPaymaster.Sponsored.selector) {
                (,, charged,) = abi.decode(logs[i].data, (bytes4, uint256, uint256, bool));
            }
        }
    }

    /// @dev The founder proposes a charter change and the clock moves into its voting period.
    function _proposeCharterInVoting(string memory description) internal returns (uint256 id) {
        address[] memory targets = new address[](1);
        targets[0] = address(union);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calls = new bytes[](1);
        calls[0] = abi.encodeCall(Union.setCharter, ("bafy"));
        vm.warp(block.timestamp + 1);
        vm.prank(founder);
        id = governor.propose(targets, values, calls, description);
        vm.warp(block.timestamp + VOTING_DELAY + 1);
    }
}

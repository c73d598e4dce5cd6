// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Union} from "../../../contracts/src/Union.sol";
import {UnionGovernor} from "../../../contracts/src/UnionGovernor.sol";
import {UnionFactory} from "../../../contracts/src/UnionFactory.sol";
import {IUnion} from "../../../contracts/src/interfaces/IUnion.sol";
import {GovernanceTestBase} from "./GovernanceTestBase.sol";

/// @dev Quorum over the delegated supply, votes at the snapshot, and treasury payments through the timelock.
contract GovernanceQuorumTest is GovernanceTestBase {
    address internal whale = makeAddr("whale");

    function test_delegatedSupply_excludesTreasuryAndVesting() public view {
        // three members' grants are delegated; the 1,000,000 reserve and the 50,000 allocation are not
        assertEq(token.delegatedSupply(), 3 * GRANT);
        assertEq(token.totalSupply(), 3 * GRANT + RESERVE + ALLOCATION);
        assertEq(governor.quorum(block.timestamp - 1), (3 * GRANT * QUORUM_PERCENT) / 100);
    }

    function test_quorum_isReachableDespiteLargeReserve() public {
        // with the OZ default (total supply) quorum would be 4% of 1,050,300 = 42,012 tokens: out of reach of
        // three members with 100 each. Over delegated supply two members' votes suffice.
        _passOne(address(token), abi.encodeCall(IERC20.transfer, (carol, 10e18)), "reachable");
        assertEq(token.balanceOf(carol), 10e18);
    }

    /// @dev The creation quorum lives in the governor clone's arguments; a governance change is checkpointed, older
    /// timepoints keep the creation quorum, and zero is refused.
    function test_updateQuorumNumerator_checkpointsOverCreationQuorum() public {
        uint256 before = block.timestamp;
        assertEq(governor.quorumNumerator(), QUORUM_PERCENT);
        _passOne(address(governor), abi.encodeCall(governor.updateQuorumNumerator, (20)), "quorum 20");
        assertEq(governor.quorumNumerator(), 20);
        assertEq(governor.quorumNumerator(block.timestamp), 20);
        assertEq(governor.quorumNumerator(before), QUORUM_PERCENT);
    }

    function test_updateQuorumNumerator_revertWhen_Zero() public {
        (address[] memory t, uint256[] memory v, bytes[] memory c) =
            _one(address(governor), abi.encodeCall(governor.updateQuorumNumerator, (0)));
        vm.prank(alice);
        uint256 id = governor.propose(t, v, c, "quorum 0");
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        address[3] memory voters = [founder, alice, bob];
        for (uint256 i; i < 3; ++i) {
            vm.prank(voters[i]);
            governor.castVote(id, 1);
        }
        vm.warp(block.timestamp + VOTING_PERIOD);
        bytes32 h = keccak256(bytes("quorum 0"));
        governor.queue(t, v, c, h);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.expectRevert(UnionGovernor.UnionGovernor_ZeroQuorum.selector);
        governor.execute(t, v, c, h);
    }

    function test_quorum_isTakenAtTheSnapshot() public {
        uint256 id = _propose(address(union), abi.encodeCall(Union.setCharter, ("bafy")), "snapshot");
        uint256 snapshot = governor.proposalSnapshot(id);
        vm.warp(snapshot + 1);
        uint256 before = governor.quorum(snapshot);
        // a whale gets a big delegated balance after the snapshot: quorum and votes at the snapshot do not move
        vm.prank(address(timelock));
        token.transfer(whale, 500_000e18);
        vm.prank(whale);
        token.delegate(whale);
        assertEq(token.delegatedSupply(), 3 * GRANT + 500_000e18);
        assertEq(governor.quorum(snapshot), before);
        assertEq(governor.quorum(snapshot), (3 * GRANT * QUORUM_PERCENT) / 100);
        assertEq(governor.getVotes(whale, snapshot), 0);
    }

    function test_quorum_countsDelegationMadeBeforeSnapshot() public {
        vm.prank(address(timelock));
        token.transfer(whale, 1_000e18);
        vm.prank(whale);
        token.delegate(whale);
        vm.warp(block.timestamp + 1);
        assertEq(governor.quorum(block.timestamp - 1), ((3 * GRANT + 1_000e18) * QUORUM_PERCENT) / 100);
    }

    function test_quorum_failsWhenTooFewVote() public {
        // 3 members with 100 each and a 34% quorum: one member's votes (100 < 102) are not enough
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.governance.quorumPercent = 34;
        _createUnion(p);
        _joinTrusted(alice);
        _joinTrusted(bob);
        vm.warp(block.timestamp + 1);
        uint256 id = _propose(address(union), abi.encodeCall(Union.setCharter, ("bafy")), "too few");
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        vm.prank(alice);
        governor.castVote(id, 1);
        vm.warp(block.timestamp + VOTING_PERIOD);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Defeated));
    }

    function test_flashVote_hasNoEffect() public {
        uint256 id = _propose(address(union), abi.encodeCall(Union.setCharter, ("bafy")), "flash");
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        // in one block: "borrow" half the treasury, delegate, vote, "repay"
        vm.prank(address(timelock));
        token.transfer(whale, 500_000e18);
        vm.startPrank(whale);
        token.delegate(whale);
        governor.castVote(id, 0);
        token.transfer(address(timelock), 500_000e18);
        vm.stopPrank();
        (uint256 against, uint256 forVotes, uint256 abstain) = governor.proposalVotes(id);
        assertEq(against, 0);
        assertEq(forVotes, 0);
        assertEq(abstain, 0);
        assertTrue(governor.hasVoted(id, whale));
        // the members still carry it
        vm.prank(alice);
        governor.castVote(id, 1);
        vm.warp(block.timestamp + VOTING_PERIOD);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Succeeded));
    }

    function test_castVote_revertWhen_VotingTwice() public {
        uint256 id = _propose(address(union), abi.encodeCall(Union.setCharter, ("bafy")), "twice");
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        vm.prank(alice);
        governor.castVote(id, 1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, alice));
        governor.castVoteWithReason(id, 0, "changed my mind");
        (uint256 against, uint256 forVotes,) = governor.proposalVotes(id);
        assertEq(against, 0);
        assertEq(forVotes, GRANT);
    }

    function test_castVote_revertWhen_BeforeVotingOpens() public {
        uint256 id = _propose(address(union), abi.encodeCall(Union.setCharter, ("bafy")), "early");
        vm.prank(alice);
        vm.expectRevert();
        governor.castVote(id, 1);
    }

    function test_delegation_toAnotherMemberMovesVotes() public {
        vm.prank(bob);
        token.delegate(alice);
        assertEq(token.getVotes(alice), 2 * GRANT);
        assertEq(token.getVotes(bob), 0);
        // moving votes between delegates leaves the delegated supply alone
        assertEq(token.delegatedSupply(), 3 * GRANT);
    }

    /// forge-config: default.fuzz.runs = 64
    function testFuzz_treasuryPayment_movesExactlyWhatWasProposed(uint256 amount, uint256 toSeed) public {
        amount = bound(amount, 1, RESERVE);
        address to = address(uint160(bound(toSeed, 1, type(uint160).max)));
        vm.assume(to != address(timelock) && to != address(token));
        uint256 treasuryBefore = token.balanceOf(address(timelock));
        uint256 toBefore = token.balanceOf(to);
        uint256 supplyBefore = token.totalSupply();
        _passOne(address(token), abi.encodeCall(IERC20.transfer, (to, amount)), "pay");
        assertEq(token.balanceOf(to), toBefore + amount);
        assertEq(token.balanceOf(address(timelock)), treasuryBefore - amount);
        assertEq(token.totalSupply(), supplyBefore);
    }

    function test_treasuryPayment_ofEth() public {
        vm.deal(address(timelock), 5 ether);
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _one(carol, "");
        v[0] = 2 ether;
        _proposeAndVote(t, v, c, "eth", [NO_VOTE, FOR, NO_VOTE]);
        _queueAndExecute(t, v, c, "eth");
        assertEq(carol.balance, 2 ether);
        assertEq(address(timelock).balance, 3 ether);
    }

    /// forge-config: default.fuzz.runs = 64
    function testFuzz_votes_areTheBalanceDelegatedAtTheSnapshot(uint96 extra) public {
        uint256 amount = bound(uint256(extra), 1, RESERVE / 2);
        vm.prank(address(timelock));
        token.transfer(alice, amount);
        vm.warp(block.timestamp + 1);
        uint256 id = _propose(address(union), abi.encodeCall(Union.setCharter, ("bafy")), "weight");
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        // after the snapshot alice passes everything to bob; bob's vote still weighs only his grant
        uint256 all = token.balanceOf(alice);
        vm.prank(alice);
        token.transfer(bob, all);
        vm.prank(alice);
        governor.castVote(id, 1);
        vm.prank(bob);
        governor.castVote(id, 0);
        (uint256 against, uint256 forVotes,) = governor.proposalVotes(id);
        assertEq(forVotes, GRANT + amount);
        assertEq(against, GRANT);
    }
}

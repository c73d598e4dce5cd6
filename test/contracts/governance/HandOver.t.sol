// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IUnion} from "../../../contracts/src/interfaces/IUnion.sol";
import {Union} from "../../../contracts/src/Union.sol";
import {UnionArbiters} from "../../../contracts/src/economy/UnionArbiters.sol";
import {IUnionArbiters} from "../../../contracts/src/economy/IUnionArbiters.sol";
import {Crowdfund} from "../../../contracts/src/economy/Crowdfund.sol";
import {ICrowdfund} from "../../../contracts/src/economy/ICrowdfund.sol";
import {IUnionRegistry} from "../../../contracts/src/economy/IUnionRegistry.sol";
import {GovernanceTestBase} from "./GovernanceTestBase.sol";

/// @dev After `handOverToGovernance` every steward power (admission approvals, charter, admission rule, arbiters,
/// matching rounds) belongs to the timelock, reachable only through a passed proposal; the founder keeps none.
contract HandOverTest is GovernanceTestBase {
    UnionArbiters internal arbiters;
    Crowdfund internal crowdfund;
    address internal applicant = makeAddr("applicant");

    function setUp() public override {
        super.setUp();
        arbiters = new UnionArbiters(IUnionRegistry(address(factory)));
        crowdfund = new Crowdfund(IUnionRegistry(address(factory)), address(0));
        vm.prank(founder);
        union.handOverToGovernance();
    }

    function test_handOver_makesTimelockTheSteward() public view {
        assertEq(union.steward(), address(timelock));
        assertEq(union.founder(), founder);
    }

    function test_handOver_revertWhen_Repeated() public {
        vm.prank(founder);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotSteward.selector, founder, address(timelock)));
        union.handOverToGovernance();
    }

    function test_founder_losesEveryPower() public {
        bytes4 notSteward = Union.Union_NotSteward.selector;
        vm.startPrank(founder);
        vm.expectRevert(abi.encodeWithSelector(notSteward, founder, address(timelock)));
        union.setCharter("bafyfounder");
        vm.expectRevert(abi.encodeWithSelector(notSteward, founder, address(timelock)));
        union.setAdmissionRule(IUnion.AdmissionRule.Invite);
        vm.expectRevert(abi.encodeWithSelector(notSteward, founder, address(timelock)));
        union.approve(applicant);
        vm.expectRevert(
            abi.encodeWithSelector(
                IUnionArbiters.UnionArbiters_NotSteward.selector, address(union), founder, address(timelock)
            )
        );
        arbiters.appoint(address(union), alice);
        vm.expectRevert(
            abi.encodeWithSelector(ICrowdfund.Crowdfund_NotSteward.selector, address(union), founder, address(timelock))
        );
        crowdfund.openRound(address(union), uint48(block.timestamp), uint48(block.timestamp + 10 days));
        vm.stopPrank();
    }

    function test_proposal_setsCharter() public {
        _passOne(address(union), abi.encodeCall(Union.setCharter, ("bafyvoted")), "charter");
        assertEq(union.charterCid(), "bafyvoted");
    }

    function test_proposal_changesAdmissionRule() public {
        _passOne(address(union), abi.encodeCall(Union.setAdmissionRule, (IUnion.AdmissionRule.Approval)), "rule");
        assertEq(uint8(union.admissionRule()), uint8(IUnion.AdmissionRule.Approval));
    }

    function test_proposal_approvesApplicant() public {
        _passOne(address(union), abi.encodeCall(Union.setAdmissionRule, (IUnion.AdmissionRule.Approval)), "rule");
        vm.prank(applicant);
        union.requestToJoin();
        _passOne(address(union), abi.encodeCall(Union.approve, (applicant)), "let them in");
        assertTrue(union.isMember(applicant));
    }

    function test_proposal_appointsAndRemovesArbiter() public {
        _passOne(address(arbiters), abi.encodeCall(UnionArbiters.appoint, (address(union), bob)), "appoint bob");
        assertTrue(arbiters.isArbiter(address(union), bob));
        _passOne(address(arbiters), abi.encodeCall(UnionArbiters.remove, (address(union), bob)), "remove bob");
        assertFalse(arbiters.isArbiter(address(union), bob));
    }

    function test_proposal_opensAndFundsMatchingRound() public {
        uint48 start = uint48(block.timestamp + 6 days);
        uint48 end = uint48(block.timestamp + 30 days);
        _passOne(address(crowdfund), abi.encodeCall(Crowdfund.openRound, (address(union), start, end)), "round");
        uint256 roundId = crowdfund.roundCount();
        assertEq(crowdfund.getRound(roundId).union, address(union));
        // funding takes an approval and the transfer: two calls in one proposal
        address[] memory t = new address[](2);
        uint256[] memory v = new uint256[](2);
        bytes[] memory c = new bytes[](2);
        t[0] = address(token);
        c[0] = abi.encodeCall(IERC20.approve, (address(crowdfund), 5_000e18));
        t[1] = address(crowdfund);
        c[1] = abi.encodeCall(Crowdfund.fundRound, (roundId, 5_000e18));
        _proposeAndVote(t, v, c, "fund", [NO_VOTE, FOR, NO_VOTE]);
        uint256 before = token.balanceOf(address(timelock));
        _queueAndExecute(t, v, c, "fund");
        assertEq(crowdfund.getRound(roundId).pool, 5_000e18);
        assertEq(token.balanceOf(address(timelock)), before - 5_000e18);
    }
}

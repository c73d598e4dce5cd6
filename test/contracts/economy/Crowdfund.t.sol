// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IUnion} from "../../../contracts/src/interfaces/IUnion.sol";
import {UnionFactory} from "../../../contracts/src/UnionFactory.sol";
import {ICrowdfund} from "../../../contracts/src/economy/ICrowdfund.sol";
import {EconomyTestBase} from "./EconomyTestBase.sol";

contract CrowdfundTest is EconomyTestBase {
    uint128 internal constant GOAL = 100e18;
    uint256 internal constant POOL = 1000e18;
    uint48 internal deadline;
    uint48 internal roundEnd;

    address[4] internal pledgers;

    function setUp() public override {
        super.setUp();
        deadline = uint48(block.timestamp + 7 days);
        roundEnd = uint48(block.timestamp + 10 days);
        pledgers = [alice, bob, arb1, arb2];
    }

    function _openRound() internal returns (uint256) {
        return _openFundedRound(roundEnd, POOL);
    }

    function _afterFinalization() internal {
        vm.warp(uint256(roundEnd) + crowdfund.FINALIZATION_WINDOW());
    }

    // ---------------------------------------------------------------- createCampaign

    function test_createCampaign_storesAndEmits() public {
        vm.expectEmit(address(crowdfund));
        emit ICrowdfund.CampaignCreated(1, address(union), alice, carol, address(token), GOAL, deadline, 0, DESCRIPTION);
        uint256 id = _createCampaign(GOAL, deadline, 0);
        assertEq(id, 1);
        ICrowdfund.Campaign memory c = crowdfund.getCampaign(id);
        assertEq(c.union, address(union));
        assertEq(c.recipient, carol);
        assertEq(c.token, address(token));
        assertEq(c.goal, GOAL);
        assertEq(c.deadline, deadline);
        assertEq(c.raised, 0);
    }

    function test_createCampaign_joinsRound() public {
        uint256 roundId = _openRound();
        uint256 id = _createCampaign(GOAL, roundEnd, roundId);
        assertEq(crowdfund.getCampaign(id).roundId, roundId);
    }

    function test_createCampaign_revertWhen_UnionUnknown() public {
        ICrowdfund.CampaignParams memory p = _campaignParams(GOAL, deadline, 0);
        p.union = address(token);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_UnknownUnion.selector, address(token)));
        vm.prank(alice);
        crowdfund.createCampaign(p);
    }

    function test_createCampaign_revertWhen_CallerIsNotMember() public {
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_NotMember.selector, address(union), outsider));
        vm.prank(outsider);
        crowdfund.createCampaign(_campaignParams(GOAL, deadline, 0));
    }

    function test_createCampaign_revertWhen_RecipientIsZero() public {
        ICrowdfund.CampaignParams memory p = _campaignParams(GOAL, deadline, 0);
        p.recipient = address(0);
        vm.expectRevert(ICrowdfund.Crowdfund_ZeroRecipient.selector);
        vm.prank(alice);
        crowdfund.createCampaign(p);
    }

    function test_createCampaign_revertWhen_GoalIsZero() public {
        vm.expectRevert(ICrowdfund.Crowdfund_ZeroAmount.selector);
        _createCampaign(0, deadline, 0);
    }

    function test_createCampaign_revertWhen_GoalAboveUint96() public {
        uint128 goal = uint128(type(uint96).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_GoalTooLarge.selector, goal, type(uint96).max));
        _createCampaign(goal, deadline, 0);
    }

    function test_createCampaign_revertWhen_DeadlineNotInFuture() public {
        vm.expectRevert(
            abi.encodeWithSelector(ICrowdfund.Crowdfund_BadDeadline.selector, block.timestamp, block.timestamp)
        );
        _createCampaign(GOAL, uint48(block.timestamp), 0);
    }

    function test_createCampaign_revertWhen_DeadlineTooFar() public {
        uint256 far = block.timestamp + 365 days + 1;
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_BadDeadline.selector, far, block.timestamp));
        _createCampaign(GOAL, uint48(far), 0);
    }

    function test_createCampaign_revertWhen_RoundUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_UnknownRound.selector, 3));
        _createCampaign(GOAL, deadline, 3);
    }

    function test_createCampaign_revertWhen_RoundOfOtherUnion() public {
        vm.prank(founder);
        UnionFactory.Deployment memory other = factory.createUnion(_params(IUnion.AdmissionRule.Open));
        vm.prank(founder);
        uint256 roundId = crowdfund.openRound(other.union, uint48(block.timestamp), roundEnd);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_RoundOfOtherUnion.selector, roundId, other.union));
        _createCampaign(GOAL, deadline, roundId);
    }

    function test_createCampaign_revertWhen_DeadlineAfterRoundEnd() public {
        uint256 roundId = _openRound();
        vm.expectRevert(
            abi.encodeWithSelector(
                ICrowdfund.Crowdfund_DeadlineOutsideRound.selector, roundId, roundEnd + 1, block.timestamp, roundEnd
            )
        );
        _createCampaign(GOAL, roundEnd + 1, roundId);
    }

    function test_createCampaign_revertWhen_DeadlineNotAfterRoundStart() public {
        vm.prank(founder);
        uint256 roundId = crowdfund.openRound(address(union), deadline, roundEnd);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICrowdfund.Crowdfund_DeadlineOutsideRound.selector, roundId, deadline, deadline, roundEnd
            )
        );
        _createCampaign(GOAL, deadline, roundId);
    }

    // ---------------------------------------------------------------- pledge

    function test_pledge_recordsAndPullsTokens() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        _fundAndApprove(bob, address(crowdfund), 30e18);
        vm.expectEmit(address(crowdfund));
        emit ICrowdfund.Pledged(id, bob, 30e18, 30e18, 30e18, 30e18);
        vm.prank(bob);
        crowdfund.pledge(id, 30e18);
        _pledge(bob, id, 10e18);
        assertEq(crowdfund.pledgeOf(id, bob), 40e18);
        assertEq(crowdfund.getCampaign(id).raised, 40e18);
        assertEq(token.balanceOf(address(crowdfund)), 40e18);
        assertEq(crowdfund.weightOf(id), 0); // a single pledger has no quadratic weight
    }

    function test_pledgeWithPermit_fundsWithoutPriorApproval() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        uint256 permitDeadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(bobKey, address(crowdfund), 20e18, permitDeadline);
        vm.prank(bob);
        crowdfund.pledgeWithPermit(id, 20e18, permitDeadline, v, r, s);
        assertEq(crowdfund.pledgeOf(id, bob), 20e18);
    }

    function test_pledge_revertWhen_CampaignUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_UnknownCampaign.selector, 5));
        vm.prank(bob);
        crowdfund.pledge(5, 1);
    }

    function test_pledge_revertWhen_CallerIsNotMember() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_NotMember.selector, address(union), outsider));
        vm.prank(outsider);
        crowdfund.pledge(id, 1);
    }

    function test_pledge_revertWhen_AmountIsZero() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        vm.expectRevert(ICrowdfund.Crowdfund_ZeroAmount.selector);
        vm.prank(bob);
        crowdfund.pledge(id, 0);
    }

    function test_pledge_revertWhen_DeadlineReached() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        vm.warp(deadline);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_CampaignEnded.selector, id, deadline, deadline));
        vm.prank(bob);
        crowdfund.pledge(id, 1);
    }

    function test_pledge_revertWhen_NotApproved() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(crowdfund), 0, 1)
        );
        vm.prank(bob);
        crowdfund.pledge(id, 1);
    }

    // ---------------------------------------------------------------- unpledge

    function test_unpledge_returnsTokensAndUpdatesTotals() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        _pledge(bob, id, 30e18);
        _pledge(alice, id, 30e18);
        uint256 before = token.balanceOf(bob);
        vm.expectEmit(address(crowdfund));
        emit ICrowdfund.Unpledged(id, bob, 10e18, 20e18, 20e18, 50e18);
        vm.prank(bob);
        crowdfund.unpledge(id, 10e18);
        assertEq(token.balanceOf(bob), before + 10e18);
        assertEq(crowdfund.pledgeOf(id, bob), 20e18);
        assertEq(crowdfund.getCampaign(id).raised, 50e18);
        // (sqrt 20 + sqrt 30)^2 - 50 = 2 sqrt 600 ≈ 48.99e18
        assertApproxEqRel(crowdfund.weightOf(id), 48.98979485566356e18, 1e6);
    }

    function test_unpledge_all_removesWeight() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        _pledge(bob, id, 30e18);
        _pledge(alice, id, 30e18);
        vm.prank(bob);
        crowdfund.unpledge(id, 30e18);
        assertEq(crowdfund.weightOf(id), 0);
        assertEq(crowdfund.getCampaign(id).sumSqrt, Math.sqrt(30e18 * 1e18));
    }

    function test_unpledge_revertWhen_MoreThanPledged() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        _pledge(bob, id, 30e18);
        vm.expectRevert(
            abi.encodeWithSelector(ICrowdfund.Crowdfund_InsufficientPledge.selector, id, bob, 30e18, 30e18 + 1)
        );
        vm.prank(bob);
        crowdfund.unpledge(id, 30e18 + 1);
    }

    function test_unpledge_revertWhen_AmountIsZero() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        vm.expectRevert(ICrowdfund.Crowdfund_ZeroAmount.selector);
        vm.prank(bob);
        crowdfund.unpledge(id, 0);
    }

    function test_unpledge_revertWhen_DeadlineReached() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        _pledge(bob, id, 30e18);
        vm.warp(deadline);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_CampaignEnded.selector, id, deadline, deadline));
        vm.prank(bob);
        crowdfund.unpledge(id, 1);
    }

    // ---------------------------------------------------------------- claim

    function test_claim_sendsRaisedToRecipientOnce() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        _pledge(bob, id, 60e18);
        _pledge(alice, id, 50e18);
        vm.warp(deadline);
        uint256 before = token.balanceOf(carol);
        vm.expectEmit(address(crowdfund));
        emit ICrowdfund.FundsClaimed(id, carol, 110e18);
        vm.prank(outsider); // anyone may trigger it; the funds go to the recipient
        crowdfund.claim(id);
        assertEq(token.balanceOf(carol), before + 110e18);
        assertTrue(crowdfund.getCampaign(id).claimed);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_AlreadyClaimed.selector, id));
        crowdfund.claim(id);
    }

    function test_claim_revertWhen_DeadlineNotReached() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        _pledge(bob, id, GOAL);
        vm.expectRevert(
            abi.encodeWithSelector(ICrowdfund.Crowdfund_CampaignNotEnded.selector, id, deadline, block.timestamp)
        );
        crowdfund.claim(id);
    }

    function test_claim_revertWhen_GoalNotMet() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        _pledge(bob, id, GOAL - 1);
        vm.warp(deadline);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_GoalNotMet.selector, id, GOAL - 1, GOAL));
        crowdfund.claim(id);
    }

    // ---------------------------------------------------------------- refund

    function test_refund_returnsPledgeWhenGoalMissed() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        _pledge(bob, id, 40e18);
        _pledge(alice, id, 20e18);
        vm.warp(deadline);
        uint256 before = token.balanceOf(bob);
        vm.expectEmit(address(crowdfund));
        emit ICrowdfund.Refunded(id, bob, 40e18);
        vm.prank(bob);
        crowdfund.refund(id);
        assertEq(token.balanceOf(bob), before + 40e18);
        assertEq(crowdfund.pledgeOf(id, bob), 0);
        assertEq(crowdfund.getCampaign(id).raised, 20e18);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_NothingToRefund.selector, id, bob));
        vm.prank(bob);
        crowdfund.refund(id);
    }

    /// @dev The first refund records the failure; the weight of a failed campaign is 0 and later refunds still
    /// pay each pledger exactly their pledge.
    function test_refund_recordsFailureAndZeroesWeight() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        _pledge(bob, id, 40e18);
        _pledge(alice, id, 20e18);
        assertGt(crowdfund.weightOf(id), 0);
        vm.warp(deadline);
        assertEq(crowdfund.weightOf(id), 0);
        assertFalse(crowdfund.getCampaign(id).failed);
        vm.prank(bob);
        crowdfund.refund(id);
        assertTrue(crowdfund.getCampaign(id).failed);
        uint256 before = token.balanceOf(alice);
        vm.prank(alice);
        crowdfund.refund(id);
        assertEq(token.balanceOf(alice), before + 20e18);
        assertEq(crowdfund.getCampaign(id).raised, 0);
        assertEq(crowdfund.weightOf(id), 0);
        assertEq(token.balanceOf(address(crowdfund)), 0);
    }

    function test_refund_revertWhen_GoalMet() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        _pledge(bob, id, GOAL);
        vm.warp(deadline);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_GoalMet.selector, id, GOAL, GOAL));
        vm.prank(bob);
        crowdfund.refund(id);
    }

    function test_refund_revertWhen_DeadlineNotReached() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        _pledge(bob, id, 1e18);
        vm.expectRevert(
            abi.encodeWithSelector(ICrowdfund.Crowdfund_CampaignNotEnded.selector, id, deadline, block.timestamp)
        );
        vm.prank(bob);
        crowdfund.refund(id);
    }

    function test_refund_revertWhen_NothingPledged() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        vm.warp(deadline);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_NothingToRefund.selector, id, carol));
        vm.prank(carol);
        crowdfund.refund(id);
    }

    // ---------------------------------------------------------------- rounds

    function test_openRound_byStewardEmits() public {
        vm.expectEmit(address(crowdfund));
        emit ICrowdfund.RoundOpened(1, address(union), address(token), uint48(block.timestamp), roundEnd);
        vm.prank(founder);
        uint256 roundId = crowdfund.openRound(address(union), uint48(block.timestamp), roundEnd);
        ICrowdfund.Round memory r = crowdfund.getRound(roundId);
        assertEq(r.union, address(union));
        assertEq(r.end, roundEnd);
        assertEq(r.token, address(token));
    }

    function test_openRound_byTimelockAfterHandOver() public {
        vm.prank(founder);
        union.handOverToGovernance();
        vm.prank(address(timelock));
        crowdfund.openRound(address(union), uint48(block.timestamp), roundEnd);
        assertEq(crowdfund.roundCount(), 1);
    }

    function test_openRound_revertWhen_CallerIsNotSteward() public {
        vm.expectRevert(
            abi.encodeWithSelector(ICrowdfund.Crowdfund_NotSteward.selector, address(union), alice, founder)
        );
        vm.prank(alice);
        crowdfund.openRound(address(union), uint48(block.timestamp), roundEnd);
    }

    function test_openRound_revertWhen_UnionUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_UnknownUnion.selector, alice));
        crowdfund.openRound(alice, uint48(block.timestamp), roundEnd);
    }

    function test_openRound_revertWhen_StartNotBeforeEnd() public {
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_BadRoundWindow.selector, roundEnd, roundEnd));
        vm.prank(founder);
        crowdfund.openRound(address(union), roundEnd, roundEnd);
    }

    function test_openRound_revertWhen_EndInPast() public {
        vm.expectRevert(
            abi.encodeWithSelector(ICrowdfund.Crowdfund_BadDeadline.selector, block.timestamp, block.timestamp)
        );
        vm.prank(founder);
        crowdfund.openRound(address(union), 0, uint48(block.timestamp));
    }

    function test_fundRound_byAnyoneGrowsPool() public {
        uint256 roundId = _openRound();
        _fundAndApprove(bob, address(crowdfund), 5e18);
        vm.expectEmit(address(crowdfund));
        emit ICrowdfund.RoundFunded(roundId, bob, 5e18, POOL + 5e18);
        vm.prank(bob);
        crowdfund.fundRound(roundId, 5e18);
        assertEq(crowdfund.getRound(roundId).pool, POOL + 5e18);
    }

    function test_fundRound_revertWhen_RoundEnded() public {
        uint256 roundId = _openRound();
        vm.warp(roundEnd);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_RoundEnded.selector, roundId, roundEnd, roundEnd));
        crowdfund.fundRound(roundId, 1);
    }

    function test_fundRound_revertWhen_AmountIsZero() public {
        uint256 roundId = _openRound();
        vm.expectRevert(ICrowdfund.Crowdfund_ZeroAmount.selector);
        crowdfund.fundRound(roundId, 0);
    }

    function test_fundRound_revertWhen_RoundUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_UnknownRound.selector, 2));
        crowdfund.fundRound(2, 1);
    }

    // ---------------------------------------------------------------- quadratic matching

    /// @dev A: four pledgers of 25 (weight (4·5)² − 100 = 300); B: one pledger of 100 (weight 0);
    /// C: two pledgers of 50 (weight (2·√50)² − 100 = 100); D: failed. Pool 1000 → A 750, C 250, B 0.
    function _qfScenario() internal returns (uint256 roundId, uint256 a, uint256 b, uint256 c, uint256 d) {
        roundId = _openRound();
        a = _createCampaign(GOAL, deadline, roundId);
        b = _createCampaign(GOAL, deadline, roundId);
        c = _createCampaign(GOAL, roundEnd, roundId);
        d = _createCampaign(GOAL, deadline, roundId);
        for (uint256 i; i < 4; ++i) {
            _pledge(pledgers[i], a, 25e18);
        }
        _pledge(bob, b, 100e18);
        _pledge(alice, c, 50e18);
        _pledge(bob, c, 50e18);
        _pledge(alice, d, 10e18);
        _pledge(bob, d, 10e18);
    }

    function test_finalizeCampaignForRound_accumulatesWeights() public {
        (uint256 roundId, uint256 a, uint256 b, uint256 c,) = _qfScenario();
        vm.warp(roundEnd);
        vm.expectEmit(address(crowdfund));
        emit ICrowdfund.CampaignFinalized(roundId, a, 300e18, 300e18);
        crowdfund.finalizeCampaignForRound(a);
        crowdfund.finalizeCampaignForRound(b);
        crowdfund.finalizeCampaignForRound(c);
        assertEq(crowdfund.getCampaign(b).weight, 0);
        assertApproxEqAbs(crowdfund.getCampaign(c).weight, 100e18, 1e9);
        assertEq(crowdfund.getRound(roundId).totalWeight, 300e18 + crowdfund.getCampaign(c).weight);
    }

    function test_claimMatch_splitsPoolByWeight_andSweepReturnsDust() public {
        (uint256 roundId, uint256 a, uint256 b, uint256 c, uint256 d) = _qfScenario();
        vm.warp(roundEnd);
        crowdfund.finalizeCampaignForRound(a);
        crowdfund.finalizeCampaignForRound(b);
        crowdfund.finalizeCampaignForRound(c);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_GoalNotMet.selector, d, 20e18, GOAL));
        crowdfund.finalizeCampaignForRound(d);
        _afterFinalization();

        uint256 carolBefore = token.balanceOf(carol);
        uint256 expectedA = crowdfund.matchOf(a);
        assertApproxEqAbs(expectedA, 750e18, 1e10);
        vm.expectEmit(address(crowdfund));
        emit ICrowdfund.MatchClaimed(roundId, a, carol, expectedA);
        crowdfund.claimMatch(a);
        crowdfund.claimMatch(b);
        crowdfund.claimMatch(c);
        ICrowdfund.Round memory r = crowdfund.getRound(roundId);
        assertApproxEqAbs(r.paid, POOL, 2);
        assertEq(token.balanceOf(carol), carolBefore + r.paid);

        uint256 dust = POOL - r.paid;
        uint256 treasury = token.balanceOf(address(timelock));
        if (dust == 0) {
            vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_NothingToSweep.selector, roundId));
            crowdfund.sweepRoundRemainder(roundId);
        } else {
            crowdfund.sweepRoundRemainder(roundId);
            assertEq(token.balanceOf(address(timelock)), treasury + dust);
        }
    }

    function test_sweepRoundRemainder_returnsWholePoolWithoutSuccessfulCampaigns() public {
        uint256 roundId = _openRound();
        uint256 id = _createCampaign(GOAL, deadline, roundId);
        _pledge(bob, id, 1e18);
        _afterFinalization();
        uint256 treasury = token.balanceOf(address(timelock));
        vm.expectEmit(address(crowdfund));
        emit ICrowdfund.RoundRemainderSwept(roundId, address(timelock), POOL);
        vm.prank(outsider);
        crowdfund.sweepRoundRemainder(roundId);
        assertEq(token.balanceOf(address(timelock)), treasury + POOL);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_NothingToSweep.selector, roundId));
        crowdfund.sweepRoundRemainder(roundId);
    }

    function test_sweepRoundRemainder_keepsBackUnclaimedMatches() public {
        (uint256 roundId, uint256 a,, uint256 c,) = _qfScenario();
        vm.warp(roundEnd);
        crowdfund.finalizeCampaignForRound(a);
        crowdfund.finalizeCampaignForRound(c);
        _afterFinalization();
        // nothing can be swept while both matches are outstanding except rounding dust
        assertLe(crowdfund.sweepableOf(roundId), 1);
        crowdfund.claimMatch(a);
        assertLe(crowdfund.sweepableOf(roundId), 2);
        crowdfund.claimMatch(c);
        ICrowdfund.Round memory r = crowdfund.getRound(roundId);
        assertEq(crowdfund.sweepableOf(roundId), POOL - r.paid - r.swept);
    }

    function test_sweepRoundRemainder_includesShareOfUnfinalizedCampaign() public {
        (uint256 roundId, uint256 a,, uint256 c,) = _qfScenario();
        vm.warp(roundEnd);
        crowdfund.finalizeCampaignForRound(a); // c never finalised: its share goes to the treasury
        _afterFinalization();
        vm.expectRevert(
            abi.encodeWithSelector(
                ICrowdfund.Crowdfund_FinalizationClosed.selector,
                roundId,
                uint256(roundEnd) + 7 days,
                uint256(roundEnd) + 7 days
            )
        );
        crowdfund.finalizeCampaignForRound(c);
        crowdfund.claimMatch(a);
        assertEq(crowdfund.getRound(roundId).paid, POOL);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_NotFinalized.selector, c));
        crowdfund.claimMatch(c);
    }

    function test_sweepRoundRemainder_revertWhen_FinalizationOpen() public {
        uint256 roundId = _openRound();
        uint256 closesAt = uint256(roundEnd) + 7 days;
        vm.warp(closesAt - 1);
        vm.expectRevert(
            abi.encodeWithSelector(ICrowdfund.Crowdfund_FinalizationOpen.selector, roundId, closesAt, closesAt - 1)
        );
        crowdfund.sweepRoundRemainder(roundId);
    }

    function test_finalizeCampaignForRound_revertWhen_NotInRound() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_NotInRound.selector, id));
        crowdfund.finalizeCampaignForRound(id);
    }

    function test_finalizeCampaignForRound_revertWhen_RoundNotEnded() public {
        uint256 roundId = _openRound();
        uint256 id = _createCampaign(GOAL, deadline, roundId);
        vm.warp(roundEnd - 1);
        vm.expectRevert(
            abi.encodeWithSelector(ICrowdfund.Crowdfund_RoundNotEnded.selector, roundId, roundEnd, roundEnd - 1)
        );
        crowdfund.finalizeCampaignForRound(id);
    }

    function test_finalizeCampaignForRound_revertWhen_AlreadyFinalized() public {
        (,,, uint256 c,) = _qfScenario();
        vm.warp(roundEnd);
        crowdfund.finalizeCampaignForRound(c);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_AlreadyFinalized.selector, c));
        crowdfund.finalizeCampaignForRound(c);
    }

    function test_claimMatch_revertWhen_FinalizationOpen() public {
        (uint256 roundId, uint256 a,,,) = _qfScenario();
        vm.warp(roundEnd);
        crowdfund.finalizeCampaignForRound(a);
        uint256 closesAt = uint256(roundEnd) + 7 days;
        vm.expectRevert(
            abi.encodeWithSelector(ICrowdfund.Crowdfund_FinalizationOpen.selector, roundId, closesAt, roundEnd)
        );
        crowdfund.claimMatch(a);
    }

    function test_claimMatch_revertWhen_AlreadyClaimed() public {
        (, uint256 a,,,) = _qfScenario();
        vm.warp(roundEnd);
        crowdfund.finalizeCampaignForRound(a);
        _afterFinalization();
        crowdfund.claimMatch(a);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_MatchAlreadyClaimed.selector, a));
        crowdfund.claimMatch(a);
    }

    function test_claimMatch_revertWhen_NotInRound() public {
        uint256 id = _createCampaign(GOAL, deadline, 0);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_NotInRound.selector, id));
        crowdfund.claimMatch(id);
    }

    function test_matching_manySmallPledgersBeatOneLargePledger() public {
        uint256 roundId = _openRound();
        uint256 many = _createCampaign(GOAL, deadline, roundId);
        uint256 one = _createCampaign(GOAL, deadline, roundId);
        for (uint256 i; i < 4; ++i) {
            _pledge(pledgers[i], many, 25e18);
        }
        _pledge(alice, one, 99e18);
        _pledge(bob, one, 1e18);
        assertGt(crowdfund.weightOf(many), crowdfund.weightOf(one));
    }
}

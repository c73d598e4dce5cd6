// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Crowdfund} from "../../../contracts/src/economy/Crowdfund.sol";
import {ICrowdfund} from "../../../contracts/src/economy/ICrowdfund.sol";
import {EconomyTestBase} from "./EconomyTestBase.sol";

/// @notice Issue 12: quadratic matching counts trusted members only; the union's timelock pledges without joining.
/// @dev The regression tests use only calls that existed before the fix, so they also run (and fail) against
/// the old Crowdfund.
contract CrowdfundTrustTest is EconomyTestBase {
    uint256 internal constant POOL = 1000e18;
    uint256 internal constant SYBILS = 100;
    uint48 internal deadline;
    uint48 internal roundEnd;
    address internal mallory = makeAddr("mallory");

    function setUp() public override {
        super.setUp();
        deadline = uint48(block.timestamp + 7 days);
        roundEnd = uint48(block.timestamp + 10 days);
        _join(mallory); // Open rule: a member, not trusted
    }

    function _openRound() internal returns (uint256) {
        return _openFundedRound(roundEnd, POOL);
    }

    /// @dev A campaign of `goal` for the round, created by alice, paying carol: alice, bob and arb1 (trusted)
    /// pledge 40 each.
    function _honestCampaign(uint256 roundId) internal returns (uint256 id) {
        id = _createCampaign(100e18, deadline, roundId);
        _pledge(alice, id, 40e18);
        _pledge(bob, id, 40e18);
        _pledge(arb1, id, 40e18);
    }

    /// @dev mallory's campaign paying mallory, pledged 1 token each by `SYBILS` free addresses that joined the
    /// Open union.
    function _sybilCampaign(uint256 roundId) internal returns (uint256 id) {
        vm.prank(mallory);
        id = crowdfund.createCampaign(
            ICrowdfund.CampaignParams({
                union: address(union),
                descriptionCid: DESCRIPTION,
                recipient: mallory,
                goal: uint128(SYBILS) * 1e18,
                deadline: deadline,
                roundId: roundId
            })
        );
        for (uint256 i; i < SYBILS; ++i) {
            address sybil = address(uint160(0x5b11_0000 + i));
            _join(sybil);
            _pledge(sybil, id, 1e18);
        }
    }

    function _finalizeAndClaim(uint256 id) internal {
        crowdfund.finalizeCampaignForRound(id);
        uint256 closes = uint256(roundEnd) + crowdfund.FINALIZATION_WINDOW();
        if (block.timestamp < closes) vm.warp(closes);
        crowdfund.claimMatch(id);
    }

    // ---------------------------------------------------------------- regression: sybil pledges

    /// @dev The attack of issue 12 step by step: mallory joins the Open union, creates a campaign paying
    /// herself, and has 100 free addresses join and pledge 1 token each. Before the fix her campaign's weight
    /// was 100² − 100 = 9,900 against the honest campaign's 240 and took 97.6% of the pool. Now free addresses
    /// earn no match: their pledges still meet her goal, and the whole pool goes to the campaign trusted
    /// members backed.
    function test_regression_sybilPledgesEarnNoMatch() public {
        uint256 roundId = _openRound();
        uint256 honest = _honestCampaign(roundId);
        uint256 attack = _sybilCampaign(roundId);
        vm.warp(roundEnd);

        // the pledges count toward the goal: the campaign succeeds and pays out what was pledged
        assertEq(crowdfund.getCampaign(attack).raised, SYBILS * 1e18);
        uint256 malloryBefore = token.balanceOf(mallory);
        crowdfund.claim(attack);
        assertEq(token.balanceOf(mallory), malloryBefore + SYBILS * 1e18);

        uint256 carolBefore = token.balanceOf(carol);
        crowdfund.finalizeCampaignForRound(honest);
        _finalizeAndClaim(attack);
        crowdfund.claimMatch(honest);

        assertEq(crowdfund.getCampaign(attack).weight, 0, "sybil weight");
        assertEq(token.balanceOf(mallory), malloryBefore + SYBILS * 1e18, "no match for the sybils");
        // (3 sqrt 40)^2 - 120 = 240, the only weight in the round
        assertApproxEqAbs(crowdfund.getCampaign(honest).weight, 240e18, 1e10);
        assertEq(token.balanceOf(carol), carolBefore + POOL, "honest campaign gets the whole pool");
    }

    // ---------------------------------------------------------------- matchable pledges

    function test_pledge_untrustedMemberCountsTowardGoalNotMatching() public {
        uint256 id = _createCampaign(100e18, deadline, 0);
        _fundAndApprove(mallory, address(crowdfund), 30e18);
        vm.expectEmit(address(crowdfund));
        emit ICrowdfund.Pledged(id, mallory, 30e18, 30e18, 0, 30e18);
        vm.prank(mallory);
        crowdfund.pledge(id, 30e18);
        _pledge(bob, id, 20e18);
        ICrowdfund.Campaign memory c = crowdfund.getCampaign(id);
        assertEq(c.raised, 50e18);
        assertEq(c.matchable, 20e18);
        assertEq(c.sumSqrt, Math.sqrt(20e18 * 1e18));
        assertEq(crowdfund.pledgeOf(id, mallory), 30e18);
        assertEq(crowdfund.matchableOf(id, mallory), 0);
        assertEq(crowdfund.matchableOf(id, bob), 20e18);
        assertEq(crowdfund.weightOf(id), 0); // one trusted pledger
    }

    function test_pledge_trustedAfterJoiningKeepsEarlierPartUnmatched() public {
        uint256 id = _createCampaign(100e18, deadline, 0);
        _pledge(mallory, id, 10e18);
        // mallory leaves and comes back through the steward's approval: trusted from now on
        vm.prank(mallory);
        union.leave();
        _joinTrusted(mallory);
        _pledge(mallory, id, 5e18);
        assertEq(crowdfund.pledgeOf(id, mallory), 15e18);
        assertEq(crowdfund.matchableOf(id, mallory), 5e18);
    }

    function test_unpledge_takesUnmatchedPartFirst() public {
        uint256 id = _createCampaign(100e18, deadline, 0);
        _pledge(mallory, id, 10e18);
        vm.prank(mallory);
        union.leave();
        _joinTrusted(mallory);
        _pledge(mallory, id, 5e18);
        vm.expectEmit(address(crowdfund));
        emit ICrowdfund.Unpledged(id, mallory, 8e18, 7e18, 5e18, 7e18);
        vm.prank(mallory);
        crowdfund.unpledge(id, 8e18);
        assertEq(crowdfund.matchableOf(id, mallory), 5e18);
        vm.prank(mallory);
        crowdfund.unpledge(id, 4e18);
        assertEq(crowdfund.matchableOf(id, mallory), 3e18);
        ICrowdfund.Campaign memory c = crowdfund.getCampaign(id);
        assertEq(c.matchable, 3e18);
        assertEq(c.sumSqrt, Math.sqrt(3e18 * 1e18));
    }

    function test_refund_clearsPledgeAndMatchablePart() public {
        uint256 id = _createCampaign(100e18, deadline, 0);
        _pledge(bob, id, 20e18);
        vm.warp(deadline);
        vm.prank(bob);
        crowdfund.refund(id);
        assertEq(crowdfund.pledgeOf(id, bob), 0);
        assertEq(crowdfund.matchableOf(id, bob), 0);
    }

    // ---------------------------------------------------------------- prune

    function test_prune_removesWeightOfPledgerWhoLeft() public {
        uint256 roundId = _openRound();
        uint256 id = _honestCampaign(roundId);
        uint256 weightBefore = crowdfund.weightOf(id);
        vm.prank(arb1);
        union.leave();
        // (2 sqrt 40)^2 - 80 = 80
        uint256 expected = Math.mulDiv(2 * Math.sqrt(40e36), 2 * Math.sqrt(40e36), 1e18) - 80e18;
        vm.expectEmit(address(crowdfund));
        emit ICrowdfund.PledgePruned(id, arb1, 40e18, expected);
        vm.prank(outsider); // anyone
        crowdfund.prune(id, arb1);
        assertLt(expected, weightBefore);
        assertEq(crowdfund.weightOf(id), expected);
        assertEq(crowdfund.matchableOf(id, arb1), 0);
        assertEq(crowdfund.pledgeOf(id, arb1), 40e18); // the pledge stays
        assertEq(crowdfund.getCampaign(id).raised, 120e18);
    }

    function test_prune_afterFinalizationUpdatesRecordedAndTotalWeight() public {
        uint256 roundId = _openRound();
        uint256 id = _honestCampaign(roundId);
        uint256 other = _createCampaign(100e18, deadline, roundId);
        _pledge(alice, other, 50e18);
        _pledge(bob, other, 50e18);
        vm.warp(roundEnd);
        crowdfund.finalizeCampaignForRound(id);
        crowdfund.finalizeCampaignForRound(other);
        uint256 otherWeight = crowdfund.getCampaign(other).weight;
        vm.prank(arb1);
        union.leave();
        crowdfund.prune(id, arb1);
        uint256 weight = crowdfund.getCampaign(id).weight;
        assertEq(weight, crowdfund.weightOf(id));
        assertEq(crowdfund.getRound(roundId).totalWeight, weight + otherWeight);
        vm.warp(uint256(roundEnd) + crowdfund.FINALIZATION_WINDOW());
        assertEq(crowdfund.matchOf(id), Math.mulDiv(POOL, weight, weight + otherWeight));
    }

    function test_prune_revertWhen_PledgerStillTrusted() public {
        uint256 id = _honestCampaign(_openRound());
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_StillTrusted.selector, id, arb1));
        crowdfund.prune(id, arb1);
    }

    function test_prune_revertWhen_NothingMatchable() public {
        uint256 id = _createCampaign(100e18, deadline, _openRound());
        _pledge(mallory, id, 10e18);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_NothingToPrune.selector, id, mallory));
        crowdfund.prune(id, mallory);
    }

    function test_prune_revertWhen_NotInRound() public {
        uint256 id = _createCampaign(100e18, deadline, 0);
        vm.expectRevert(abi.encodeWithSelector(ICrowdfund.Crowdfund_NotInRound.selector, id));
        crowdfund.prune(id, arb1);
    }

    function test_prune_revertWhen_FinalizationClosed() public {
        uint256 roundId = _openRound();
        uint256 id = _honestCampaign(roundId);
        vm.prank(arb1);
        union.leave();
        uint256 closes = uint256(roundEnd) + crowdfund.FINALIZATION_WINDOW();
        vm.warp(closes);
        vm.expectRevert(
            abi.encodeWithSelector(ICrowdfund.Crowdfund_FinalizationClosed.selector, roundId, closes, closes)
        );
        crowdfund.prune(id, arb1);
    }

    // ---------------------------------------------------------------- the treasury pays without joining

    /// @dev Before the fix the timelock had to join the union to pledge (reverting with `Crowdfund_NotMember`),
    /// and joining delegated the whole reserve to it. Now it pledges as it is; its pledge earns no match.
    function test_regression_timelockPledgesWithoutJoining() public {
        uint256 id = _createCampaign(100e18, deadline, 0);
        vm.startPrank(address(timelock));
        token.approve(address(crowdfund), 60e18);
        crowdfund.pledge(id, 60e18);
        vm.stopPrank();
        assertFalse(union.isMember(address(timelock)));
        assertEq(token.delegates(address(timelock)), address(0));
        assertEq(token.getVotes(address(timelock)), 0);
        assertEq(crowdfund.pledgeOf(id, address(timelock)), 60e18);
        assertEq(crowdfund.getCampaign(id).raised, 60e18);
    }

    function test_pledge_timelockEarnsNoMatch() public {
        uint256 id = _createCampaign(100e18, deadline, 0);
        _pledge(address(timelock), id, 60e18);
        _pledge(bob, id, 40e18);
        assertEq(crowdfund.matchableOf(id, address(timelock)), 0);
        assertEq(crowdfund.getCampaign(id).matchable, 40e18);
    }

    function test_fundRound_byTimelockWithoutJoining() public {
        vm.prank(founder);
        uint256 roundId = crowdfund.openRound(address(union), uint48(block.timestamp), roundEnd);
        vm.startPrank(address(timelock));
        token.approve(address(crowdfund), POOL);
        crowdfund.fundRound(roundId, POOL);
        vm.stopPrank();
        assertEq(crowdfund.getRound(roundId).pool, POOL);
        assertFalse(union.isMember(address(timelock)));
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {console} from "forge-std/console.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ICrowdfund} from "../../../../contracts/src/economy/ICrowdfund.sol";
import {IUnion} from "../../../../contracts/src/interfaces/IUnion.sol";
import {Union} from "../../../../contracts/src/Union.sol";
import {UnionFactory} from "../../../../contracts/src/UnionFactory.sol";
import {UnionTimelock} from "../../../../contracts/src/UnionTimelock.sol";
import {UnionToken} from "../../../../contracts/src/UnionToken.sol";
import {EconomyTestBase} from "../EconomyTestBase.sol";
import {CrowdfundHandler} from "./CrowdfundHandler.sol";
import {PathCoverage} from "../../utils/PathCoverage.sol";

/// @dev Two unions (each its own token and treasury) share one crowdfund; each has two overlapping matching rounds,
/// and the first also campaigns outside any round. Every crowdfunding invariant is checked after every call, per
/// campaign, per round and per token; `afterInvariant` counts in how many runs each path was reached and the last
/// run asserts every path in at least a fifth of the runs.
contract CrowdfundInvariantsTest is EconomyTestBase, PathCoverage {
    CrowdfundHandler internal handler;
    UnionToken[] internal tokens;
    mapping(uint256 roundId => uint256) internal initialPool;

    function setUp() public override {
        super.setUp();
        Union first = union;
        UnionToken firstToken = token;
        UnionTimelock firstTimelock = timelock;
        // the last pledger joined both Open unions freely: a member, not trusted (pledges, never matched)
        address sybil = makeAddr("sybil");
        _join(sybil);
        address[] memory pledgers = new address[](6);
        pledgers[0] = alice;
        pledgers[1] = bob;
        pledgers[2] = carol;
        pledgers[3] = arb1;
        pledgers[4] = arb2;
        pledgers[5] = sybil;

        // the first union: two rounds (the second opens while the first runs and ends a day later), and two
        // campaigns in no round
        uint256[] memory roundIds = new uint256[](4);
        uint256[] memory ids = new uint256[](11);
        uint48 t0 = uint48(block.timestamp);
        roundIds[0] = _openFundedRound(t0, t0 + 1 days, 1_000e18);
        roundIds[1] = _openFundedRound(t0 + 12 hours, t0 + 2 days, 600e18);
        ids[0] = _createCampaign(60e18, t0 + 1 days, roundIds[0]);
        ids[1] = _createCampaign(40e18, t0 + 12 hours, roundIds[0]);
        ids[2] = _createCampaign(150e18, t0 + 18 hours, roundIds[0]);
        ids[3] = _createCampaign(80e18, t0 + 2 days, roundIds[1]);
        ids[4] = _createCampaign(50e18, t0 + 36 hours, roundIds[1]);
        ids[5] = _createCampaign(30e18, t0 + 6 hours, 0);
        ids[6] = _createCampaign(200e18, t0 + 2 days, 0);
        _startAtNinetyPercent(ids, 0, 7, pledgers);
        _approveAll(pledgers);
        tokens.push(firstToken);

        // the second union, founded by the same founder: alice, bob and arb2 trusted there; carol, arb1 and the
        // sybil mere members (trust in one union is nothing in another)
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.name = "Second Union";
        p.tokenName = "Second Union Token";
        p.tokenSymbol = "SUT";
        _createUnion(p);
        _joinTrusted(alice);
        _joinTrusted(bob);
        _joinTrusted(arb2);
        _join(carol);
        _join(arb1);
        _join(sybil);
        roundIds[2] = _openFundedRound(t0, t0 + 1 days, 800e18);
        roundIds[3] = _openFundedRound(t0 + 6 hours, t0 + 2 days, 400e18);
        ids[7] = _createCampaign(70e18, t0 + 1 days, roundIds[2]);
        ids[8] = _createCampaign(45e18, t0 + 20 hours, roundIds[2]);
        ids[9] = _createCampaign(90e18, t0 + 2 days, roundIds[3]);
        ids[10] = _createCampaign(35e18, t0 + 40 hours, roundIds[3]);
        _startAtNinetyPercent(ids, 7, 11, pledgers);
        _approveAll(pledgers);
        tokens.push(token);
        (union, token, timelock) = (first, firstToken, firstTimelock);

        handler = new CrowdfundHandler(crowdfund, address(first), roundIds, pledgers, ids);
        targetContract(address(handler));
    }

    /// @dev The current union's steward opens a round and funds it from the current union's treasury.
    function _openFundedRound(uint48 start, uint48 end, uint256 pool) internal returns (uint256 roundId) {
        vm.prank(founder);
        roundId = crowdfund.openRound(address(union), start, end);
        _fundAndApprove(founder, address(crowdfund), pool);
        vm.prank(founder);
        crowdfund.fundRound(roundId, pool);
        initialPool[roundId] = pool;
    }

    /// @dev Campaigns `ids[from..to)` start at 90% of their goals from two pledgers, so one pledge or unpledge
    /// decides each.
    function _startAtNinetyPercent(uint256[] memory ids, uint256 from, uint256 to, address[] memory pledgers) internal {
        for (uint256 c = from; c < to; ++c) {
            uint256 half = uint256(crowdfund.getCampaign(ids[c]).goal) * 45 / 100;
            _pledge(pledgers[c % pledgers.length], ids[c], half);
            _pledge(pledgers[(c + 1) % pledgers.length], ids[c], half);
        }
    }

    function _approveAll(address[] memory pledgers) internal {
        for (uint256 i; i < pledgers.length; ++i) {
            vm.prank(pledgers[i]);
            token.approve(address(crowdfund), type(uint256).max);
        }
    }

    /// @dev What the checks read, read once per call: every campaign and round, and per campaign the sums over
    /// its pledgers' live pledges, matchable parts and matchable square roots.
    struct State {
        uint256[] ids;
        ICrowdfund.Campaign[] camps;
        uint256[] pledged;
        uint256[] matchable;
        uint256[] sumSqrt;
        uint256[] roundIds;
        ICrowdfund.Round[] rounds;
    }

    function invariant_crowdfundAccounting() public view {
        State memory s = _read();
        _raisedEqualsSumOfLivePledges(s);
        _matchingCountsOnlyTrustedPledges(s);
        _roundWeightsAreTheirCampaignsSumSqrt(s);
        _refundsPossibleIffGoalMissedAfterDeadline();
        _matchingPaidNeverExceedsPool(s);
        _balanceCoversEverythingOwed(s);
    }

    function _read() internal view returns (State memory s) {
        s.ids = handler.campaigns();
        s.roundIds = handler.rounds();
        address[] memory pledgers = handler.pledgers();
        uint256 n = s.ids.length;
        s.camps = new ICrowdfund.Campaign[](n);
        s.pledged = new uint256[](n);
        s.matchable = new uint256[](n);
        s.sumSqrt = new uint256[](n);
        uint256 scale = crowdfund.SCALE();
        for (uint256 c; c < n; ++c) {
            s.camps[c] = crowdfund.getCampaign(s.ids[c]);
            for (uint256 i; i < pledgers.length; ++i) {
                uint256 p = crowdfund.pledgeOf(s.ids[c], pledgers[i]);
                uint256 m = crowdfund.matchableOf(s.ids[c], pledgers[i]);
                // each matchable part is within its pledge; the untrusted pledger (the last) has none
                assertLe(m, p, "matchable within pledge");
                if (i == pledgers.length - 1) assertEq(m, 0, "untrusted pledger matchable");
                s.pledged[c] += p;
                s.matchable[c] += m;
                s.sumSqrt[c] += Math.sqrt(m * scale);
            }
        }
        s.rounds = new ICrowdfund.Round[](s.roundIds.length);
        for (uint256 r; r < s.roundIds.length; ++r) {
            s.rounds[r] = crowdfund.getRound(s.roundIds[r]);
        }
    }

    /// @dev Every campaign's `raised` is the sum of its live pledges.
    function _raisedEqualsSumOfLivePledges(State memory s) internal pure {
        for (uint256 c; c < s.ids.length; ++c) {
            assertEq(s.camps[c].raised, s.pledged[c], "raised");
        }
    }

    /// @dev Matching sees only pledges made while trusted in the campaign's own union: before a campaign fails,
    /// `matchable` and `sumSqrt` are the sums over the live matchable pledges (`sumSqrt` = Σ floor(sqrt(m · SCALE)),
    /// through every pledge, unpledge, prune and churn; frozen once a failed campaign starts refunding).
    function _matchingCountsOnlyTrustedPledges(State memory s) internal pure {
        for (uint256 c; c < s.ids.length; ++c) {
            // refunds of a failed campaign leave its matchable totals as they were at the deadline
            if (s.camps[c].failed) continue;
            assertEq(s.camps[c].matchable, s.matchable[c], "matchable");
            assertEq(s.camps[c].sumSqrt, s.sumSqrt[c], "sumSqrt");
        }
    }

    /// @dev Per round: each finalised campaign's recorded weight is `(sumSqrt)² / SCALE − matchable` of its live
    /// matchable pledges (prunes after finalising included), the round's total weight is the sum of its
    /// finalised campaigns' weights, and its claimed weight the sum of those whose match was claimed; a campaign
    /// belongs to a round of its own union and holds that union's token.
    function _roundWeightsAreTheirCampaignsSumSqrt(State memory s) internal view {
        uint256 scale = crowdfund.SCALE();
        for (uint256 r; r < s.roundIds.length; ++r) {
            uint256 total;
            uint256 claimed;
            for (uint256 c; c < s.ids.length; ++c) {
                ICrowdfund.Campaign memory camp = s.camps[c];
                if (camp.roundId != s.roundIds[r]) continue;
                assertEq(camp.union, s.rounds[r].union, "campaign in another union's round");
                assertEq(camp.token, s.rounds[r].token, "campaign token");
                if (!camp.finalized) continue;
                uint256 squared = Math.mulDiv(s.sumSqrt[c], s.sumSqrt[c], scale);
                assertEq(camp.weight, squared > s.matchable[c] ? squared - s.matchable[c] : 0, "weight from sumSqrt");
                total += camp.weight;
                if (camp.matchClaimed) claimed += camp.weight;
            }
            assertEq(s.rounds[r].totalWeight, total, "round total weight");
            assertEq(s.rounds[r].claimedWeight, claimed, "round claimed weight");
        }
    }

    /// @dev Refunds (and claims) worked exactly when the rules allow them.
    function _refundsPossibleIffGoalMissedAfterDeadline() internal view {
        assertEq(handler.ghostRuleViolations(), 0);
    }

    /// @dev Matching never pays out more than the pool; paid + swept never exceed it; the ghosts agree (per round).
    function _matchingPaidNeverExceedsPool(State memory s) internal view {
        for (uint256 i; i < s.roundIds.length; ++i) {
            uint256 id = s.roundIds[i];
            ICrowdfund.Round memory r = s.rounds[i];
            assertEq(r.pool, initialPool[id] + handler.ghostPoolFunded(id), "pool");
            assertEq(r.paid, handler.ghostMatchPaid(id), "paid");
            assertEq(r.swept, handler.ghostSwept(id), "swept");
            assertLe(r.paid + r.swept, r.pool);
            if (r.totalWeight != 0) assertLe(r.claimedWeight, r.totalWeight);
        }
    }

    /// @dev The contract holds exactly what it owes, in each union's token: unclaimed raised funds plus the
    /// unpaid, unswept pools (one union's pledges never pay another's).
    function _balanceCoversEverythingOwed(State memory s) internal view {
        for (uint256 t; t < tokens.length; ++t) {
            uint256 owed;
            for (uint256 c; c < s.ids.length; ++c) {
                if (s.camps[c].token == address(tokens[t]) && !s.camps[c].claimed) owed += s.camps[c].raised;
            }
            for (uint256 i; i < s.roundIds.length; ++i) {
                ICrowdfund.Round memory r = s.rounds[i];
                if (r.token == address(tokens[t])) owed += r.pool - r.paid - r.swept;
            }
            assertEq(tokens[t].balanceOf(address(crowdfund)), owed, "balance");
        }
    }

    function afterInvariant() external {
        _recordPaths({
            suite: "crowdfund",
            pathList: string.concat(
                "pledge unpledge refund claim fundRound finalize claimMatch sweep leave ",
                "rejoin unpledgeAfterLeaving refundAfterLeaving prune secondUnionLeave ",
                "secondUnionPledge secondUnionFundRound secondUnionFinalize ",
                "secondUnionClaimMatch secondUnionSweep secondRoundPledge ",
                "secondRoundFundRound secondRoundFinalize secondRoundClaimMatch ",
                "secondRoundSweep"
            ),
            reachedIn: handler.calls
        });
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {console} from "forge-std/console.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ICrowdfund} from "../../../../contracts/src/economy/ICrowdfund.sol";
import {EconomyTestBase} from "../EconomyTestBase.sol";
import {CrowdfundHandler} from "./CrowdfundHandler.sol";
import {PathCoverage} from "../../utils/PathCoverage.sol";

/// @dev One campaign checks every crowdfunding invariant after every call; `afterInvariant` counts in how many
/// runs each path was reached and the last run asserts every path in at least a fifth of the runs.
contract CrowdfundInvariantsTest is EconomyTestBase, PathCoverage {
    CrowdfundHandler internal handler;
    uint256 internal roundId;
    uint256 internal constant INITIAL_POOL = 1_000e18;

    function setUp() public override {
        super.setUp();
        // the last pledger joined the Open union freely: a member, not trusted (pledges, never matched)
        address sybil = makeAddr("sybil");
        _join(sybil);
        address[] memory pledgers = new address[](6);
        pledgers[0] = alice;
        pledgers[1] = bob;
        pledgers[2] = carol;
        pledgers[3] = arb1;
        pledgers[4] = arb2;
        pledgers[5] = sybil;

        uint48 end = uint48(block.timestamp + 1 days);
        vm.prank(founder);
        roundId = crowdfund.openRound(address(union), uint48(block.timestamp), end);
        _fundAndApprove(founder, address(crowdfund), INITIAL_POOL);
        vm.prank(founder);
        crowdfund.fundRound(roundId, INITIAL_POOL);

        uint256[] memory ids = new uint256[](5);
        ids[0] = _createCampaign(60e18, end, roundId);
        ids[1] = _createCampaign(40e18, uint48(block.timestamp + 12 hours), roundId);
        ids[2] = _createCampaign(150e18, uint48(block.timestamp + 18 hours), roundId);
        ids[3] = _createCampaign(30e18, uint48(block.timestamp + 6 hours), 0);
        ids[4] = _createCampaign(200e18, uint48(block.timestamp + 2 days), 0);

        // every campaign starts at 90% of its goal from two pledgers, so one pledge or unpledge decides it
        for (uint256 c; c < ids.length; ++c) {
            uint256 half = uint256(crowdfund.getCampaign(ids[c]).goal) * 45 / 100;
            _pledge(pledgers[c % pledgers.length], ids[c], half);
            _pledge(pledgers[(c + 1) % pledgers.length], ids[c], half);
        }

        for (uint256 i; i < pledgers.length; ++i) {
            vm.prank(pledgers[i]);
            token.approve(address(crowdfund), type(uint256).max);
        }
        handler = new CrowdfundHandler(crowdfund, token, address(timelock), roundId, pledgers, ids);
        targetContract(address(handler));
    }

    function invariant_crowdfundAccounting() public view {
        _raisedEqualsSumOfLivePledges();
        _matchingCountsOnlyTrustedPledges();
        _refundsPossibleIffGoalMissedAfterDeadline();
        _matchingPaidNeverExceedsPool();
        _balanceCoversEverythingOwed();
    }

    /// @dev Every campaign's `raised` is the sum of its live pledges.
    function _raisedEqualsSumOfLivePledges() internal view {
        uint256[] memory ids = handler.campaigns();
        address[] memory pledgers = handler.pledgers();
        for (uint256 c; c < ids.length; ++c) {
            uint256 sum;
            for (uint256 i; i < pledgers.length; ++i) {
                sum += crowdfund.pledgeOf(ids[c], pledgers[i]);
            }
            assertEq(crowdfund.getCampaign(ids[c]).raised, sum);
        }
    }

    /// @dev Matching sees only trusted pledges: before a campaign fails, `matchable` and `sumSqrt` are the sums
    /// over the live matchable pledges (`sumSqrt` = Σ floor(sqrt(m · SCALE)), through every pledge, unpledge and
    /// churn; frozen once a failed campaign starts refunding), each matchable part is within its pledge, and the
    /// untrusted pledger's is zero.
    function _matchingCountsOnlyTrustedPledges() internal view {
        uint256[] memory ids = handler.campaigns();
        address[] memory pledgers = handler.pledgers();
        for (uint256 c; c < ids.length; ++c) {
            ICrowdfund.Campaign memory camp = crowdfund.getCampaign(ids[c]);
            uint256 sum;
            uint256 sumSqrt;
            for (uint256 i; i < pledgers.length; ++i) {
                uint256 m = crowdfund.matchableOf(ids[c], pledgers[i]);
                assertLe(m, crowdfund.pledgeOf(ids[c], pledgers[i]));
                sum += m;
                sumSqrt += Math.sqrt(m * crowdfund.SCALE());
            }
            assertEq(crowdfund.matchableOf(ids[c], pledgers[pledgers.length - 1]), 0);
            // refunds of a failed campaign leave its matchable totals as they were at the deadline
            if (camp.failed) continue;
            assertEq(camp.matchable, sum);
            assertEq(camp.sumSqrt, sumSqrt);
        }
    }

    /// @dev Refunds (and claims) worked exactly when the rules allow them.
    function _refundsPossibleIffGoalMissedAfterDeadline() internal view {
        assertEq(handler.ghostRuleViolations(), 0);
    }

    /// @dev Matching never pays out more than the pool; paid + swept never exceed it; the ghosts agree.
    function _matchingPaidNeverExceedsPool() internal view {
        ICrowdfund.Round memory r = crowdfund.getRound(roundId);
        assertEq(r.pool, INITIAL_POOL + handler.ghostPoolFunded());
        assertEq(r.paid, handler.ghostMatchPaid());
        assertEq(r.swept, handler.ghostSwept());
        assertLe(r.paid + r.swept, r.pool);
        if (r.totalWeight != 0) assertLe(r.claimedWeight, r.totalWeight);
    }

    /// @dev The contract holds exactly what it owes: unclaimed raised funds plus the unpaid, unswept pool.
    function _balanceCoversEverythingOwed() internal view {
        uint256[] memory ids = handler.campaigns();
        uint256 owed;
        for (uint256 c; c < ids.length; ++c) {
            ICrowdfund.Campaign memory camp = crowdfund.getCampaign(ids[c]);
            if (!camp.claimed) owed += camp.raised;
        }
        ICrowdfund.Round memory r = crowdfund.getRound(roundId);
        owed += r.pool - r.paid - r.swept;
        assertEq(token.balanceOf(address(crowdfund)), owed);
    }

    function afterInvariant() external {
        string[] memory paths = new string[](12);
        paths[0] = "pledge";
        paths[1] = "unpledge";
        paths[2] = "refund";
        paths[3] = "claim";
        paths[4] = "fundRound";
        paths[5] = "finalize";
        paths[6] = "claimMatch";
        paths[7] = "sweep";
        paths[8] = "leave";
        paths[9] = "rejoin";
        paths[10] = "unpledgeAfterLeaving";
        paths[11] = "refundAfterLeaving";
        uint256[] memory counts = new uint256[](paths.length);
        for (uint256 i; i < paths.length; ++i) {
            counts[i] = handler.calls(bytes32(bytes(paths[i])));
        }
        _recordRun({
            suite: "crowdfund", paths: paths, counts: counts, runs: _configuredRuns(64, 128, 256), floorPct: FLOOR_PCT
        });
    }
}

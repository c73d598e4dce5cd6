// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {Crowdfund} from "../../../../contracts/src/economy/Crowdfund.sol";
import {ICrowdfund} from "../../../../contracts/src/economy/ICrowdfund.sol";
import {Union} from "../../../../contracts/src/Union.sol";
import {UnionToken} from "../../../../contracts/src/UnionToken.sol";

/// @dev Drives random pledges, withdrawals, claims, refunds, round funding, finalisation, match claims and
/// sweeps over a fixed set of campaigns (some in one matching round). Claims and refunds are attempted
/// whether or not they should work, and the handler records any attempt whose outcome contradicts the rule.
/// Members churn: a pledger may leave the union (keeping their pledges, which they can still take back or have
/// refunded) and rejoins before pledging again. `calls` counts, per run, the calls that reached the crowdfund.
contract CrowdfundHandler is CommonBase, StdCheats, StdUtils {
    Crowdfund public immutable crowdfund;
    UnionToken public immutable token;
    address public immutable treasury;
    uint256 public immutable roundId;

    address[] internal _pledgers;
    uint256[] internal _campaigns;

    uint256 public ghostPoolFunded;
    uint256 public ghostMatchPaid;
    uint256 public ghostSwept;
    /// @dev A refund or claim succeeded when it should have failed, or failed when it should have succeeded.
    uint256 public ghostRuleViolations;
    mapping(bytes32 action => uint256) public calls;
    uint256 internal _actions;

    modifier counted() {
        ++_actions;
        _;
    }

    constructor(
        Crowdfund crowdfund_,
        UnionToken token_,
        address treasury_,
        uint256 roundId_,
        address[] memory pledgers_,
        uint256[] memory campaigns_
    ) {
        crowdfund = crowdfund_;
        token = token_;
        treasury = treasury_;
        roundId = roundId_;
        _pledgers = pledgers_;
        _campaigns = campaigns_;
    }

    function pledgers() external view returns (address[] memory) {
        return _pledgers;
    }

    function campaigns() external view returns (uint256[] memory) {
        return _campaigns;
    }

    /// @dev Two pledgers (the seed's and the next) pledge, so that campaigns gather several pledgers and
    /// quadratic weights are non-trivial within a short campaign.
    function pledge(uint256 pledgerSeed, uint256 campaignSeed, uint256 amount) external counted {
        (uint256 id, bool found) = _firstOpen(campaignSeed);
        if (!found) return;
        for (uint256 k; k < 2; ++k) {
            address who = _pledgers[(pledgerSeed + k) % _pledgers.length];
            Union union = Union(address(token.union()));
            if (!union.isMember(who)) {
                vm.prank(who);
                union.join();
                ++calls["rejoin"];
            }
            uint256 value = bound(uint256(keccak256(abi.encode(amount, k))), 1, 60e18);
            vm.prank(treasury);
            token.transfer(who, value);
            vm.prank(who);
            crowdfund.pledge(id, value);
        }
        ++calls["pledge"];
    }

    /// @dev Takes back part of the first live pledge in an open campaign, scanning from the seeds.
    function unpledge(uint256 pledgerSeed, uint256 campaignSeed, uint256 amount) external counted {
        (bool found, address who, uint256 id) = _findPledge(pledgerSeed, campaignSeed, false);
        if (!found) return;
        uint256 pledged = crowdfund.pledgeOf(id, who);
        vm.prank(who);
        crowdfund.unpledge(id, bound(amount, 1, pledged));
        ++calls["unpledge"];
        if (!Union(address(token.union())).isMember(who)) ++calls["unpledgeAfterLeaving"];
    }

    /// @dev Refund must succeed iff the deadline passed, the goal was missed and the caller has a pledge.
    /// Half the time it tries a random (pledger, campaign); else the first pledge in a failed campaign.
    function refund(uint256 pledgerSeed, uint256 campaignSeed) external counted {
        address who = _pledgers[pledgerSeed % _pledgers.length];
        uint256 id = _campaigns[campaignSeed % _campaigns.length];
        if (pledgerSeed & 1 == 1) {
            (bool found, address w, uint256 i) = _findPledge(pledgerSeed >> 1, campaignSeed, true);
            if (found) (who, id) = (w, i);
        }
        ICrowdfund.Campaign memory c = crowdfund.getCampaign(id);
        uint256 pledged = crowdfund.pledgeOf(id, who);
        bool allowed = block.timestamp >= c.deadline && c.raised < c.goal && pledged != 0;
        uint256 before = token.balanceOf(who);
        vm.prank(who);
        try crowdfund.refund(id) {
            if (!allowed || token.balanceOf(who) - before != pledged) ++ghostRuleViolations;
            ++calls["refund"];
            if (!Union(address(token.union())).isMember(who)) ++calls["refundAfterLeaving"];
        } catch {
            if (allowed) ++ghostRuleViolations;
        }
    }

    /// @dev Claim must succeed iff the deadline passed, the goal was met and nobody claimed before.
    function claim(uint256 campaignSeed) external counted {
        uint256 id = _campaigns[campaignSeed % _campaigns.length];
        ICrowdfund.Campaign memory c = crowdfund.getCampaign(id);
        bool allowed = block.timestamp >= c.deadline && c.raised >= c.goal && !c.claimed;
        try crowdfund.claim(id) {
            if (!allowed) ++ghostRuleViolations;
            ++calls["claim"];
        } catch {
            if (allowed) ++ghostRuleViolations;
        }
    }

    function fundRound(uint256 amount) external counted {
        if (block.timestamp >= crowdfund.getRound(roundId).end) return;
        amount = bound(amount, 1, 500e18);
        vm.startPrank(treasury);
        token.approve(address(crowdfund), amount);
        crowdfund.fundRound(roundId, amount);
        vm.stopPrank();
        ghostPoolFunded += amount;
        ++calls["fundRound"];
    }

    /// @dev Finalises the first eligible campaign from the seed on (some may stay unfinalised).
    function finalize(uint256 campaignSeed) external counted {
        ICrowdfund.Round memory r = crowdfund.getRound(roundId);
        if (block.timestamp < r.end || block.timestamp >= uint256(r.end) + crowdfund.FINALIZATION_WINDOW()) return;
        for (uint256 k; k < _campaigns.length; ++k) {
            uint256 id = _campaigns[(campaignSeed + k) % _campaigns.length];
            ICrowdfund.Campaign memory c = crowdfund.getCampaign(id);
            if (c.roundId == 0 || c.finalized || c.raised < c.goal) continue;
            crowdfund.finalizeCampaignForRound(id);
            ++calls["finalize"];
            return;
        }
    }

    /// @dev Claims the match of the first finalised, unclaimed campaign from the seed on.
    function claimMatch(uint256 campaignSeed) external counted {
        if (block.timestamp < uint256(crowdfund.getRound(roundId).end) + crowdfund.FINALIZATION_WINDOW()) return;
        for (uint256 k; k < _campaigns.length; ++k) {
            uint256 id = _campaigns[(campaignSeed + k) % _campaigns.length];
            ICrowdfund.Campaign memory c = crowdfund.getCampaign(id);
            if (!c.finalized || c.matchClaimed) continue;
            uint256 paidBefore = crowdfund.getRound(roundId).paid;
            crowdfund.claimMatch(id);
            ghostMatchPaid += crowdfund.getRound(roundId).paid - paidBefore;
            ++calls["claimMatch"];
            return;
        }
    }

    function sweep() external counted {
        if (block.timestamp < uint256(crowdfund.getRound(roundId).end) + crowdfund.FINALIZATION_WINDOW()) return;
        uint256 amount = crowdfund.sweepableOf(roundId);
        if (amount == 0) return;
        crowdfund.sweepRoundRemainder(roundId);
        ghostSwept += amount;
        ++calls["sweep"];
    }

    /// @dev A pledger leaves the union; their live pledges stay theirs.
    function leave(uint256 pledgerSeed) external counted {
        address who = _pledgers[pledgerSeed % _pledgers.length];
        Union union = Union(address(token.union()));
        if (!union.isMember(who)) return;
        vm.prank(who);
        union.leave();
        ++calls["leave"];
    }

    function warp(uint256 seconds_) external counted {
        vm.warp(block.timestamp + bound(seconds_, 0, 6 hours));
        ++calls["warp"];
    }

    /// @dev After 15 actions, jump to the round's end (so finalising gets its chance); after 30, to the end
    /// of the finalisation window (so match claims and sweeps happen) — every phase is reachable at depth 50.
    function jump(bool finalizeRest) external counted {
        uint256 end = crowdfund.getRound(roundId).end;
        uint256 closesAt = end + crowdfund.FINALIZATION_WINDOW();
        if (block.timestamp < end && _actions >= 15) {
            vm.warp(end);
        } else if (block.timestamp >= end && block.timestamp < closesAt && _actions >= 30) {
            // the window closes: half the time finalise what the random calls left, so match claims have work
            // (the other half leaves the pool unreserved, so sweeps have work)
            for (uint256 k; finalizeRest && k < _campaigns.length; ++k) {
                ICrowdfund.Campaign memory c = crowdfund.getCampaign(_campaigns[k]);
                if (c.roundId == 0 || c.finalized || c.raised < c.goal) continue;
                crowdfund.finalizeCampaignForRound(_campaigns[k]);
                ++calls["finalize"];
            }
            vm.warp(closesAt);
        } else {
            return;
        }
        ++calls["jump"];
    }

    /// @dev The first (pledger, campaign) with a live pledge, in an open campaign or (ended) in a failed one.
    function _findPledge(uint256 pledgerSeed, uint256 campaignSeed, bool failed)
        internal
        view
        returns (bool found, address who, uint256 id)
    {
        for (uint256 c; c < _campaigns.length; ++c) {
            id = _campaigns[(campaignSeed + c) % _campaigns.length];
            ICrowdfund.Campaign memory camp = crowdfund.getCampaign(id);
            bool ended = block.timestamp >= camp.deadline;
            if (failed ? !ended || camp.raised >= camp.goal : ended) continue;
            for (uint256 k; k < _pledgers.length; ++k) {
                who = _pledgers[(pledgerSeed + k) % _pledgers.length];
                if (crowdfund.pledgeOf(id, who) != 0) return (true, who, id);
            }
        }
    }

    function _firstOpen(uint256 seed) internal view returns (uint256 id, bool found) {
        for (uint256 k; k < _campaigns.length; ++k) {
            id = _campaigns[(seed + k) % _campaigns.length];
            if (block.timestamp < crowdfund.getCampaign(id).deadline) return (id, true);
        }
    }
}

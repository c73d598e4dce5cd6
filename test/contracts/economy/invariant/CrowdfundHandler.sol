// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {Crowdfund} from "../../../../contracts/src/economy/Crowdfund.sol";
import {ICrowdfund} from "../../../../contracts/src/economy/ICrowdfund.sol";
import {Union} from "../../../../contracts/src/Union.sol";
import {UnionToken} from "../../../../contracts/src/UnionToken.sol";

/// @dev Drives random pledges, withdrawals, claims, refunds, round funding, finalisation, prunes, match claims
/// and sweeps over a fixed set of campaigns in two unions (each with its own token) sharing one crowdfund, each
/// union with two overlapping matching rounds and campaigns outside any round. Claims and refunds are attempted
/// whether or not they should work, and the handler records any attempt whose outcome contradicts the rule.
/// Members churn: a pledger may leave either union (keeping their pledges, which they can still take back or
/// have refunded, and whose matching weight anyone may then prune) and rejoins, untrusted, before pledging
/// there again. `calls` counts, per run, the calls that reached the crowdfund; the `secondUnion…` and
/// `secondRound…` counters count the same calls when they concern the second union or a union's second round.
contract CrowdfundHandler is CommonBase, StdCheats, StdUtils {
    Crowdfund public immutable crowdfund;
    /// @dev The union whose rounds and campaigns count as the first union's.
    address public immutable firstUnion;

    address[] internal _pledgers;
    uint256[] internal _campaigns;
    uint256[] internal _rounds;
    /// @dev The round's place among its union's rounds (0: first).
    mapping(uint256 roundId => uint256) public roundOrdinal;
    /// @dev Times at which a round ends or its finalisation window closes, ascending.
    uint256[] internal _phases;

    mapping(uint256 roundId => uint256) public ghostPoolFunded;
    mapping(uint256 roundId => uint256) public ghostMatchPaid;
    mapping(uint256 roundId => uint256) public ghostSwept;
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
        address firstUnion_,
        uint256[] memory rounds_,
        address[] memory pledgers_,
        uint256[] memory campaigns_
    ) {
        crowdfund = crowdfund_;
        firstUnion = firstUnion_;
        _rounds = rounds_;
        _pledgers = pledgers_;
        _campaigns = campaigns_;
        for (uint256 i; i < rounds_.length; ++i) {
            ICrowdfund.Round memory r = crowdfund_.getRound(rounds_[i]);
            for (uint256 j; j < i; ++j) {
                if (crowdfund_.getRound(rounds_[j]).union == r.union) ++roundOrdinal[rounds_[i]];
            }
            _addPhase(r.end);
            _addPhase(uint256(r.end) + crowdfund_.FINALIZATION_WINDOW());
        }
    }

    function pledgers() external view returns (address[] memory) {
        return _pledgers;
    }

    function campaigns() external view returns (uint256[] memory) {
        return _campaigns;
    }

    function rounds() external view returns (uint256[] memory) {
        return _rounds;
    }

    /// @dev Two pledgers (the seed's and the next) pledge, so that campaigns gather several pledgers and
    /// quadratic weights are non-trivial within a short campaign.
    function pledge(uint256 pledgerSeed, uint256 campaignSeed, uint256 amount) external counted {
        (uint256 id, bool found) = _firstOpen(campaignSeed);
        if (!found) return;
        ICrowdfund.Campaign memory c = crowdfund.getCampaign(id);
        Union union = Union(c.union);
        // half the time the first pledger is the first from the seed on who is not a member (they rejoin)
        if (pledgerSeed & 1 == 1) pledgerSeed = _firstOutside(union, pledgerSeed >> 1);
        for (uint256 k; k < 2; ++k) {
            address who = _pledgers[_at(pledgerSeed, k, _pledgers.length)];
            if (!union.isMember(who)) {
                vm.prank(who);
                union.join();
                ++calls["rejoin"];
            }
            uint256 value = bound(uint256(keccak256(abi.encode(amount, k))), 1, 60e18);
            vm.prank(union.timelock());
            UnionToken(c.token).transfer(who, value);
            vm.prank(who);
            crowdfund.pledge(id, value);
        }
        ++calls["pledge"];
        _countAlso("Pledge", c.union, c.roundId);
    }

    /// @dev Takes back part of the first live pledge in an open campaign, scanning from the seeds.
    /// Half the time it looks first for a pledge whose pledger has left the campaign's union.
    function unpledge(uint256 pledgerSeed, uint256 campaignSeed, uint256 amount) external counted {
        bool found;
        address who;
        uint256 id;
        if (pledgerSeed & 1 == 1) (found, who, id) = _findLeftPledge(pledgerSeed >> 1, campaignSeed);
        if (!found) (found, who, id) = _findPledge(pledgerSeed, campaignSeed, false);
        if (!found) return;
        uint256 pledged = crowdfund.pledgeOf(id, who);
        vm.prank(who);
        crowdfund.unpledge(id, bound(amount, 1, pledged));
        ++calls["unpledge"];
        if (!Union(crowdfund.getCampaign(id).union).isMember(who)) ++calls["unpledgeAfterLeaving"];
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
        uint256 before = UnionToken(c.token).balanceOf(who);
        vm.prank(who);
        try crowdfund.refund(id) {
            if (!allowed || UnionToken(c.token).balanceOf(who) - before != pledged) ++ghostRuleViolations;
            ++calls["refund"];
            if (!Union(c.union).isMember(who)) ++calls["refundAfterLeaving"];
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

    /// @dev The union's treasury tops up the first round from the seed on that has not ended.
    function fundRound(uint256 roundSeed, uint256 amount) external counted {
        for (uint256 k; k < _rounds.length; ++k) {
            uint256 roundId = _rounds[_at(roundSeed, k, _rounds.length)];
            ICrowdfund.Round memory r = crowdfund.getRound(roundId);
            if (block.timestamp >= r.end) continue;
            amount = bound(amount, 1, 500e18);
            vm.startPrank(Union(r.union).timelock());
            UnionToken(r.token).approve(address(crowdfund), amount);
            crowdfund.fundRound(roundId, amount);
            vm.stopPrank();
            ghostPoolFunded[roundId] += amount;
            ++calls["fundRound"];
            _countAlso("FundRound", r.union, roundId);
            return;
        }
    }

    /// @dev Finalises the first eligible campaign from the seed on (some may stay unfinalised).
    function finalize(uint256 campaignSeed) external counted {
        for (uint256 k; k < _campaigns.length; ++k) {
            uint256 id = _campaigns[_at(campaignSeed, k, _campaigns.length)];
            if (!_finalizable(id)) continue;
            crowdfund.finalizeCampaignForRound(id);
            _countFinalize(id);
            return;
        }
    }

    /// @dev Removes the matching weight of a pledger no longer trusted in the campaign's union (someone who
    /// left), in the first campaign from the seed whose round's window is still open.
    function prune(uint256 pledgerSeed, uint256 campaignSeed) external counted {
        for (uint256 c; c < _campaigns.length; ++c) {
            uint256 id = _campaigns[_at(campaignSeed, c, _campaigns.length)];
            ICrowdfund.Campaign memory camp = crowdfund.getCampaign(id);
            if (camp.roundId == 0) continue;
            if (block.timestamp >= uint256(crowdfund.getRound(camp.roundId).end) + crowdfund.FINALIZATION_WINDOW()) {
                continue;
            }
            for (uint256 k; k < _pledgers.length; ++k) {
                address who = _pledgers[_at(pledgerSeed, k, _pledgers.length)];
                if (crowdfund.matchableOf(id, who) == 0 || Union(camp.union).isTrusted(who)) continue;
                crowdfund.prune(id, who);
                ++calls["prune"];
                if (camp.finalized) ++calls["pruneAfterFinalize"];
                return;
            }
        }
    }

    /// @dev Claims the match of the first finalised, unclaimed campaign from the seed on whose window is over.
    function claimMatch(uint256 campaignSeed) external counted {
        for (uint256 k; k < _campaigns.length; ++k) {
            uint256 id = _campaigns[_at(campaignSeed, k, _campaigns.length)];
            ICrowdfund.Campaign memory c = crowdfund.getCampaign(id);
            if (!c.finalized || c.matchClaimed) continue;
            if (block.timestamp < uint256(crowdfund.getRound(c.roundId).end) + crowdfund.FINALIZATION_WINDOW()) {
                continue;
            }
            uint256 paidBefore = crowdfund.getRound(c.roundId).paid;
            crowdfund.claimMatch(id);
            ghostMatchPaid[c.roundId] += crowdfund.getRound(c.roundId).paid - paidBefore;
            ++calls["claimMatch"];
            _countAlso("ClaimMatch", c.union, c.roundId);
            return;
        }
    }

    /// @dev Sweeps the first round from the seed on with something to sweep.
    function sweep(uint256 roundSeed) external counted {
        for (uint256 k; k < _rounds.length; ++k) {
            uint256 roundId = _rounds[_at(roundSeed, k, _rounds.length)];
            if (block.timestamp < uint256(crowdfund.getRound(roundId).end) + crowdfund.FINALIZATION_WINDOW()) {
                continue;
            }
            uint256 amount = crowdfund.sweepableOf(roundId);
            if (amount == 0) continue;
            crowdfund.sweepRoundRemainder(roundId);
            ghostSwept[roundId] += amount;
            ++calls["sweep"];
            _countAlso("Sweep", crowdfund.getRound(roundId).union, roundId);
            return;
        }
    }

    /// @dev A pledger leaves one of the unions; their live pledges stay theirs.
    function leave(uint256 pledgerSeed, uint256 unionSeed) external counted {
        address who = _pledgers[pledgerSeed % _pledgers.length];
        Union union = Union(crowdfund.getRound(_rounds[unionSeed % _rounds.length]).union);
        if (!union.isMember(who)) return;
        vm.prank(who);
        union.leave();
        ++calls["leave"];
        if (address(union) != firstUnion) ++calls["secondUnionLeave"];
    }

    function warp(uint256 seconds_) external counted {
        vm.warp(block.timestamp + bound(seconds_, 0, 6 hours));
        ++calls["warp"];
    }

    /// @dev Jumps to the next phase (a round's end or the close of its finalisation window), at most once per 10
    /// actions, so every phase of every round is reachable at depth 100. Closing a window, half the time it
    /// finalises what the random calls left in the closing rounds, so match claims have work (the other half
    /// leaves those pools unreserved, so sweeps have work).
    function jump(bool finalizeRest) external counted {
        uint256 next;
        uint256 passed;
        for (uint256 i; i < _phases.length; ++i) {
            if (_phases[i] <= block.timestamp) {
                ++passed;
            } else {
                next = _phases[i];
                break;
            }
        }
        if (next == 0 || _actions < 10 * (passed + 1)) return;
        for (uint256 k; finalizeRest && k < _campaigns.length; ++k) {
            uint256 id = _campaigns[k];
            if (!_finalizable(id)) continue;
            if (
                uint256(crowdfund.getRound(crowdfund.getCampaign(id).roundId).end) + crowdfund.FINALIZATION_WINDOW()
                    != next
            ) {
                continue;
            }
            crowdfund.finalizeCampaignForRound(id);
            _countFinalize(id);
        }
        vm.warp(next);
        ++calls["jump"];
    }

    function _finalizable(uint256 id) internal view returns (bool) {
        ICrowdfund.Campaign memory c = crowdfund.getCampaign(id);
        if (c.roundId == 0 || c.finalized || c.raised < c.goal) return false;
        uint256 end = crowdfund.getRound(c.roundId).end;
        return block.timestamp >= end && block.timestamp < end + crowdfund.FINALIZATION_WINDOW();
    }

    function _countFinalize(uint256 id) internal {
        ICrowdfund.Campaign memory c = crowdfund.getCampaign(id);
        ++calls["finalize"];
        _countAlso("Finalize", c.union, c.roundId);
    }

    /// @dev Counts `action` again as the second union's and the second round's, where it concerns them.
    function _countAlso(string memory action, address union, uint256 roundId) internal {
        if (union != firstUnion) ++calls[bytes32(bytes(string.concat("secondUnion", action)))];
        if (roundId != 0 && roundOrdinal[roundId] != 0) ++calls[bytes32(bytes(string.concat("secondRound", action)))];
    }

    /// @dev The `k`-th index after `seed`'s, modulo `n` (no overflow for any seed).
    function _at(uint256 seed, uint256 k, uint256 n) internal pure returns (uint256) {
        return (seed % n + k) % n;
    }

    function _addPhase(uint256 t) internal {
        uint256 i = _phases.length;
        for (uint256 k; k < _phases.length; ++k) {
            if (_phases[k] == t) return;
        }
        _phases.push(t);
        while (i != 0 && _phases[i - 1] > t) {
            _phases[i] = _phases[i - 1];
            --i;
        }
        _phases[i] = t;
    }

    /// @dev The first (pledger, campaign) with a live pledge, in an open campaign or (ended) in a failed one.
    function _findPledge(uint256 pledgerSeed, uint256 campaignSeed, bool failed)
        internal
        view
        returns (bool found, address who, uint256 id)
    {
        for (uint256 c; c < _campaigns.length; ++c) {
            id = _campaigns[_at(campaignSeed, c, _campaigns.length)];
            ICrowdfund.Campaign memory camp = crowdfund.getCampaign(id);
            bool ended = block.timestamp >= camp.deadline;
            if (failed ? !ended || camp.raised >= camp.goal : ended) continue;
            for (uint256 k; k < _pledgers.length; ++k) {
                who = _pledgers[_at(pledgerSeed, k, _pledgers.length)];
                if (crowdfund.pledgeOf(id, who) != 0) return (true, who, id);
            }
        }
    }

    /// @dev The first (pledger, open campaign) whose pledger has a live pledge but left the campaign's union.
    function _findLeftPledge(uint256 pledgerSeed, uint256 campaignSeed)
        internal
        view
        returns (bool found, address who, uint256 id)
    {
        for (uint256 c; c < _campaigns.length; ++c) {
            id = _campaigns[_at(campaignSeed, c, _campaigns.length)];
            ICrowdfund.Campaign memory camp = crowdfund.getCampaign(id);
            if (block.timestamp >= camp.deadline) continue;
            for (uint256 k; k < _pledgers.length; ++k) {
                who = _pledgers[_at(pledgerSeed, k, _pledgers.length)];
                if (crowdfund.pledgeOf(id, who) != 0 && !Union(camp.union).isMember(who)) return (true, who, id);
            }
        }
    }

    /// @dev The index of the first pledger from the seed on who is not a member of `union` (else the seed's).
    function _firstOutside(Union union, uint256 seed) internal view returns (uint256) {
        for (uint256 k; k < _pledgers.length; ++k) {
            uint256 i = _at(seed, k, _pledgers.length);
            if (!union.isMember(_pledgers[i])) return i;
        }
        return seed;
    }

    function _firstOpen(uint256 seed) internal view returns (uint256 id, bool found) {
        for (uint256 k; k < _campaigns.length; ++k) {
            id = _campaigns[_at(seed, k, _campaigns.length)];
            if (block.timestamp < crowdfund.getCampaign(id).deadline) return (id, true);
        }
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {Escrow} from "../../../../contracts/src/economy/Escrow.sol";
import {IEscrow} from "../../../../contracts/src/economy/IEscrow.sol";
import {UnionArbiters} from "../../../../contracts/src/economy/UnionArbiters.sol";
import {Union} from "../../../../contracts/src/Union.sol";
import {UnionToken} from "../../../../contracts/src/UnionToken.sol";

/// @dev Drives random deals through every escrow action among four member parties and keeps ghost totals:
/// what each deal was funded with, what its provider was paid and its client refunded, how often each
/// milestone reached a final state, and what left the escrow through `withdraw`.
///
/// Steering: each action looks, from a random deal and milestone, for the first one it applies to, and moves
/// time or blocks forward when that is all it lacks (past a due date, a review period, a seed block or a
/// panel's deadline), so the paths where money is decided are reached in most runs. `reached[path]` counts,
/// per run (forge reverts the handler's state between runs), the calls that got past every guard to the
/// escrow call that moves money or changes the dispute; `EscrowCoverageTest` asserts floors on them.
contract EscrowHandler is CommonBase, StdCheats, StdUtils {
    Escrow public immutable escrow;
    UnionToken public immutable token;
    address public immutable treasury;
    UnionArbiters public immutable arbiters;
    Union public immutable union;
    address public immutable steward;

    address[] internal _parties;

    mapping(uint256 dealId => uint256) public ghostFunded;
    mapping(uint256 dealId => uint256) public ghostPaid;
    mapping(uint256 dealId => uint256) public ghostRefunded;
    mapping(uint256 dealId => mapping(uint256 index => uint256)) public ghostSettlements;
    uint256 public ghostFundedTotal;
    uint256 public ghostWithdrawnTotal;
    /// @dev Set if a milestone left a final state or credits differed from the newly settled amounts.
    bool public ghostBroken;
    /// @dev Set if a vote by a panelist removed or departed after the draw did not count.
    bool public ghostVoteLost;
    uint256[] internal _openDisputes;
    mapping(bytes32 path => uint256) public reached;
    mapping(uint256 disputeId => bool) internal _panelistGone;
    uint256 internal _freshArbiters;

    struct Snapshot {
        bool[] settled;
        uint256 client;
        uint256 provider;
    }

    constructor(
        Escrow escrow_,
        UnionToken token_,
        address treasury_,
        UnionArbiters arbiters_,
        address steward_,
        address[] memory parties_
    ) {
        escrow = escrow_;
        token = token_;
        treasury = treasury_;
        arbiters = arbiters_;
        union = Union(address(token_.union()));
        steward = steward_;
        _parties = parties_;
    }

    function parties() external view returns (address[] memory) {
        return _parties;
    }

    function openDisputeCount() external view returns (uint256) {
        return _openDisputes.length;
    }

    // ---------------------------------------------------------------- actions

    function openDeal(uint256 clientSeed, uint256 providerSeed, uint256 count, uint256 seed) external {
        address client = _parties[clientSeed % _parties.length];
        address provider = _parties[providerSeed % _parties.length];
        if (client == provider) provider = _parties[(providerSeed + 1) % _parties.length];
        _rejoin(client);
        _rejoin(provider);
        count = bound(count, 1, 4);
        IEscrow.MilestoneInput[] memory ms = new IEscrow.MilestoneInput[](count);
        uint256 total;
        for (uint256 i; i < count; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            ms[i] = IEscrow.MilestoneInput({
                amount: uint128(bound(r, 1, 1_000e18)),
                due: uint48(block.timestamp + bound(r >> 128, 1 hours, 10 days)),
                descriptionCid: ""
            });
            total += ms[i].amount;
        }
        vm.prank(treasury);
        token.transfer(client, total);
        vm.prank(client);
        uint256 id = escrow.openDeal(
            IEscrow.DealParams({
                union: address(union),
                provider: provider,
                listing: "",
                acceptBy: uint48(block.timestamp + 1 days),
                reviewPeriod: 1 days,
                milestones: ms
            })
        );
        ghostFunded[id] = total;
        ghostFundedTotal += total;
        ++reached["openDeal"];
        // most deals get accepted at once, so the milestone actions have active deals to work on
        if (seed % 4 != 0) {
            vm.prank(provider);
            escrow.accept(id);
            ++reached["accept"];
        }
    }

    function accept(uint256 dealSeed) external {
        (bool ok, uint256 id, IEscrow.Deal memory d) = _findDeal(dealSeed, IEscrow.DealStatus.Proposed);
        if (!ok || block.timestamp > d.acceptBy) return;
        _rejoin(d.provider);
        vm.prank(d.provider);
        escrow.accept(id);
        ++reached["accept"];
    }

    function decline(uint256 dealSeed) external {
        (bool ok, uint256 id, IEscrow.Deal memory d) = _findDeal(dealSeed, IEscrow.DealStatus.Proposed);
        if (!ok) return;
        Snapshot memory s = _before(id, d);
        vm.prank(d.provider);
        escrow.decline(id);
        _after(id, s);
        ++reached["decline"];
    }

    function reclaimUnaccepted(uint256 dealSeed) external {
        (bool ok, uint256 id, IEscrow.Deal memory d) = _findDeal(dealSeed, IEscrow.DealStatus.Proposed);
        if (!ok) return;
        if (block.timestamp <= d.acceptBy) vm.warp(uint256(d.acceptBy) + 1);
        Snapshot memory s = _before(id, d);
        vm.prank(d.client);
        escrow.reclaimUnaccepted(id);
        _after(id, s);
        ++reached["reclaimUnaccepted"];
    }

    function markDelivered(uint256 dealSeed, uint256 index) external {
        (bool ok, uint256 id, IEscrow.Deal memory d, uint256 i,) = _findMilestone(dealSeed, index, _mask(PENDING));
        if (!ok) return;
        vm.prank(d.provider);
        escrow.markDelivered(id, i);
        ++reached["markDelivered"];
    }

    function release(uint256 dealSeed, uint256 index) external {
        (bool ok, uint256 id, IEscrow.Deal memory d, uint256 i,) =
            _findMilestone(dealSeed, index, _mask(PENDING) | _mask(DELIVERED));
        if (!ok) return;
        Snapshot memory s = _before(id, d);
        vm.prank(d.client);
        escrow.release(id, i);
        _after(id, s);
        ++reached["release"];
    }

    /// @dev Claims a delivered milestone (delivering a pending one first if none is), moving time to the end
    /// of its review period if needed.
    function claim(uint256 dealSeed, uint256 index) external {
        (bool ok, uint256 id, IEscrow.Deal memory d, uint256 i, IEscrow.Milestone memory m) =
            _findMilestone(dealSeed, index, _mask(DELIVERED));
        if (!ok) {
            (ok, id, d, i,) = _findMilestone(dealSeed, index, _mask(PENDING));
            if (!ok) return;
            vm.prank(d.provider);
            escrow.markDelivered(id, i);
            ++reached["markDelivered"];
            m = escrow.getMilestone(id, i);
        }
        uint256 reviewEndsAt = uint256(m.deliveredAt) + d.reviewPeriod;
        if (block.timestamp < reviewEndsAt) vm.warp(reviewEndsAt);
        Snapshot memory s = _before(id, d);
        vm.prank(d.provider);
        escrow.claim(id, i);
        _after(id, s);
        ++reached["claim"];
    }

    /// @dev Refunds a pending milestone, moving time past its due date if needed.
    function refundOverdue(uint256 dealSeed, uint256 index) external {
        (bool ok, uint256 id, IEscrow.Deal memory d, uint256 i, IEscrow.Milestone memory m) =
            _findMilestone(dealSeed, index, _mask(PENDING));
        if (!ok) return;
        if (block.timestamp <= m.due) vm.warp(uint256(m.due) + 1);
        Snapshot memory s = _before(id, d);
        vm.prank(d.client);
        escrow.refundOverdue(id, i);
        _after(id, s);
        ++reached["refundOverdue"];
    }

    /// @dev One party proposes to cancel; if a milestone is pending, the provider may deliver it in between,
    /// which clears the proposal (checked), so it is proposed again before the other party confirms.
    function cancel(uint256 dealSeed, bool clientProposes, bool deliverBetween, uint256 index) external {
        (bool ok, uint256 id, IEscrow.Deal memory d) = _findDeal(dealSeed, IEscrow.DealStatus.Active);
        if (!ok) return;
        if (d.cancelProposedBy != IEscrow.Party.None && block.timestamp <= d.cancelExpiresAt) return;
        (address proposer, address confirmer) = clientProposes ? (d.client, d.provider) : (d.provider, d.client);
        vm.prank(proposer);
        escrow.proposeCancel(id);
        if (deliverBetween) {
            (bool found, uint256 i) = _milestoneIn(id, d, index, _mask(PENDING));
            if (found) {
                vm.prank(d.provider);
                escrow.markDelivered(id, i);
                if (escrow.getDeal(id).cancelProposedBy != IEscrow.Party.None) ghostBroken = true;
                vm.prank(proposer);
                escrow.proposeCancel(id);
                ++reached["cancelAfterDelivery"];
            }
        }
        Snapshot memory s = _before(id, d);
        vm.prank(confirmer);
        escrow.confirmCancel(id);
        _after(id, s);
        ++reached["cancel"];
    }

    /// @dev Disputes an open milestone: a delivered one by the client within review (else by the provider), a
    /// pending one by either party once overdue (moving time past the due date).
    function openDispute(uint256 dealSeed, uint256 index, bool byClient) external {
        (bool ok, uint256 id, IEscrow.Deal memory d, uint256 i, IEscrow.Milestone memory m) =
            _findMilestone(dealSeed, index, _mask(PENDING) | _mask(DELIVERED));
        if (!ok) return;
        if (m.status == IEscrow.MilestoneStatus.Pending) {
            if (block.timestamp <= m.due) vm.warp(uint256(m.due) + 1);
        } else if (byClient && block.timestamp >= uint256(m.deliveredAt) + d.reviewPeriod) {
            byClient = false;
        }
        vm.prank(byClient ? d.client : d.provider);
        _openDisputes.push(escrow.openDispute(id, i));
        ++reached["openDispute"];
    }

    /// @dev Draws an open dispute's panel; one time in five lets the seed block fall out of the 256-block
    /// window first, which re-commits the draw.
    function drawPanel(uint256 disputeSeed, uint256 mode) external {
        (bool ok, uint256 disputeId, IEscrow.Dispute memory dispute) = _pickDispute(disputeSeed);
        if (!ok || dispute.seats != 0) return;
        if (mode % 5 == 0) {
            vm.roll(uint256(dispute.drawBlock) + 300);
            escrow.drawPanel(disputeId);
            ++reached["drawDeferred"];
            dispute = escrow.getDispute(disputeId);
        }
        _mineTo(dispute.drawBlock);
        escrow.drawPanel(disputeId);
        if (escrow.getDispute(disputeId).seats != 0) ++reached["drawPanel"];
    }

    /// @dev One to three seated panelists vote (drawing the panel lazily if nobody did), each next one often
    /// agreeing with the previous, with few distinct values so that agreements and medians both happen.
    function vote(uint256 disputeSeed, uint256 seatSeed, uint256 pct) external {
        (bool ok, uint256 disputeId, IEscrow.Dispute memory dispute) = _pickDispute(disputeSeed);
        if (!ok) return;
        (ok, dispute) = _ensureDrawn(disputeId, dispute);
        if (!ok) return;
        uint256 voters = bound(seatSeed >> 8, 2, 3);
        uint8 share = uint8(bound(pct, 0, 4) * 25);
        for (uint256 k; k < voters; ++k) {
            uint256 seat = (seatSeed + k) % dispute.seats;
            if (dispute.panel[seat].voted) continue;
            // after the first vote, mostly agree (one time in eight not)
            if (k != 0 && (pct >> (8 + 3 * k)) & 7 == 0) share = uint8((uint256(share) + 25) % 125);
            if (!_castVote(disputeId, dispute, seat, share)) return;
            dispute = escrow.getDispute(disputeId);
        }
    }

    /// @dev One vote with the ghost checks; returns false once the dispute is resolved.
    function _castVote(uint256 disputeId, IEscrow.Dispute memory dispute, uint256 seat, uint8 share)
        internal
        returns (bool stillOpen)
    {
        IEscrow.Deal memory d = escrow.getDeal(dispute.dealId);
        Snapshot memory s = _before(dispute.dealId, d);
        vm.prank(dispute.panel[seat].arbiter);
        escrow.vote(disputeId, share);
        _after(dispute.dealId, s);
        IEscrow.Dispute memory afterVote = escrow.getDispute(disputeId);
        if (!afterVote.panel[seat].voted && afterVote.status == IEscrow.DisputeStatus.Open) ghostVoteLost = true;
        if (_panelistGone[disputeId]) ++reached["voteAfterPanelistGone"];
        ++reached["vote"];
        if (afterVote.status == IEscrow.DisputeStatus.Resolved) {
            ++reached["resolvedByVote"];
            _dropDispute(disputeId);
            return false;
        }
        return true;
    }

    /// @dev Draws the panel if nobody did (a dispute no panel can be drawn for is skipped); false if the
    /// panel's time to vote is over.
    function _ensureDrawn(uint256 disputeId, IEscrow.Dispute memory dispute)
        internal
        returns (bool ok, IEscrow.Dispute memory)
    {
        if (block.timestamp > dispute.deadline) return (false, dispute);
        if (dispute.seats == 0) {
            _mineTo(dispute.drawBlock);
            (bool drawn,) = address(this).call(abi.encodeCall(this.drawForVote, (disputeId)));
            if (!drawn) return (false, dispute);
            dispute = escrow.getDispute(disputeId);
            ++reached["drawPanel"];
        }
        return (true, dispute);
    }

    /// @dev Only for the handler itself: draws in a sub-call so a dispute no panel can be drawn for is skipped.
    function drawForVote(uint256 disputeId) external {
        require(msg.sender == address(this), "self only");
        escrow.drawPanel(disputeId);
    }

    /// @dev Ends an open dispute by timeout, moving time past its deadline.
    function settleTimedOutDispute(uint256 disputeSeed) external {
        (bool ok, uint256 disputeId, IEscrow.Dispute memory dispute) = _pickDispute(disputeSeed);
        if (!ok) return;
        if (block.timestamp <= dispute.deadline) vm.warp(uint256(dispute.deadline) + 1);
        IEscrow.Milestone memory m = escrow.getMilestone(dispute.dealId, dispute.milestone);
        Snapshot memory s = _before(dispute.dealId, escrow.getDeal(dispute.dealId));
        uint256 clientBefore = s.client;
        escrow.settleTimedOutDispute(disputeId);
        _after(dispute.dealId, s);
        // an undelivered milestone goes back to the client in full
        if (m.deliveredAt == 0) {
            IEscrow.Deal memory d = escrow.getDeal(dispute.dealId);
            if (escrow.withdrawable(address(token), d.client) - clientBefore != m.amount) ghostBroken = true;
        }
        _dropDispute(disputeId);
        ++reached["timeout"];
    }

    /// @dev The steward removes a seated panelist of an open dispute from the registry (and appoints a new
    /// arbiter so that later disputes still find three).
    function removePanelist(uint256 disputeSeed, uint256 seatSeed) external {
        (bool ok, uint256 disputeId, IEscrow.Dispute memory dispute) = _pickDispute(disputeSeed);
        if (!ok) return;
        (ok, dispute) = _ensureDrawn(disputeId, dispute);
        if (!ok) return;
        address arbiter = dispute.panel[seatSeed % dispute.seats].arbiter;
        if (arbiter == steward || !_isAppointed(arbiter)) return;
        vm.prank(steward);
        arbiters.remove(address(union), arbiter);
        _panelistGone[disputeId] = true;
        _appointFresh();
        ++reached["arbiterRemovedMidDispute"];
    }

    /// @dev A seated panelist of an open dispute leaves the union (and a new arbiter is appointed).
    function panelistLeaves(uint256 disputeSeed, uint256 seatSeed) external {
        (bool ok, uint256 disputeId, IEscrow.Dispute memory dispute) = _pickDispute(disputeSeed);
        if (!ok) return;
        (ok, dispute) = _ensureDrawn(disputeId, dispute);
        if (!ok) return;
        address arbiter = dispute.panel[seatSeed % dispute.seats].arbiter;
        if (arbiter == steward || !union.isMember(arbiter)) return;
        vm.prank(arbiter);
        union.leave();
        _panelistGone[disputeId] = true;
        _appointFresh();
        ++reached["arbiterLeftMidDispute"];
    }

    /// @dev A party of an open dispute leaves the union; they keep every right in the deal (they rejoin only
    /// when the handler next opens or accepts a deal for them).
    function partyLeaves(uint256 disputeSeed, bool client) external {
        (bool ok,, IEscrow.Dispute memory dispute) = _pickDispute(disputeSeed);
        if (!ok) return;
        IEscrow.Deal memory d = escrow.getDeal(dispute.dealId);
        address party = client ? d.client : d.provider;
        if (party == steward || !union.isMember(party)) return;
        vm.prank(party);
        union.leave();
        ++reached["partyLeftMidDispute"];
    }

    function withdraw(uint256 partySeed) external {
        address party = _parties[partySeed % _parties.length];
        uint256 amount = escrow.withdrawable(address(token), party);
        if (amount == 0) return;
        uint256 before = token.balanceOf(party);
        vm.prank(party);
        escrow.withdraw(address(token));
        if (token.balanceOf(party) - before != amount) ghostBroken = true;
        ghostWithdrawnTotal += amount;
        ++reached["withdraw"];
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 0, 2 days));
        ++reached["warp"];
    }

    // ---------------------------------------------------------------- helpers

    uint256 internal constant PENDING = uint256(IEscrow.MilestoneStatus.Pending);
    uint256 internal constant DELIVERED = uint256(IEscrow.MilestoneStatus.Delivered);

    function isFinal(IEscrow.MilestoneStatus status) public pure returns (bool) {
        return status == IEscrow.MilestoneStatus.Released || status == IEscrow.MilestoneStatus.Claimed
            || status == IEscrow.MilestoneStatus.Refunded || status == IEscrow.MilestoneStatus.Resolved;
    }

    function _mask(uint256 status) internal pure returns (uint256) {
        return 1 << status;
    }

    function _rejoin(address account) internal {
        if (union.isMember(account)) return;
        vm.prank(account);
        union.join();
    }

    function _isAppointed(address account) internal view returns (bool) {
        address[] memory list = arbiters.arbitersOf(address(union));
        for (uint256 i; i < list.length; ++i) {
            if (list[i] == account) return true;
        }
        return false;
    }

    function _appointFresh() internal {
        if (arbiters.arbiterCount(address(union)) >= arbiters.MAX_ARBITERS() - 1) return;
        address fresh = address(uint160(uint256(keccak256(abi.encode("fresh arbiter", ++_freshArbiters)))));
        vm.prank(fresh);
        union.join();
        vm.prank(steward);
        arbiters.appoint(address(union), fresh);
    }

    /// @dev Rolls to the block after `drawBlock` and gives `drawBlock` a hash (forge invents none).
    function _mineTo(uint256 drawBlock) internal {
        if (block.number <= drawBlock) vm.roll(drawBlock + 1);
        if (block.number - drawBlock <= 256) {
            vm.setBlockhash(drawBlock, keccak256(abi.encode("block", drawBlock)));
        }
    }

    /// @dev The first deal in `status`, scanning from a random one.
    function _findDeal(uint256 dealSeed, IEscrow.DealStatus status)
        internal
        view
        returns (bool ok, uint256 id, IEscrow.Deal memory d)
    {
        uint256 count = escrow.dealCount();
        for (uint256 k; k < count; ++k) {
            id = (dealSeed + k) % count + 1;
            d = escrow.getDeal(id);
            if (d.status == status) return (true, id, d);
        }
    }

    /// @dev The first milestone of an active deal whose status is in `statusMask`, scanning from a random one.
    function _findMilestone(uint256 dealSeed, uint256 index, uint256 statusMask)
        internal
        view
        returns (bool ok, uint256 id, IEscrow.Deal memory d, uint256 i, IEscrow.Milestone memory m)
    {
        uint256 count = escrow.dealCount();
        for (uint256 k; k < count; ++k) {
            id = (dealSeed + k) % count + 1;
            d = escrow.getDeal(id);
            if (d.status != IEscrow.DealStatus.Active) continue;
            (ok, i) = _milestoneIn(id, d, index, statusMask);
            if (ok) return (true, id, d, i, escrow.getMilestone(id, i));
        }
    }

    function _milestoneIn(uint256 id, IEscrow.Deal memory d, uint256 index, uint256 statusMask)
        internal
        view
        returns (bool ok, uint256 i)
    {
        for (uint256 j; j < d.milestoneCount; ++j) {
            i = (index + j) % d.milestoneCount;
            if (statusMask & _mask(uint256(escrow.getMilestone(id, i).status)) != 0) return (true, i);
        }
    }

    function _pickDispute(uint256 disputeSeed)
        internal
        view
        returns (bool ok, uint256 disputeId, IEscrow.Dispute memory dispute)
    {
        if (_openDisputes.length == 0) return (false, 0, dispute);
        disputeId = _openDisputes[disputeSeed % _openDisputes.length];
        return (true, disputeId, escrow.getDispute(disputeId));
    }

    function _before(uint256 id, IEscrow.Deal memory d) internal view returns (Snapshot memory s) {
        s.settled = new bool[](d.milestoneCount);
        for (uint256 i; i < d.milestoneCount; ++i) {
            s.settled[i] = isFinal(escrow.getMilestone(id, i).status);
        }
        s.client = escrow.withdrawable(address(token), d.client);
        s.provider = escrow.withdrawable(address(token), d.provider);
    }

    /// @dev Attributes credit deltas to the deal (one deal per action) and counts newly final milestones.
    function _after(uint256 id, Snapshot memory s) internal {
        IEscrow.Deal memory d = escrow.getDeal(id);
        uint256 newlySettled;
        for (uint256 i; i < d.milestoneCount; ++i) {
            IEscrow.Milestone memory m = escrow.getMilestone(id, i);
            bool fin = isFinal(m.status);
            if (s.settled[i] && !fin) ghostBroken = true;
            if (!s.settled[i] && fin) {
                ++ghostSettlements[id][i];
                newlySettled += m.amount;
            }
        }
        uint256 paid = escrow.withdrawable(address(token), d.provider) - s.provider;
        uint256 refunded = escrow.withdrawable(address(token), d.client) - s.client;
        if (paid + refunded != newlySettled) ghostBroken = true;
        ghostPaid[id] += paid;
        ghostRefunded[id] += refunded;
    }

    function _dropDispute(uint256 disputeId) internal {
        uint256 n = _openDisputes.length;
        for (uint256 k; k < n; ++k) {
            if (_openDisputes[k] == disputeId) {
                _openDisputes[k] = _openDisputes[n - 1];
                _openDisputes.pop();
                return;
            }
        }
    }
}

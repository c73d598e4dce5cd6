// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {Escrow} from "../../../../contracts/src/economy/Escrow.sol";
import {IEscrow} from "../../../../contracts/src/economy/IEscrow.sol";
import {UnionToken} from "../../../../contracts/src/UnionToken.sol";

/// @dev Drives random deals through every escrow action among four member parties and keeps ghost totals:
/// what each deal was funded with, what its provider was paid and its client refunded, how often each
/// milestone reached a final state, and what left the escrow through `withdraw`.
contract EscrowHandler is CommonBase, StdCheats, StdUtils {
    Escrow public immutable escrow;
    UnionToken public immutable token;
    address public immutable treasury;

    address[] internal _parties;

    mapping(uint256 dealId => uint256) public ghostFunded;
    mapping(uint256 dealId => uint256) public ghostPaid;
    mapping(uint256 dealId => uint256) public ghostRefunded;
    mapping(uint256 dealId => mapping(uint256 index => uint256)) public ghostSettlements;
    uint256 public ghostFundedTotal;
    uint256 public ghostWithdrawnTotal;
    /// @dev Set if a milestone left a final state or credits differed from the newly settled amounts.
    bool public ghostBroken;
    uint256[] internal _openDisputes;
    mapping(bytes32 action => uint256) public calls;

    struct Snapshot {
        bool[] settled;
        uint256 client;
        uint256 provider;
    }

    constructor(Escrow escrow_, UnionToken token_, address treasury_, address[] memory parties_) {
        escrow = escrow_;
        token = token_;
        treasury = treasury_;
        _parties = parties_;
    }

    function parties() external view returns (address[] memory) {
        return _parties;
    }

    // ---------------------------------------------------------------- actions

    function openDeal(uint256 clientSeed, uint256 providerSeed, uint256 count, uint256 seed) external {
        address client = _parties[clientSeed % _parties.length];
        address provider = _parties[providerSeed % _parties.length];
        if (client == provider) return;
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
        address union = _union(); // before the prank: it is an external call
        vm.prank(client);
        uint256 id = escrow.openDeal(
            IEscrow.DealParams({
                union: union,
                provider: provider,
                listing: "",
                acceptBy: uint48(block.timestamp + 1 days),
                reviewPeriod: 1 days,
                milestones: ms
            })
        );
        ghostFunded[id] = total;
        ghostFundedTotal += total;
        ++calls["openDeal"];
        // most deals get accepted at once, so the milestone actions have active deals to work on
        if (seed % 4 != 0) {
            vm.prank(provider);
            escrow.accept(id);
            ++calls["accept"];
        }
    }

    function accept(uint256 dealSeed) external {
        (uint256 id, IEscrow.Deal memory d) = _pick(dealSeed);
        if (d.status != IEscrow.DealStatus.Proposed || block.timestamp > d.acceptBy) return;
        vm.prank(d.provider);
        escrow.accept(id);
        ++calls["accept"];
    }

    function decline(uint256 dealSeed) external {
        (uint256 id, IEscrow.Deal memory d) = _pick(dealSeed);
        if (d.status != IEscrow.DealStatus.Proposed) return;
        Snapshot memory s = _before(id, d);
        vm.prank(d.provider);
        escrow.decline(id);
        _after(id, s);
        ++calls["decline"];
    }

    function reclaimUnaccepted(uint256 dealSeed) external {
        (uint256 id, IEscrow.Deal memory d) = _pick(dealSeed);
        if (d.status != IEscrow.DealStatus.Proposed || block.timestamp <= d.acceptBy) return;
        Snapshot memory s = _before(id, d);
        vm.prank(d.client);
        escrow.reclaimUnaccepted(id);
        _after(id, s);
        ++calls["reclaimUnaccepted"];
    }

    function markDelivered(uint256 dealSeed, uint256 index) external {
        (uint256 id, IEscrow.Deal memory d, uint256 i, IEscrow.Milestone memory m) = _pickMilestone(dealSeed, index);
        if (d.status != IEscrow.DealStatus.Active || m.status != IEscrow.MilestoneStatus.Pending) return;
        vm.prank(d.provider);
        escrow.markDelivered(id, i);
        ++calls["markDelivered"];
    }

    function release(uint256 dealSeed, uint256 index) external {
        (uint256 id, IEscrow.Deal memory d, uint256 i, IEscrow.Milestone memory m) = _pickMilestone(dealSeed, index);
        if (d.status != IEscrow.DealStatus.Active) return;
        if (m.status != IEscrow.MilestoneStatus.Pending && m.status != IEscrow.MilestoneStatus.Delivered) return;
        Snapshot memory s = _before(id, d);
        vm.prank(d.client);
        escrow.release(id, i);
        _after(id, s);
        ++calls["release"];
    }

    function claim(uint256 dealSeed, uint256 index) external {
        (uint256 id, IEscrow.Deal memory d, uint256 i, IEscrow.Milestone memory m) = _pickMilestone(dealSeed, index);
        if (d.status != IEscrow.DealStatus.Active || m.status != IEscrow.MilestoneStatus.Delivered) return;
        if (block.timestamp < uint256(m.deliveredAt) + d.reviewPeriod) return;
        Snapshot memory s = _before(id, d);
        vm.prank(d.provider);
        escrow.claim(id, i);
        _after(id, s);
        ++calls["claim"];
    }

    function refundOverdue(uint256 dealSeed, uint256 index) external {
        (uint256 id, IEscrow.Deal memory d, uint256 i, IEscrow.Milestone memory m) = _pickMilestone(dealSeed, index);
        if (d.status != IEscrow.DealStatus.Active || m.status != IEscrow.MilestoneStatus.Pending) return;
        if (block.timestamp <= m.due) return;
        Snapshot memory s = _before(id, d);
        vm.prank(d.client);
        escrow.refundOverdue(id, i);
        _after(id, s);
        ++calls["refundOverdue"];
    }

    function cancel(uint256 dealSeed, bool clientProposes) external {
        (uint256 id, IEscrow.Deal memory d) = _pick(dealSeed);
        if (d.status != IEscrow.DealStatus.Active || d.cancelProposedBy != IEscrow.Party.None) return;
        (address proposer, address confirmer) = clientProposes ? (d.client, d.provider) : (d.provider, d.client);
        vm.prank(proposer);
        escrow.proposeCancel(id);
        Snapshot memory s = _before(id, d);
        vm.prank(confirmer);
        escrow.confirmCancel(id);
        _after(id, s);
        ++calls["cancel"];
    }

    function openDispute(uint256 dealSeed, uint256 index, bool byClient) external {
        (uint256 id, IEscrow.Deal memory d, uint256 i, IEscrow.Milestone memory m) = _pickMilestone(dealSeed, index);
        if (d.status != IEscrow.DealStatus.Active) return;
        if (m.status == IEscrow.MilestoneStatus.Pending) {
            if (block.timestamp <= m.due) return;
        } else if (m.status == IEscrow.MilestoneStatus.Delivered) {
            if (byClient && block.timestamp >= uint256(m.deliveredAt) + d.reviewPeriod) return;
        } else {
            return;
        }
        vm.prank(byClient ? d.client : d.provider);
        _openDisputes.push(escrow.openDispute(id, i));
        ++calls["openDispute"];
    }

    function vote(uint256 disputeSeed, uint256 seatSeed, uint256 pct) external {
        if (_openDisputes.length == 0) return;
        uint256 k = disputeSeed % _openDisputes.length;
        uint256 disputeId = _openDisputes[k];
        IEscrow.Dispute memory dispute = escrow.getDispute(disputeId);
        if (block.timestamp > dispute.deadline) return;
        uint256 seat = seatSeed % 3;
        if (dispute.panel[seat].voted) return;
        IEscrow.Deal memory d = escrow.getDeal(dispute.dealId);
        Snapshot memory s = _before(dispute.dealId, d);
        vm.prank(dispute.panel[seat].arbiter);
        // few distinct values so that agreements happen
        escrow.vote(disputeId, uint8(bound(pct, 0, 4) * 25));
        _after(dispute.dealId, s);
        if (escrow.getDispute(disputeId).status == IEscrow.DisputeStatus.Resolved) _dropDispute(k);
        ++calls["vote"];
    }

    function settleTimedOutDispute(uint256 disputeSeed) external {
        if (_openDisputes.length == 0) return;
        uint256 k = disputeSeed % _openDisputes.length;
        uint256 disputeId = _openDisputes[k];
        IEscrow.Dispute memory dispute = escrow.getDispute(disputeId);
        if (block.timestamp <= dispute.deadline) return;
        Snapshot memory s = _before(dispute.dealId, escrow.getDeal(dispute.dealId));
        escrow.settleTimedOutDispute(disputeId);
        _after(dispute.dealId, s);
        _dropDispute(k);
        ++calls["settleTimedOutDispute"];
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
        ++calls["withdraw"];
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 0, 2 days));
        ++calls["warp"];
    }

    // ---------------------------------------------------------------- helpers

    function isFinal(IEscrow.MilestoneStatus status) public pure returns (bool) {
        return status == IEscrow.MilestoneStatus.Released || status == IEscrow.MilestoneStatus.Claimed
            || status == IEscrow.MilestoneStatus.Refunded || status == IEscrow.MilestoneStatus.Resolved;
    }

    function _union() internal view returns (address) {
        return address(token.union());
    }

    function _pick(uint256 dealSeed) internal view returns (uint256 id, IEscrow.Deal memory d) {
        uint256 count = escrow.dealCount();
        if (count == 0) return (0, d);
        id = dealSeed % count + 1;
        d = escrow.getDeal(id);
    }

    function _pickMilestone(uint256 dealSeed, uint256 index)
        internal
        view
        returns (uint256 id, IEscrow.Deal memory d, uint256 i, IEscrow.Milestone memory m)
    {
        (id, d) = _pick(dealSeed);
        if (id == 0) return (id, d, 0, m);
        i = index % d.milestoneCount;
        m = escrow.getMilestone(id, i);
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

    function _dropDispute(uint256 k) internal {
        _openDisputes[k] = _openDisputes[_openDisputes.length - 1];
        _openDisputes.pop();
    }
}

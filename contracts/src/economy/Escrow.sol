// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IUnion} from "../interfaces/IUnion.sol";
import {IUnionRegistry} from "./IUnionRegistry.sol";
import {UnionArbiters} from "./UnionArbiters.sol";
import {IEscrow} from "./IEscrow.sol";

/// @title Escrow
/// @notice Milestone escrow for deals between members of a union, in the union's token. One deployment serves
/// every union created by the factory.
///
/// Life of a deal: the client opens it with its milestones and funds it in the same transaction (`openDeal`,
/// or `openDealWithPermit`). The provider `accept`s or `decline`s (full refund); if the provider does neither by
/// `acceptBy` the client may `reclaimUnaccepted`. Once active, the provider `markDelivered`s a milestone and the
/// client `release`s it; a delivered milestone left unanswered for the deal's `reviewPeriod` can be `claim`ed by
/// the provider; a milestone still undelivered after its due date can be refunded to the client
/// (`refundOverdue`). Both parties together may cancel (`proposeCancel` + `confirmCancel`), refunding every
/// unpaid, undisputed milestone to the client.
///
/// Disputes: either party may `openDispute` on an unpaid milestone that is delivered (the client only within the
/// review period) or overdue; the milestone is frozen at once. The panel is drawn afterwards (`drawPanel`, or
/// lazily by the first `vote`) from the hash of a block `DRAW_DELAY` blocks after the opening, unknown to the
/// opener, so neither the block a party opens in nor a contract reverting until its friends are seated changes
/// who judges. The panel is 3 arbiters of the union, excluding both parties; when fewer than 3 are eligible,
/// the union's steward (founder, later timelock) sits alone as arbiter of last resort, so a client can always
/// contest a delivery. Each panelist votes once with the provider's share in percent; the dispute resolves as
/// soon as two votes agree, else with the median of the three votes (the steward alone decides with one). If
/// no ruling exists `ARBITRATION_PERIOD` after the draw (or no panel was drawn within `ARBITRATION_PERIOD` of
/// opening), anyone may `settleTimedOutDispute`: a delivered milestone is split 50/50 (provider gets the
/// rounded-down half), an undelivered one is refunded to the client. A panel is fixed when drawn: removing an
/// arbiter, or their leaving the union, changes later draws, not panels already seated (as with jurors already
/// drawn in Kleros or Aragon Court); a panelist who never votes is covered by the timeout.
///
/// Cancelling: a cancel proposal names its refund and expires after `CANCEL_PERIOD`; a delivery, a settled
/// milestone or a dispute clears it, so an agreement cannot be confirmed after the deal changed under it.
///
/// Tokens: deals are in the union's own token. Funding checks the escrow's balance change and reverts on any
/// shortfall (`Escrow_TransferShortfall`), so a fee-on-transfer token can never be credited nominally.
///
/// Money only ever leaves through `withdraw`: every payout and refund is credited per (token, account) and
/// pulled by its owner, so a recipient that reverts only blocks itself. The events that settle a milestone
/// (`MilestoneReleased`, `MilestoneClaimed`, `MilestoneRefunded`, `DisputeResolved`) and those that refund a
/// whole deal (`DealDeclined`, `DealReclaimed`, `DealCancelled`) carry the amounts credited, so `withdrawable`
/// is the sum of those amounts per party minus `Withdrawn`; no separate event repeats them.
/// @dev Membership is checked when a deal is opened (both parties; the union's timelock may be the client without
/// joining) and accepted (provider); a party who later
/// leaves the union keeps every right in the deal, so nobody can lose funds by leaving.
// Deadlines are the point of this contract; validators' ~seconds of timestamp leeway do not matter at
// review periods of days.
// forge-lint: disable-start(block-timestamp)
contract Escrow is IEscrow, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev A dispute as stored: everything a vote changes sits in the first slot (the votes as a bit mask and
    /// three shares), so a vote writes one slot and reads only the caller's panel seat.
    struct DisputeRecord {
        uint64 dealId;
        uint8 milestone;
        uint48 deadline;
        DisputeStatus status;
        uint8 providerPct;
        bool timedOut;
        /// @dev Bit i set: seat i voted.
        uint8 votedMask;
        uint8 vote0;
        uint8 vote1;
        uint8 vote2;
        /// @dev The block whose hash seeds the draw.
        uint64 drawBlock;
        /// @dev 0: not drawn yet; 3: a panel of arbiters; 1: the steward alone.
        uint8 seats;
        address[3] panel;
    }

    /// @notice Most milestones one deal may have.
    uint256 public constant MAX_MILESTONES = 20;
    /// @notice Shortest review period a deal may set.
    uint256 public constant MIN_REVIEW_PERIOD = 1 days;
    /// @notice Longest review period a deal may set.
    uint256 public constant MAX_REVIEW_PERIOD = 60 days;
    /// @notice Time the panel has to rule after it is drawn (and time to draw it after a dispute opens).
    uint256 public constant ARBITRATION_PERIOD = 7 days;
    /// @notice Provider's share in percent when a dispute on a delivered milestone times out (an undelivered
    /// one goes back to the client in full).
    uint8 public constant TIMEOUT_PROVIDER_PCT = 50;
    /// @notice Blocks between opening a dispute and the block whose hash seeds its panel.
    uint256 public constant DRAW_DELAY = 5;
    /// @notice How long a cancel proposal may be confirmed.
    uint256 public constant CANCEL_PERIOD = 7 days;

    /// @notice The factory whose unions this escrow serves.
    IUnionRegistry public immutable factory;
    /// @notice The arbiter registry panels are drawn from.
    UnionArbiters public immutable arbiters;

    /// @notice Number of deals opened; deal ids run from 1 to `dealCount`.
    uint256 public dealCount;
    /// @notice Number of disputes opened; dispute ids run from 1 to `disputeCount`.
    uint256 public disputeCount;

    /// @notice Tokens `account` can `withdraw` of `token`.
    mapping(address token => mapping(address account => uint256)) public withdrawable;

    mapping(uint256 dealId => Deal) private _deals;
    mapping(uint256 dealId => mapping(uint256 index => Milestone)) private _milestones;
    mapping(uint256 dealId => mapping(uint256 index => uint256 disputeId)) private _disputeOf;
    mapping(uint256 disputeId => DisputeRecord) private _disputes;

    /// @param factory_ The union factory (`isUnion`).
    /// @param arbiters_ The arbiter registry.
    constructor(IUnionRegistry factory_, UnionArbiters arbiters_) {
        factory = factory_;
        arbiters = arbiters_;
    }

    // ---------------------------------------------------------------- opening

    /// @notice Open a deal with `p.provider` and fund it from the caller's balance (approve this contract
    /// for the milestones' total first).
    /// @param p Union, provider, listing, acceptance deadline, review period and milestones.
    /// @return dealId The new deal.
    function openDeal(DealParams calldata p) external nonReentrant returns (uint256 dealId) {
        uint256 total;
        address token;
        (dealId, token, total) = _open(p);
        _pull({token: token, amount: total});
    }

    /// @notice `openDeal` with an ERC-2612 permit for the milestones' total instead of a prior approval.
    /// @dev The permit is tried and its failure ignored (someone may have front-run it); the transfer then
    /// needs the allowance either way.
    /// @param p Union, provider, listing, acceptance deadline, review period and milestones.
    /// @param permitDeadline The permit's deadline.
    /// @param v Signature v.
    /// @param r Signature r.
    /// @param s Signature s.
    /// @return dealId The new deal.
    function openDealWithPermit(DealParams calldata p, uint256 permitDeadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
        returns (uint256 dealId)
    {
        uint256 total;
        address token;
        (dealId, token, total) = _open(p);
        try IERC20Permit(token).permit(msg.sender, address(this), total, permitDeadline, v, r, s) {} catch {}
        _pull({token: token, amount: total});
    }

    /// @notice Accept a proposed deal (provider, before `acceptBy`, while still a member).
    /// @param dealId The deal.
    function accept(uint256 dealId) external {
        Deal storage d = _dealAs(dealId, Party.Provider);
        _requireStatus(dealId, d.status, DealStatus.Proposed);
        if (block.timestamp > d.acceptBy) revert Escrow_AcceptanceWindowClosed(dealId, d.acceptBy, block.timestamp);
        if (!IUnion(d.union).isMember(msg.sender)) revert Escrow_NotMember(d.union, msg.sender);
        d.status = DealStatus.Active;
        emit DealAccepted(dealId);
    }

    /// @notice Decline a proposed deal (provider); the client is refunded in full.
    /// @param dealId The deal.
    function decline(uint256 dealId) external {
        Deal storage d = _dealAs(dealId, Party.Provider);
        _requireStatus(dealId, d.status, DealStatus.Proposed);
        d.status = DealStatus.Declined;
        emit DealDeclined(dealId, _refundOpenMilestones(dealId, d));
    }

    /// @notice Take back a deal the provider did not accept by `acceptBy` (client).
    /// @param dealId The deal.
    function reclaimUnaccepted(uint256 dealId) external {
        Deal storage d = _dealAs(dealId, Party.Client);
        _requireStatus(dealId, d.status, DealStatus.Proposed);
        if (block.timestamp <= d.acceptBy) revert Escrow_AcceptanceWindowOpen(dealId, d.acceptBy, block.timestamp);
        d.status = DealStatus.Reclaimed;
        emit DealReclaimed(dealId, _refundOpenMilestones(dealId, d));
    }

    // ---------------------------------------------------------------- milestones

    /// @notice Mark a pending milestone delivered (provider, active deal). Starts the client's review period.
    /// @dev Allowed after the due date as long as the client has not refunded the milestone.
    /// @param dealId The deal.
    /// @param index The milestone.
    function markDelivered(uint256 dealId, uint256 index) external {
        Deal storage d = _dealAs(dealId, Party.Provider);
        _requireStatus(dealId, d.status, DealStatus.Active);
        Milestone storage m = _milestone(dealId, index, d);
        if (m.status != MilestoneStatus.Pending) revert Escrow_WrongMilestoneStatus(dealId, index, m.status);
        m.status = MilestoneStatus.Delivered;
        // casting is safe: timestamps fit 48 bits for millions of years
        // forge-lint: disable-next-line(unsafe-typecast)
        m.deliveredAt = uint48(block.timestamp);
        emit MilestoneDelivered(dealId, index, block.timestamp + d.reviewPeriod);
        _clearCancel(dealId, d);
    }

    /// @notice Pay a pending or delivered milestone to the provider (client, active deal).
    /// @param dealId The deal.
    /// @param index The milestone.
    function release(uint256 dealId, uint256 index) external {
        Deal storage d = _dealAs(dealId, Party.Client);
        _requireStatus(dealId, d.status, DealStatus.Active);
        Milestone storage m = _milestone(dealId, index, d);
        MilestoneStatus status = m.status;
        if (status != MilestoneStatus.Pending && status != MilestoneStatus.Delivered) {
            revert Escrow_WrongMilestoneStatus(dealId, index, status);
        }
        m.status = MilestoneStatus.Released;
        uint256 amount = m.amount;
        emit MilestoneReleased(dealId, index, amount);
        _settle({dealId: dealId, d: d, providerAmount: amount, clientAmount: 0});
    }

    /// @notice Take a delivered milestone the client left unanswered for the review period (provider).
    /// @param dealId The deal.
    /// @param index The milestone.
    function claim(uint256 dealId, uint256 index) external {
        Deal storage d = _dealAs(dealId, Party.Provider);
        _requireStatus(dealId, d.status, DealStatus.Active);
        Milestone storage m = _milestone(dealId, index, d);
        if (m.status != MilestoneStatus.Delivered) revert Escrow_WrongMilestoneStatus(dealId, index, m.status);
        uint256 reviewEndsAt = uint256(m.deliveredAt) + d.reviewPeriod;
        if (block.timestamp < reviewEndsAt) {
            revert Escrow_ReviewPeriodNotOver(dealId, index, reviewEndsAt, block.timestamp);
        }
        m.status = MilestoneStatus.Claimed;
        uint256 amount = m.amount;
        emit MilestoneClaimed(dealId, index, amount);
        _settle({dealId: dealId, d: d, providerAmount: amount, clientAmount: 0});
    }

    /// @notice Take back a milestone that is past its due date and still undelivered (client, active deal).
    /// @param dealId The deal.
    /// @param index The milestone.
    function refundOverdue(uint256 dealId, uint256 index) external {
        Deal storage d = _dealAs(dealId, Party.Client);
        _requireStatus(dealId, d.status, DealStatus.Active);
        Milestone storage m = _milestone(dealId, index, d);
        if (m.status != MilestoneStatus.Pending) revert Escrow_WrongMilestoneStatus(dealId, index, m.status);
        if (block.timestamp <= m.due) revert Escrow_NotOverdue(dealId, index, m.due, block.timestamp);
        m.status = MilestoneStatus.Refunded;
        uint256 amount = m.amount;
        emit MilestoneRefunded(dealId, index, amount);
        _settle({dealId: dealId, d: d, providerAmount: 0, clientAmount: amount});
    }

    // ---------------------------------------------------------------- mutual cancel

    /// @notice Propose to cancel an active deal (either party); the other party confirms with `confirmCancel`
    /// within `CANCEL_PERIOD`. The proposal names the refund (`CancelProposed`); a delivery, a settled milestone
    /// or a new dispute clears it, so nobody can confirm an agreement made before the deal changed. An expired
    /// proposal may be replaced by either party.
    /// @param dealId The deal.
    function proposeCancel(uint256 dealId) external {
        (Deal storage d, Party party) = _dealAsParty(dealId);
        _requireStatus(dealId, d.status, DealStatus.Active);
        if (d.cancelProposedBy != Party.None && block.timestamp <= d.cancelExpiresAt) {
            revert Escrow_CancelAlreadyProposed(dealId, d.cancelProposedBy);
        }
        uint256 expiresAt = block.timestamp + CANCEL_PERIOD;
        d.cancelProposedBy = party;
        // casting is safe: timestamps fit 48 bits for millions of years
        // forge-lint: disable-next-line(unsafe-typecast)
        d.cancelExpiresAt = uint48(expiresAt);
        emit CancelProposed({dealId: dealId, by: msg.sender, refund: _openAmount(dealId, d), expiresAt: expiresAt});
    }

    /// @notice Withdraw your own cancel proposal.
    /// @param dealId The deal.
    function withdrawCancelProposal(uint256 dealId) external {
        (Deal storage d, Party party) = _dealAsParty(dealId);
        if (d.cancelProposedBy != party) revert Escrow_NoCancelToAnswer(dealId, d.cancelProposedBy, msg.sender);
        d.cancelProposedBy = Party.None;
        emit CancelProposalWithdrawn(dealId, msg.sender);
    }

    /// @notice Confirm the other party's cancel proposal: every pending or delivered milestone is refunded to
    /// the client; disputed milestones stay with their dispute.
    /// @param dealId The deal.
    function confirmCancel(uint256 dealId) external {
        (Deal storage d, Party party) = _dealAsParty(dealId);
        _requireStatus(dealId, d.status, DealStatus.Active);
        Party proposer = d.cancelProposedBy;
        if (proposer == Party.None || proposer == party) revert Escrow_NoCancelToAnswer(dealId, proposer, msg.sender);
        if (block.timestamp > d.cancelExpiresAt) revert Escrow_CancelExpired(dealId, d.cancelExpiresAt);
        d.status = DealStatus.Cancelled;
        d.cancelProposedBy = Party.None;
        emit DealCancelled(dealId, _refundOpenMilestones(dealId, d));
    }

    // ---------------------------------------------------------------- disputes

    /// @notice Dispute an unpaid milestone (either party, active deal): one that is delivered (the client only
    /// before its review period ends) or past its due date and undelivered. The milestone is frozen at once (the
    /// provider cannot claim it, the client cannot refund it); the panel is drawn later by `drawPanel`.
    /// @dev Commit, then draw: the panel is seeded by the hash of block `block.number + DRAW_DELAY`, which
    /// nobody knows when the dispute opens, so a party cannot pick the block it opens in, nor revert until its
    /// friends are seated. A dispute can always be opened, whatever the number of arbiters (see `drawPanel`).
    /// Opening clears a pending cancel proposal. If no panel is drawn within `ARBITRATION_PERIOD`, anyone may
    /// `settleTimedOutDispute`.
    /// @param dealId The deal.
    /// @param index The milestone.
    /// @return disputeId The new dispute.
    function openDispute(uint256 dealId, uint256 index) external returns (uint256 disputeId) {
        (Deal storage d, Party party) = _dealAsParty(dealId);
        _requireStatus(dealId, d.status, DealStatus.Active);
        Milestone storage m = _milestone(dealId, index, d);
        if (m.status == MilestoneStatus.Pending) {
            if (block.timestamp <= m.due) revert Escrow_NotOverdue(dealId, index, m.due, block.timestamp);
        } else if (m.status == MilestoneStatus.Delivered) {
            uint256 reviewEndsAt = uint256(m.deliveredAt) + d.reviewPeriod;
            if (party == Party.Client && block.timestamp >= reviewEndsAt) {
                revert Escrow_ReviewPeriodOver(dealId, index, reviewEndsAt, block.timestamp);
            }
        } else {
            revert Escrow_WrongMilestoneStatus(dealId, index, m.status);
        }
        m.status = MilestoneStatus.Disputed;
        _clearCancel(dealId, d);
        disputeId = ++disputeCount;
        _disputeOf[dealId][index] = disputeId;

        DisputeRecord storage dispute = _disputes[disputeId];
        // casting is safe: deal ids count up from 1 (far below 2^64) and index < milestoneCount <= 20
        // forge-lint: disable-next-line(unsafe-typecast)
        dispute.dealId = uint64(dealId);
        // forge-lint: disable-next-line(unsafe-typecast)
        dispute.milestone = uint8(index);
        uint256 deadline = block.timestamp + ARBITRATION_PERIOD;
        // casting is safe: timestamps fit 48 bits for millions of years
        // forge-lint: disable-next-line(unsafe-typecast)
        dispute.deadline = uint48(deadline);
        dispute.status = DisputeStatus.Open;
        uint256 drawBlock = block.number + DRAW_DELAY;
        // casting is safe: block numbers fit 64 bits
        // forge-lint: disable-next-line(unsafe-typecast)
        dispute.drawBlock = uint64(drawBlock);
        emit DisputeOpened(disputeId, dealId, index, msg.sender, drawBlock, deadline);
    }

    /// @notice Draw the dispute's panel (anyone, once, from block `drawBlock + 1`): three eligible arbiters of
    /// the union who are not parties, or, when fewer than three are eligible, the union's steward alone as
    /// arbiter of last resort (if the steward is a party too, no panel can be drawn and the dispute times out).
    /// The panel then has `ARBITRATION_PERIOD` to rule. The first `vote` draws too, if nobody did.
    /// @dev Seeded by `blockhash(drawBlock)` and the dispute id. If the hash is gone (more than 256 blocks
    /// passed), the draw is committed to a new future block instead (`PanelDrawDeferred`, returns an empty
    /// panel), so waiting gains nobody a choice. The result is fixed once `drawBlock` is mined: calling (or
    /// reverting) in any later block yields the same panel, unless the arbiter list itself changes first.
    /// @param disputeId The dispute.
    /// @return panel The seated arbiters (all zero if the draw was deferred).
    function drawPanel(uint256 disputeId) external returns (address[3] memory panel) {
        DisputeRecord storage dispute = _disputes[disputeId];
        if (dispute.status != DisputeStatus.Open) revert Escrow_DisputeNotOpen(disputeId, dispute.status);
        if (dispute.seats != 0) revert Escrow_PanelAlreadyDrawn(disputeId);
        uint256 drawBlock = dispute.drawBlock;
        if (block.number <= drawBlock) revert Escrow_PanelNotDrawable(disputeId, drawBlock, block.number);
        bytes32 hash = blockhash(drawBlock);
        if (hash == bytes32(0)) {
            drawBlock = block.number + DRAW_DELAY;
            // casting is safe: block numbers fit 64 bits
            // forge-lint: disable-next-line(unsafe-typecast)
            dispute.drawBlock = uint64(drawBlock);
            emit PanelDrawDeferred(disputeId, drawBlock);
            return panel;
        }
        return _draw(disputeId, dispute, hash);
    }

    /// @notice Vote on a dispute you sit on: the provider's share in percent (0..100). The dispute resolves as
    /// soon as two panelists agree on the same share, or, once all three voted, with the median share; the
    /// steward sitting alone decides with one vote. Draws the panel first if nobody did yet.
    /// @dev The panel was fixed at the draw, so a panelist votes even if since removed as an arbiter.
    /// @param disputeId The dispute.
    /// @param providerPct The provider's share in percent.
    function vote(uint256 disputeId, uint8 providerPct) external {
        DisputeRecord storage dispute = _disputes[disputeId];
        if (dispute.status != DisputeStatus.Open) revert Escrow_DisputeNotOpen(disputeId, dispute.status);
        uint256 seats = dispute.seats;
        if (seats == 0) {
            uint256 drawBlock = dispute.drawBlock;
            bytes32 hash = block.number > drawBlock ? blockhash(drawBlock) : bytes32(0);
            if (hash == bytes32(0)) revert Escrow_PanelNotDrawable(disputeId, drawBlock, block.number);
            _draw(disputeId, dispute, hash);
            seats = dispute.seats;
        }
        if (block.timestamp > dispute.deadline) {
            revert Escrow_VotingClosed(disputeId, dispute.deadline, block.timestamp);
        }
        if (providerPct > 100) revert Escrow_InvalidSplit(providerPct);
        uint256 seat = _seatOf(dispute, disputeId);
        uint8 mask = dispute.votedMask;
        if (mask & (1 << seat) != 0) revert Escrow_AlreadyVoted(disputeId, msg.sender);

        // Earlier votes are read before this one is stored: two of them, or one equal to this, decide.
        uint8[3] memory votes = [dispute.vote0, dispute.vote1, dispute.vote2];
        bool agreed = seats == 1;
        uint256 cast;
        for (uint256 i; i < 3; ++i) {
            if (mask & (1 << i) == 0) continue;
            ++cast;
            if (votes[i] == providerPct) agreed = true;
        }
        // casting is safe: seat < 3
        // forge-lint: disable-next-line(unsafe-typecast)
        dispute.votedMask = mask | uint8(1 << seat);
        if (seat == 0) dispute.vote0 = providerPct;
        else if (seat == 1) dispute.vote1 = providerPct;
        else dispute.vote2 = providerPct;
        votes[seat] = providerPct;
        emit ArbiterVoted(disputeId, msg.sender, providerPct);

        if (agreed) {
            _resolve({disputeId: disputeId, dispute: dispute, providerPct: providerPct, timedOut: false});
        } else if (cast == 2) {
            _resolve({
                disputeId: disputeId,
                dispute: dispute,
                providerPct: _median(votes[0], votes[1], votes[2]),
                timedOut: false
            });
        }
    }

    /// @notice End a dispute whose panel did not rule by its deadline, or that no one drew a panel for within
    /// `ARBITRATION_PERIOD` of opening (anyone). A delivered milestone is split 50/50, the provider getting the
    /// rounded-down half; an undelivered (overdue) one goes back to the client in full, so a dispute cannot
    /// turn a refund the client was owed into half a payment.
    /// @param disputeId The dispute.
    function settleTimedOutDispute(uint256 disputeId) external {
        DisputeRecord storage dispute = _disputes[disputeId];
        if (dispute.status != DisputeStatus.Open) revert Escrow_DisputeNotOpen(disputeId, dispute.status);
        if (block.timestamp <= dispute.deadline) {
            revert Escrow_VotingOpen(disputeId, dispute.deadline, block.timestamp);
        }
        bool delivered = _milestones[dispute.dealId][dispute.milestone].deliveredAt != 0;
        _resolve({
            disputeId: disputeId, dispute: dispute, providerPct: delivered ? TIMEOUT_PROVIDER_PCT : 0, timedOut: true
        });
    }

    // ---------------------------------------------------------------- withdrawals

    /// @notice Send the caller everything credited to them in `token`.
    /// @param token The token (a union's token).
    function withdraw(address token) external nonReentrant {
        uint256 amount = withdrawable[token][msg.sender];
        if (amount == 0) revert Escrow_NothingToWithdraw(token, msg.sender);
        withdrawable[token][msg.sender] = 0;
        emit Withdrawn(token, msg.sender, amount);
        IERC20(token).safeTransfer(msg.sender, amount);
    }

    // ---------------------------------------------------------------- views

    /// @notice A deal.
    /// @param dealId The deal.
    /// @return The stored deal (status `None` if unknown).
    function getDeal(uint256 dealId) external view returns (Deal memory) {
        return _deals[dealId];
    }

    /// @notice A milestone of a deal.
    /// @param dealId The deal.
    /// @param index The milestone.
    /// @return The stored milestone (zero if unknown).
    function getMilestone(uint256 dealId, uint256 index) external view returns (Milestone memory) {
        return _milestones[dealId][index];
    }

    /// @notice A dispute.
    /// @param disputeId The dispute.
    /// @return view_ The stored dispute (status `None` if unknown).
    function getDispute(uint256 disputeId) external view returns (Dispute memory view_) {
        DisputeRecord storage stored = _disputes[disputeId];
        view_.dealId = stored.dealId;
        view_.milestone = stored.milestone;
        view_.deadline = stored.deadline;
        view_.status = stored.status;
        view_.providerPct = stored.providerPct;
        view_.timedOut = stored.timedOut;
        view_.drawBlock = stored.drawBlock;
        view_.seats = stored.seats;
        uint8 mask = stored.votedMask;
        uint8[3] memory votes = [stored.vote0, stored.vote1, stored.vote2];
        for (uint256 i; i < 3; ++i) {
            bool voted = mask & (1 << i) != 0;
            view_.panel[i] = Seat({arbiter: stored.panel[i], voted: voted, providerPct: voted ? votes[i] : 0});
        }
    }

    /// @notice The latest dispute opened on a milestone (a milestone is disputed at most once).
    /// @param dealId The deal.
    /// @param index The milestone.
    /// @return disputeId The dispute, or 0.
    function disputeOf(uint256 dealId, uint256 index) external view returns (uint256 disputeId) {
        return _disputeOf[dealId][index];
    }

    // ---------------------------------------------------------------- internals

    /// @dev Checks and stores a new deal; the caller pulls the returned total afterwards.
    function _open(DealParams calldata p) private returns (uint256 dealId, address token, uint256 total) {
        address union = p.union;
        if (!factory.isUnion(union)) revert Escrow_UnknownUnion(union);
        _requireMemberOrTreasury(union);
        if (!IUnion(union).isMember(p.provider)) revert Escrow_NotMember(union, p.provider);
        if (p.provider == msg.sender) revert Escrow_SelfDeal(msg.sender);
        uint256 count = p.milestones.length;
        if (count == 0 || count > MAX_MILESTONES) revert Escrow_MilestoneCount(count, MAX_MILESTONES);
        if (p.acceptBy <= block.timestamp) revert Escrow_AcceptByInPast(p.acceptBy, block.timestamp);
        if (p.reviewPeriod < MIN_REVIEW_PERIOD || p.reviewPeriod > MAX_REVIEW_PERIOD) {
            revert Escrow_ReviewPeriodOutOfRange(p.reviewPeriod, MIN_REVIEW_PERIOD, MAX_REVIEW_PERIOD);
        }

        dealId = ++dealCount;
        token = IUnion(union).token();
        for (uint256 i; i < count; ++i) {
            MilestoneInput calldata input = p.milestones[i];
            if (input.amount == 0) revert Escrow_ZeroAmount(i);
            if (input.due <= block.timestamp) revert Escrow_DueInPast(i, input.due, block.timestamp);
            _milestones[dealId][i] =
                Milestone({amount: input.amount, due: input.due, deliveredAt: 0, status: MilestoneStatus.Pending});
            total += input.amount;
            emit MilestoneAdded(dealId, i, input.amount, input.due, input.descriptionCid);
        }
        _deals[dealId] = Deal({
            client: msg.sender,
            acceptBy: p.acceptBy,
            status: DealStatus.Proposed,
            // casting is safe: count <= MAX_MILESTONES = 20
            // forge-lint: disable-next-line(unsafe-typecast)
            milestoneCount: uint8(count),
            // forge-lint: disable-next-line(unsafe-typecast)
            unsettled: uint8(count),
            cancelProposedBy: Party.None,
            provider: p.provider,
            reviewPeriod: p.reviewPeriod,
            cancelExpiresAt: 0,
            union: union,
            token: token
        });
        emit DealOpened({
            dealId: dealId,
            union: union,
            provider: p.provider,
            client: msg.sender,
            token: token,
            listing: p.listing,
            total: total,
            acceptBy: p.acceptBy,
            reviewPeriod: p.reviewPeriod
        });
    }

    /// @dev Clients are the union's members and its timelock: the treasury hires without joining.
    function _requireMemberOrTreasury(address union) private view {
        IUnion u = IUnion(union);
        if (!u.isMember(msg.sender) && msg.sender != u.timelock()) revert Escrow_NotMember(union, msg.sender);
    }

    /// @dev Refunds every pending or delivered milestone to the client; returns the sum.
    function _refundOpenMilestones(uint256 dealId, Deal storage d) private returns (uint256 refund) {
        uint256 count = d.milestoneCount;
        uint256 settled;
        for (uint256 i; i < count; ++i) {
            Milestone storage m = _milestones[dealId][i];
            if (m.status != MilestoneStatus.Pending && m.status != MilestoneStatus.Delivered) continue;
            m.status = MilestoneStatus.Refunded;
            uint256 amount = m.amount;
            refund += amount;
            ++settled;
            emit MilestoneRefunded(dealId, i, amount);
        }
        // cannot underflow: each refunded milestone was unsettled; casting is safe: settled <= 20
        unchecked {
            // forge-lint: disable-next-line(unsafe-typecast)
            d.unsettled -= uint8(settled);
        }
        _credit({token: d.token, account: d.client, amount: refund});
    }

    /// @dev One milestone reached a final state: credit both sides and complete the deal if it was the last.
    function _settle(uint256 dealId, Deal storage d, uint256 providerAmount, uint256 clientAmount) private {
        uint8 unsettled;
        // cannot underflow: the milestone being settled was unsettled
        unchecked {
            unsettled = d.unsettled - 1;
        }
        d.unsettled = unsettled;
        _clearCancel(dealId, d);
        if (unsettled == 0 && d.status == DealStatus.Active) {
            d.status = DealStatus.Completed;
            emit DealCompleted(dealId);
        }
        address token = d.token;
        if (providerAmount != 0) _credit({token: token, account: d.provider, amount: providerAmount});
        if (clientAmount != 0) _credit({token: token, account: d.client, amount: clientAmount});
    }

    function _resolve(uint256 disputeId, DisputeRecord storage dispute, uint8 providerPct, bool timedOut) private {
        uint256 dealId = dispute.dealId;
        Deal storage d = _deals[dealId];
        uint256 index = dispute.milestone;
        dispute.status = DisputeStatus.Resolved;
        dispute.providerPct = providerPct;
        dispute.timedOut = timedOut;
        Milestone storage m = _milestones[dealId][index];
        m.status = MilestoneStatus.Resolved;
        uint256 amount = m.amount;
        uint256 providerAmount = amount * providerPct / 100;
        // cannot underflow: providerPct <= 100
        uint256 clientAmount;
        unchecked {
            clientAmount = amount - providerAmount;
        }
        emit DisputeResolved(disputeId, dealId, index, providerPct, providerAmount, clientAmount, timedOut);
        _settle({dealId: dealId, d: d, providerAmount: providerAmount, clientAmount: clientAmount});
    }

    /// @dev Seats the panel from `hash`: three eligible arbiters, else the steward alone if not a party.
    function _draw(uint256 disputeId, DisputeRecord storage dispute, bytes32 hash)
        private
        returns (address[3] memory panel)
    {
        Deal storage d = _deals[dispute.dealId];
        address union = d.union;
        address client = d.client;
        address provider = d.provider;
        uint256 found;
        (panel, found) = arbiters.drawEligible({
            union: union, excludedA: client, excludedB: provider, seed: uint256(keccak256(abi.encode(hash, disputeId)))
        });
        uint8 seats = 3;
        if (found < 3) {
            address steward = IUnion(union).steward();
            if (steward == client || steward == provider) revert Escrow_NoPanelPossible(disputeId, found);
            panel = [steward, address(0), address(0)];
            seats = 1;
        }
        uint256 deadline = block.timestamp + ARBITRATION_PERIOD;
        dispute.seats = seats;
        // casting is safe: timestamps fit 48 bits for millions of years
        // forge-lint: disable-next-line(unsafe-typecast)
        dispute.deadline = uint48(deadline);
        dispute.panel = panel;
        emit PanelDrawn(disputeId, panel, deadline);
    }

    /// @dev Pulls `amount` of `token` from the caller and checks all of it arrived.
    function _pull(address token, uint256 amount) private {
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = IERC20(token).balanceOf(address(this)) - before;
        if (received != amount) revert Escrow_TransferShortfall(token, amount, received);
    }

    /// @dev A delivery, settlement or dispute changes what a cancel would refund: drop the pending proposal.
    function _clearCancel(uint256 dealId, Deal storage d) private {
        if (d.cancelProposedBy == Party.None) return;
        d.cancelProposedBy = Party.None;
        emit CancelProposalCleared(dealId);
    }

    /// @dev Sum of the pending and delivered milestones (what a cancel refunds).
    function _openAmount(uint256 dealId, Deal storage d) private view returns (uint256 amount) {
        uint256 count = d.milestoneCount;
        for (uint256 i; i < count; ++i) {
            Milestone storage m = _milestones[dealId][i];
            if (m.status == MilestoneStatus.Pending || m.status == MilestoneStatus.Delivered) amount += m.amount;
        }
    }

    function _credit(address token, address account, uint256 amount) private {
        if (amount == 0) return;
        withdrawable[token][account] += amount;
    }

    function _dealAs(uint256 dealId, Party party) private view returns (Deal storage d) {
        d = _deals[dealId];
        if (d.status == DealStatus.None) revert Escrow_UnknownDeal(dealId);
        if (party == Party.Client) {
            if (msg.sender != d.client) revert Escrow_NotClient(dealId, msg.sender);
        } else if (msg.sender != d.provider) {
            revert Escrow_NotProvider(dealId, msg.sender);
        }
    }

    function _dealAsParty(uint256 dealId) private view returns (Deal storage d, Party party) {
        d = _deals[dealId];
        if (d.status == DealStatus.None) revert Escrow_UnknownDeal(dealId);
        if (msg.sender == d.client) party = Party.Client;
        else if (msg.sender == d.provider) party = Party.Provider;
        else revert Escrow_NotParty(dealId, msg.sender);
    }

    /// @dev The caller's seat on the panel; reads seats only up to the caller's.
    function _seatOf(DisputeRecord storage dispute, uint256 disputeId) private view returns (uint256) {
        for (uint256 i; i < 3; ++i) {
            if (dispute.panel[i] == msg.sender) return i;
        }
        revert Escrow_NotPanelist(disputeId, msg.sender);
    }

    function _milestone(uint256 dealId, uint256 index, Deal storage d) private view returns (Milestone storage) {
        if (index >= d.milestoneCount) revert Escrow_UnknownMilestone(dealId, index);
        return _milestones[dealId][index];
    }

    function _requireStatus(uint256 dealId, DealStatus status, DealStatus required) private pure {
        if (status != required) revert Escrow_WrongDealStatus(dealId, status, required);
    }

    function _median(uint8 a, uint8 b, uint8 c) private pure returns (uint8) {
        if (a > b) (a, b) = (b, a);
        if (b > c) b = c;
        return a > b ? a : b;
    }
}
// forge-lint: disable-end(block-timestamp)

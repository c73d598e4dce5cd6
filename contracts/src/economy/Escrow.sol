// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IUnion} from "../interfaces/IUnion.sol";
import {IUnionRegistry} from "./IUnionRegistry.sol";
import {UnionArbiters} from "./UnionArbiters.sol";

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
/// review period) or overdue. A panel of 3 arbiters of the union, excluding both parties, is drawn
/// pseudo-randomly (see `openDispute`). Each panelist votes once with the provider's share in percent; the
/// dispute resolves as soon as two votes agree, else with the median of the three votes. If no ruling exists
/// `ARBITRATION_PERIOD` after the dispute opened, anyone may `settleTimedOutDispute`, which splits the milestone
/// 50/50 (provider gets the rounded-down half) so funds are never stuck. A panel is fixed when drawn: removing
/// an arbiter, or their leaving the union, changes later draws, not panels already seated (as with jurors
/// already drawn in Kleros or Aragon Court); a panelist who never votes is covered by the timeout.
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
contract Escrow is ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Where a deal stands.
    enum DealStatus {
        None,
        Proposed,
        Active,
        Declined,
        Reclaimed,
        Cancelled,
        Completed
    }

    /// @notice Where a milestone stands. Released, Claimed, Refunded and Resolved are final.
    enum MilestoneStatus {
        Pending,
        Delivered,
        Released,
        Claimed,
        Refunded,
        Disputed,
        Resolved
    }

    /// @notice Which party proposed a mutual cancel.
    enum Party {
        None,
        Client,
        Provider
    }

    /// @notice Where a dispute stands.
    enum DisputeStatus {
        None,
        Open,
        Resolved
    }

    /// @notice One milestone as the client specifies it.
    /// @param amount Tokens paid for it (> 0).
    /// @param due Unix time by which it should be delivered (in the future).
    /// @param descriptionCid IPFS CID (or other id) of its description; only emitted.
    struct MilestoneInput {
        uint128 amount;
        uint48 due;
        string descriptionCid;
    }

    /// @notice Arguments of `openDeal`.
    /// @param union The union both parties belong to; the deal is in its token.
    /// @param provider Who does the work.
    /// @param listing The listing the deal is for (Ceramic stream id, CID, ...); only emitted.
    /// @param acceptBy Unix time until which the provider may accept.
    /// @param reviewPeriod Seconds the client has to answer a delivery before the provider may claim it.
    /// @param milestones 1..`MAX_MILESTONES` milestones.
    struct DealParams {
        address union;
        address provider;
        string listing;
        uint48 acceptBy;
        uint48 reviewPeriod;
        MilestoneInput[] milestones;
    }

    /// @notice A deal as stored.
    struct Deal {
        address client;
        uint48 acceptBy;
        DealStatus status;
        uint8 milestoneCount;
        /// @dev Milestones not yet in a final state.
        uint8 unsettled;
        Party cancelProposedBy;
        address provider;
        uint48 reviewPeriod;
        address union;
        address token;
    }

    /// @notice A milestone as stored.
    struct Milestone {
        uint128 amount;
        uint48 due;
        uint48 deliveredAt;
        MilestoneStatus status;
    }

    /// @notice One panelist and their vote.
    struct Seat {
        address arbiter;
        bool voted;
        uint8 providerPct;
    }

    /// @notice A dispute as `getDispute` returns it.
    struct Dispute {
        uint64 dealId;
        uint8 milestone;
        uint48 deadline;
        DisputeStatus status;
        /// @dev The provider's share in percent, once resolved.
        uint8 providerPct;
        bool timedOut;
        Seat[3] panel;
    }

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
        address[3] panel;
    }

    /// @notice Most milestones one deal may have.
    uint256 public constant MAX_MILESTONES = 20;
    /// @notice Shortest review period a deal may set.
    uint256 public constant MIN_REVIEW_PERIOD = 1 days;
    /// @notice Longest review period a deal may set.
    uint256 public constant MAX_REVIEW_PERIOD = 60 days;
    /// @notice Time the panel has to rule after a dispute opens.
    uint256 public constant ARBITRATION_PERIOD = 7 days;
    /// @notice Provider's share in percent when a dispute times out.
    uint8 public constant TIMEOUT_PROVIDER_PCT = 50;

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

    /// @notice `union` was not created by the factory.
    /// @param union The address given as a union.
    error Escrow_UnknownUnion(address union);
    /// @notice `account` is not a member of `union` (nor, for a client, its timelock).
    /// @param union The union.
    /// @param account The non-member.
    error Escrow_NotMember(address union, address account);
    /// @notice Client and provider are the same address.
    /// @param account The address.
    error Escrow_SelfDeal(address account);
    /// @notice A deal needs between 1 and `MAX_MILESTONES` milestones.
    /// @param count Milestones given.
    /// @param max `MAX_MILESTONES`.
    error Escrow_MilestoneCount(uint256 count, uint256 max);
    /// @notice Milestone `index` has a zero amount.
    /// @param index Position in `milestones`.
    error Escrow_ZeroAmount(uint256 index);
    /// @notice Milestone `index` is due now or in the past.
    /// @param index Position in `milestones`.
    /// @param due Its due date.
    /// @param timestamp The current block timestamp.
    error Escrow_DueInPast(uint256 index, uint256 due, uint256 timestamp);
    /// @notice `acceptBy` is now or in the past.
    /// @param acceptBy The given acceptance deadline.
    /// @param timestamp The current block timestamp.
    error Escrow_AcceptByInPast(uint256 acceptBy, uint256 timestamp);
    /// @notice The review period is outside [`MIN_REVIEW_PERIOD`, `MAX_REVIEW_PERIOD`].
    /// @param reviewPeriod The given period.
    /// @param min `MIN_REVIEW_PERIOD`.
    /// @param max `MAX_REVIEW_PERIOD`.
    error Escrow_ReviewPeriodOutOfRange(uint256 reviewPeriod, uint256 min, uint256 max);
    /// @notice No deal has id `dealId`.
    /// @param dealId The id.
    error Escrow_UnknownDeal(uint256 dealId);
    /// @notice Only the deal's client may call this function.
    /// @param dealId The deal.
    /// @param caller The rejected caller.
    error Escrow_NotClient(uint256 dealId, address caller);
    /// @notice Only the deal's provider may call this function.
    /// @param dealId The deal.
    /// @param caller The rejected caller.
    error Escrow_NotProvider(uint256 dealId, address caller);
    /// @notice Only the deal's client or provider may call this function.
    /// @param dealId The deal.
    /// @param caller The rejected caller.
    error Escrow_NotParty(uint256 dealId, address caller);
    /// @notice The deal is in `status`, the action needs `required`.
    /// @param dealId The deal.
    /// @param status Its status.
    /// @param required The status the action needs.
    error Escrow_WrongDealStatus(uint256 dealId, DealStatus status, DealStatus required);
    /// @notice The provider can no longer accept: `acceptBy` has passed.
    /// @param dealId The deal.
    /// @param acceptBy Its acceptance deadline.
    /// @param timestamp The current block timestamp.
    error Escrow_AcceptanceWindowClosed(uint256 dealId, uint256 acceptBy, uint256 timestamp);
    /// @notice The client cannot reclaim yet: the provider may still accept until `acceptBy`.
    /// @param dealId The deal.
    /// @param acceptBy Its acceptance deadline.
    /// @param timestamp The current block timestamp.
    error Escrow_AcceptanceWindowOpen(uint256 dealId, uint256 acceptBy, uint256 timestamp);
    /// @notice The deal has no milestone `index`.
    /// @param dealId The deal.
    /// @param index The milestone index.
    error Escrow_UnknownMilestone(uint256 dealId, uint256 index);
    /// @notice The milestone is in `status`, which does not allow the action.
    /// @param dealId The deal.
    /// @param index The milestone index.
    /// @param status Its status.
    error Escrow_WrongMilestoneStatus(uint256 dealId, uint256 index, MilestoneStatus status);
    /// @notice The milestone is not overdue yet.
    /// @param dealId The deal.
    /// @param index The milestone index.
    /// @param due Its due date.
    /// @param timestamp The current block timestamp.
    error Escrow_NotOverdue(uint256 dealId, uint256 index, uint256 due, uint256 timestamp);
    /// @notice The client's review period for the delivered milestone has not ended.
    /// @param dealId The deal.
    /// @param index The milestone index.
    /// @param reviewEndsAt When it ends.
    /// @param timestamp The current block timestamp.
    error Escrow_ReviewPeriodNotOver(uint256 dealId, uint256 index, uint256 reviewEndsAt, uint256 timestamp);
    /// @notice The client's review period for the delivered milestone has ended (the provider may claim it).
    /// @param dealId The deal.
    /// @param index The milestone index.
    /// @param reviewEndsAt When it ended.
    /// @param timestamp The current block timestamp.
    error Escrow_ReviewPeriodOver(uint256 dealId, uint256 index, uint256 reviewEndsAt, uint256 timestamp);
    /// @notice `proposer` already proposed to cancel the deal.
    /// @param dealId The deal.
    /// @param proposer The party who proposed.
    error Escrow_CancelAlreadyProposed(uint256 dealId, Party proposer);
    /// @notice The caller cannot confirm or withdraw this cancel: no proposal, or it is the caller's own to
    /// confirm / the other party's to withdraw.
    /// @param dealId The deal.
    /// @param proposer Who proposed (None: nobody).
    /// @param caller The rejected caller.
    error Escrow_NoCancelToAnswer(uint256 dealId, Party proposer, address caller);
    /// @notice No dispute has id `disputeId`, or it is already resolved.
    /// @param disputeId The id.
    /// @param status Its status.
    error Escrow_DisputeNotOpen(uint256 disputeId, DisputeStatus status);
    /// @notice The caller does not sit on the dispute's panel.
    /// @param disputeId The dispute.
    /// @param caller The rejected caller.
    error Escrow_NotPanelist(uint256 disputeId, address caller);
    /// @notice The panelist already voted.
    /// @param disputeId The dispute.
    /// @param arbiter The panelist.
    error Escrow_AlreadyVoted(uint256 disputeId, address arbiter);
    /// @notice A provider share above 100 percent.
    /// @param providerPct The given share.
    error Escrow_InvalidSplit(uint256 providerPct);
    /// @notice The panel's deadline has passed; only `settleTimedOutDispute` can end the dispute now.
    /// @param disputeId The dispute.
    /// @param deadline The panel's deadline.
    /// @param timestamp The current block timestamp.
    error Escrow_VotingClosed(uint256 disputeId, uint256 deadline, uint256 timestamp);
    /// @notice The panel may still rule until `deadline`.
    /// @param disputeId The dispute.
    /// @param deadline The panel's deadline.
    /// @param timestamp The current block timestamp.
    error Escrow_VotingOpen(uint256 disputeId, uint256 deadline, uint256 timestamp);
    /// @notice `account` has nothing to withdraw in `token`.
    /// @param token The token.
    /// @param account The caller.
    error Escrow_NothingToWithdraw(address token, address account);

    /// @notice The client opened and funded a deal.
    /// @param dealId The new deal.
    /// @param union The union.
    /// @param provider The provider.
    /// @param client The client (payer).
    /// @param token The union's token the deal is in.
    /// @param listing The listing reference.
    /// @param total Sum of the milestone amounts (escrowed).
    /// @param acceptBy Acceptance deadline.
    /// @param reviewPeriod Review period in seconds.
    event DealOpened(
        uint256 indexed dealId,
        address indexed union,
        address indexed provider,
        address client,
        address token,
        string listing,
        uint256 total,
        uint48 acceptBy,
        uint48 reviewPeriod
    );
    /// @notice Milestone `index` of a new deal (emitted once per milestone by `openDeal`).
    /// @param dealId The deal.
    /// @param index The milestone index (0-based).
    /// @param amount Its amount.
    /// @param due Its due date.
    /// @param descriptionCid Its description.
    event MilestoneAdded(
        uint256 indexed dealId, uint256 indexed index, uint256 amount, uint48 due, string descriptionCid
    );
    /// @notice The provider accepted the deal.
    /// @param dealId The deal.
    event DealAccepted(uint256 indexed dealId);
    /// @notice The provider declined the deal; everything was refunded to the client.
    /// @param dealId The deal.
    /// @param refund Tokens credited to the client.
    event DealDeclined(uint256 indexed dealId, uint256 refund);
    /// @notice The client took back an unaccepted deal after its acceptance window.
    /// @param dealId The deal.
    /// @param refund Tokens credited to the client.
    event DealReclaimed(uint256 indexed dealId, uint256 refund);
    /// @notice `by` proposed to cancel the deal.
    /// @param dealId The deal.
    /// @param by The proposing party.
    event CancelProposed(uint256 indexed dealId, address indexed by);
    /// @notice `by` withdrew their cancel proposal.
    /// @param dealId The deal.
    /// @param by The proposing party.
    event CancelProposalWithdrawn(uint256 indexed dealId, address indexed by);
    /// @notice Both parties cancelled the deal; unpaid, undisputed milestones were refunded to the client.
    /// @param dealId The deal.
    /// @param refund Tokens credited to the client.
    event DealCancelled(uint256 indexed dealId, uint256 refund);
    /// @notice Every milestone of the active deal reached a final state.
    /// @param dealId The deal.
    event DealCompleted(uint256 indexed dealId);
    /// @notice The provider marked a milestone delivered.
    /// @param dealId The deal.
    /// @param index The milestone.
    /// @param reviewEndsAt When the provider may claim it if the client does not answer.
    event MilestoneDelivered(uint256 indexed dealId, uint256 indexed index, uint256 reviewEndsAt);
    /// @notice The client released a milestone to the provider.
    /// @param dealId The deal.
    /// @param index The milestone.
    /// @param amount Tokens credited to the provider.
    event MilestoneReleased(uint256 indexed dealId, uint256 indexed index, uint256 amount);
    /// @notice The provider claimed a delivered milestone after the review period.
    /// @param dealId The deal.
    /// @param index The milestone.
    /// @param amount Tokens credited to the provider.
    event MilestoneClaimed(uint256 indexed dealId, uint256 indexed index, uint256 amount);
    /// @notice A milestone was refunded to the client (overdue, declined, reclaimed or cancelled).
    /// @param dealId The deal.
    /// @param index The milestone.
    /// @param amount Tokens credited to the client.
    event MilestoneRefunded(uint256 indexed dealId, uint256 indexed index, uint256 amount);
    /// @notice A party disputed a milestone and a panel was drawn.
    /// @param disputeId The new dispute.
    /// @param dealId The deal.
    /// @param index The milestone.
    /// @param openedBy The party who opened it.
    /// @param panel The three arbiters.
    /// @param deadline Until when the panel may vote.
    event DisputeOpened(
        uint256 indexed disputeId,
        uint256 indexed dealId,
        uint256 indexed index,
        address openedBy,
        address[3] panel,
        uint256 deadline
    );
    /// @notice A panelist voted.
    /// @param disputeId The dispute.
    /// @param arbiter The panelist.
    /// @param providerPct The provider's share they voted for, in percent.
    event ArbiterVoted(uint256 indexed disputeId, address indexed arbiter, uint8 providerPct);
    /// @notice A dispute ended (by ruling or timeout) and the milestone was split.
    /// @param disputeId The dispute.
    /// @param dealId The deal.
    /// @param index The milestone.
    /// @param providerPct The provider's share in percent.
    /// @param providerAmount Tokens credited to the provider.
    /// @param clientAmount Tokens credited to the client.
    /// @param timedOut True iff settled by `settleTimedOutDispute`.
    event DisputeResolved(
        uint256 indexed disputeId,
        uint256 indexed dealId,
        uint256 indexed index,
        uint8 providerPct,
        uint256 providerAmount,
        uint256 clientAmount,
        bool timedOut
    );
    /// @notice `account` withdrew `amount` of `token`.
    /// @param token The token.
    /// @param account The account.
    /// @param amount Tokens sent.
    event Withdrawn(address indexed token, address indexed account, uint256 amount);

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
        IERC20(token).safeTransferFrom(msg.sender, address(this), total);
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
        IERC20(token).safeTransferFrom(msg.sender, address(this), total);
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

    /// @notice Propose to cancel an active deal (either party); the other party confirms with `confirmCancel`.
    /// @param dealId The deal.
    function proposeCancel(uint256 dealId) external {
        (Deal storage d, Party party) = _dealAsParty(dealId);
        _requireStatus(dealId, d.status, DealStatus.Active);
        if (d.cancelProposedBy != Party.None) revert Escrow_CancelAlreadyProposed(dealId, d.cancelProposedBy);
        d.cancelProposedBy = party;
        emit CancelProposed(dealId, msg.sender);
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
        d.status = DealStatus.Cancelled;
        d.cancelProposedBy = Party.None;
        emit DealCancelled(dealId, _refundOpenMilestones(dealId, d));
    }

    // ---------------------------------------------------------------- disputes

    /// @notice Dispute an unpaid milestone (either party, active deal): one that is delivered (the client only
    /// before its review period ends) or past its due date and undelivered. Draws a panel of 3 arbiters.
    /// @dev The panel is drawn by `UnionArbiters.drawPanel` from a seed of `block.prevrandao`, the previous
    /// block hash and the dispute id. This is pseudo-random, NOT manipulation-proof: a block proposer can bias
    /// it and a party can predict it and choose the block to open in. Reverts with
    /// `UnionArbiters_NotEnoughArbiters` if fewer than 3 eligible arbiters (members, not a party) exist.
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
        disputeId = ++disputeCount;
        _disputeOf[dealId][index] = disputeId;

        address[3] memory panel = arbiters.drawPanel({
            union: d.union,
            excludedA: d.client,
            excludedB: d.provider,
            seed: uint256(keccak256(abi.encode(block.prevrandao, blockhash(block.number - 1), disputeId)))
        });
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
        dispute.panel = panel;
        emit DisputeOpened(disputeId, dealId, index, msg.sender, panel, deadline);
    }

    /// @notice Vote on a dispute you sit on: the provider's share in percent (0..100). The dispute resolves as
    /// soon as two panelists agree on the same share, or, once all three voted, with the median share.
    /// @dev The panel was fixed at the draw, so a panelist votes even if since removed as an arbiter.
    /// @param disputeId The dispute.
    /// @param providerPct The provider's share in percent.
    function vote(uint256 disputeId, uint8 providerPct) external {
        DisputeRecord storage dispute = _disputes[disputeId];
        if (dispute.status != DisputeStatus.Open) revert Escrow_DisputeNotOpen(disputeId, dispute.status);
        if (block.timestamp > dispute.deadline) {
            revert Escrow_VotingClosed(disputeId, dispute.deadline, block.timestamp);
        }
        if (providerPct > 100) revert Escrow_InvalidSplit(providerPct);
        uint256 seat = _seatOf(dispute, disputeId);
        uint8 mask = dispute.votedMask;
        if (mask & (1 << seat) != 0) revert Escrow_AlreadyVoted(disputeId, msg.sender);

        // Earlier votes are read before this one is stored: two of them, or one equal to this, decide.
        uint8[3] memory votes = [dispute.vote0, dispute.vote1, dispute.vote2];
        bool agreed;
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

    /// @notice End a dispute whose panel did not rule by its deadline (anyone): the milestone is split 50/50,
    /// the provider getting the rounded-down half.
    /// @param disputeId The dispute.
    function settleTimedOutDispute(uint256 disputeId) external {
        DisputeRecord storage dispute = _disputes[disputeId];
        if (dispute.status != DisputeStatus.Open) revert Escrow_DisputeNotOpen(disputeId, dispute.status);
        if (block.timestamp <= dispute.deadline) {
            revert Escrow_VotingOpen(disputeId, dispute.deadline, block.timestamp);
        }
        _resolve({disputeId: disputeId, dispute: dispute, providerPct: TIMEOUT_PROVIDER_PCT, timedOut: true});
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

    /// @dev Refunds every pending or delivered milestone to the client; returns the sum.
    /// @dev Clients are the union's members and its timelock: the treasury hires without joining.
    function _requireMemberOrTreasury(address union) private view {
        IUnion u = IUnion(union);
        if (!u.isMember(msg.sender) && msg.sender != u.timelock()) revert Escrow_NotMember(union, msg.sender);
    }

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

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IEscrow
/// @notice The declarations of `Escrow`: its enums, structs, errors and events (the web app's API), kept apart
/// from the logic as OpenZeppelin keeps `IGovernor` apart from `Governor`.
interface IEscrow {
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
        /// @dev Until when the pending cancel proposal may be confirmed (0: none proposed yet).
        uint48 cancelExpiresAt;
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
        /// @dev Until drawn: when the dispute times out if nobody draws; once drawn: the panel's deadline.
        uint48 deadline;
        DisputeStatus status;
        /// @dev The provider's share in percent, once resolved.
        uint8 providerPct;
        bool timedOut;
        /// @dev The block whose hash seeds the draw (in the future when the dispute opened).
        uint64 drawBlock;
        /// @dev Seats drawn: 0 not yet, 3 a panel of arbiters, 1 the steward alone (arbiter of last resort).
        uint8 seats;
        Seat[3] panel;
    }

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
    /// @notice The cancel proposal expired at `expiry`.
    /// @param dealId The deal.
    /// @param expiry When it expired.
    error Escrow_CancelExpired(uint256 dealId, uint256 expiry);
    /// @notice The panel cannot be drawn yet: the hash of `drawBlock` is not known before block `drawBlock + 1`.
    /// @param disputeId The dispute.
    /// @param drawBlock The block whose hash seeds the draw.
    /// @param blockNumber The current block number.
    error Escrow_PanelNotDrawable(uint256 disputeId, uint256 drawBlock, uint256 blockNumber);
    /// @notice The dispute's panel is already drawn.
    /// @param disputeId The dispute.
    error Escrow_PanelAlreadyDrawn(uint256 disputeId);
    /// @notice Fewer than 3 arbiters are eligible and the steward, the arbiter of last resort, is a party: no
    /// panel can be drawn now (the milestone stays disputed; the dispute times out at its deadline).
    /// @param disputeId The dispute.
    /// @param eligible Eligible arbiters found.
    error Escrow_NoPanelPossible(uint256 disputeId, uint256 eligible);
    /// @notice The escrow received fewer tokens than it was to be credited with (a fee-on-transfer or rebasing
    /// token); deals are funded in full or not at all.
    /// @param token The token.
    /// @param expected Tokens the deal needs.
    /// @param received Tokens that arrived.
    error Escrow_TransferShortfall(address token, uint256 expected, uint256 received);
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
    /// @notice `by` proposed to cancel the deal: `refund` goes back to the client if the other party confirms
    /// by `expiresAt` and nothing is delivered, settled or disputed before (any of which clears the proposal).
    /// @param dealId The deal.
    /// @param by The proposing party.
    /// @param refund Tokens the cancel would refund to the client (every pending or delivered milestone).
    /// @param expiresAt Until when the proposal may be confirmed.
    event CancelProposed(uint256 indexed dealId, address indexed by, uint256 refund, uint256 expiresAt);
    /// @notice A delivery, settlement or dispute changed the deal, so the pending cancel proposal no longer
    /// names what it would refund and was cleared.
    /// @param dealId The deal.
    event CancelProposalCleared(uint256 indexed dealId);
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
    /// @notice A party disputed a milestone; its panel is drawn from the hash of `drawBlock`, once known.
    /// @param disputeId The new dispute.
    /// @param dealId The deal.
    /// @param index The milestone.
    /// @param openedBy The party who opened it.
    /// @param drawBlock The block whose hash seeds the draw (`drawPanel` from block `drawBlock + 1`).
    /// @param deadline When the dispute times out if no panel is drawn before.
    event DisputeOpened(
        uint256 indexed disputeId,
        uint256 indexed dealId,
        uint256 indexed index,
        address openedBy,
        uint256 drawBlock,
        uint256 deadline
    );
    /// @notice The dispute's panel was drawn: three arbiters, or the union's steward alone (arbiter of last
    /// resort) when fewer than three were eligible.
    /// @param disputeId The dispute.
    /// @param panel The seated arbiters (seats 1 and 2 are zero for the steward alone).
    /// @param deadline Until when the panel may vote.
    event PanelDrawn(uint256 indexed disputeId, address[3] panel, uint256 deadline);
    /// @notice The seed block's hash was no longer available (more than 256 blocks passed), so the draw was
    /// committed to a new future block.
    /// @param disputeId The dispute.
    /// @param drawBlock The new seed block.
    event PanelDrawDeferred(uint256 indexed disputeId, uint256 drawBlock);
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
}

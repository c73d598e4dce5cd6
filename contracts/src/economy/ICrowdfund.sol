// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ICrowdfund
/// @notice The declarations of `Crowdfund`: its structs, errors and events (the web app's API), kept apart
/// from the logic as OpenZeppelin keeps `IGovernor` apart from `Governor`.
interface ICrowdfund {
    /// @notice A campaign as stored.
    /// @dev Packed so that a pledge reads one slot besides those it writes (token beside raised) and a claim
    /// two (recipient beside goal). 96 bits hold 79 billion tokens of 18 decimals.
    struct Campaign {
        address union;
        uint48 deadline;
        bool claimed;
        bool finalized;
        bool matchClaimed;
        /// @dev Set by the first refund: the campaign missed its goal, so later refunds need not read it.
        bool failed;
        address token;
        uint96 raised;
        address recipient;
        uint96 goal;
        /// @dev Σ_i floor(sqrt(m_i · SCALE)) over live matchable pledges; frozen at the deadline of a failed
        /// campaign. 160 bits hold 2^82 pledgers of the largest pledge (sqrt(2^96 · 1e18) < 2^78).
        uint160 sumSqrt;
        /// @dev Σ_i m_i: the part of `raised` pledged by trusted members (and not pruned since).
        uint96 matchable;
        uint256 roundId;
        /// @dev QF weight recorded by `finalizeCampaignForRound`.
        uint256 weight;
    }

    /// @notice Arguments of `createCampaign`.
    /// @param union The union.
    /// @param descriptionCid IPFS CID of the description; only emitted.
    /// @param recipient Who receives the funds (and any match).
    /// @param goal Tokens needed (all or nothing).
    /// @param deadline End of pledging, in (now, now + `MAX_DURATION`].
    /// @param roundId Matching round to join (0: none); the deadline must lie in the round's `(start, end]`.
    struct CampaignParams {
        address union;
        string descriptionCid;
        address recipient;
        uint128 goal;
        uint48 deadline;
        uint256 roundId;
    }

    /// @notice A matching round as stored.
    struct Round {
        address union;
        uint48 start;
        uint48 end;
        address token;
        uint256 pool;
        uint256 totalWeight;
        /// @dev Weight of the campaigns whose match was claimed.
        uint256 claimedWeight;
        /// @dev Tokens paid to campaigns.
        uint256 paid;
        /// @dev Tokens returned to the treasury.
        uint256 swept;
    }
    /// @notice `union` was not created by the factory.
    /// @param union The address given as a union.
    error Crowdfund_UnknownUnion(address union);
    /// @notice `account` is not a member of `union` (nor, where paying is allowed, its timelock).
    /// @param union The union.
    /// @param account The non-member.
    error Crowdfund_NotMember(address union, address account);
    /// @notice `pledger` is still trusted, so their matchable pledge stays.
    /// @param campaignId The campaign.
    /// @param pledger The pledger.
    error Crowdfund_StillTrusted(uint256 campaignId, address pledger);
    /// @notice `pledger` has no matchable pledge in the campaign.
    /// @param campaignId The campaign.
    /// @param pledger The pledger.
    error Crowdfund_NothingToPrune(uint256 campaignId, address pledger);
    /// @notice Only the union's steward may call this function.
    /// @param union The union.
    /// @param caller The rejected caller.
    /// @param steward The steward.
    error Crowdfund_NotSteward(address union, address caller, address steward);
    /// @notice The recipient is the zero address.
    error Crowdfund_ZeroRecipient();
    /// @notice A goal above what a campaign can hold (`type(uint96).max`).
    /// @param goal The given goal.
    /// @param max The largest goal.
    error Crowdfund_GoalTooLarge(uint256 goal, uint256 max);
    /// @notice A zero goal or amount.
    error Crowdfund_ZeroAmount();
    /// @notice Fewer tokens arrived than the pledge or pool top-up was to be credited with (a fee-on-transfer or
    /// rebasing token, never a union's own); it is credited in full or not at all.
    /// @param token The token.
    /// @param expected Tokens to credit.
    /// @param received Tokens that arrived.
    error Crowdfund_TransferShortfall(address token, uint256 expected, uint256 received);
    /// @notice The deadline (or end) is not in (now, now + `MAX_DURATION`].
    /// @param deadline The given time.
    /// @param timestamp The current block timestamp.
    error Crowdfund_BadDeadline(uint256 deadline, uint256 timestamp);
    /// @notice A round must start before it ends.
    /// @param start The given start.
    /// @param end The given end.
    error Crowdfund_BadRoundWindow(uint256 start, uint256 end);
    /// @notice No campaign has id `campaignId`.
    /// @param campaignId The id.
    error Crowdfund_UnknownCampaign(uint256 campaignId);
    /// @notice No round has id `roundId`.
    /// @param roundId The id.
    error Crowdfund_UnknownRound(uint256 roundId);
    /// @notice The round belongs to another union.
    /// @param roundId The round.
    /// @param roundUnion Its union.
    error Crowdfund_RoundOfOtherUnion(uint256 roundId, address roundUnion);
    /// @notice The campaign's deadline is not within the round's `(start, end]`.
    /// @param roundId The round.
    /// @param deadline The campaign's deadline.
    /// @param start The round's start.
    /// @param end The round's end.
    error Crowdfund_DeadlineOutsideRound(uint256 roundId, uint256 deadline, uint256 start, uint256 end);
    /// @notice The round has ended (no more funding).
    /// @param roundId The round.
    /// @param end Its end.
    /// @param timestamp The current block timestamp.
    error Crowdfund_RoundEnded(uint256 roundId, uint256 end, uint256 timestamp);
    /// @notice The round has not ended yet.
    /// @param roundId The round.
    /// @param end Its end.
    /// @param timestamp The current block timestamp.
    error Crowdfund_RoundNotEnded(uint256 roundId, uint256 end, uint256 timestamp);
    /// @notice The round's finalisation window has closed.
    /// @param roundId The round.
    /// @param closesAt When it closed.
    /// @param timestamp The current block timestamp.
    error Crowdfund_FinalizationClosed(uint256 roundId, uint256 closesAt, uint256 timestamp);
    /// @notice The round's finalisation window is still open.
    /// @param roundId The round.
    /// @param closesAt When it closes.
    /// @param timestamp The current block timestamp.
    error Crowdfund_FinalizationOpen(uint256 roundId, uint256 closesAt, uint256 timestamp);
    /// @notice The campaign's deadline has passed: no more pledging or unpledging.
    /// @param campaignId The campaign.
    /// @param deadline Its deadline.
    /// @param timestamp The current block timestamp.
    error Crowdfund_CampaignEnded(uint256 campaignId, uint256 deadline, uint256 timestamp);
    /// @notice The campaign's deadline has not passed.
    /// @param campaignId The campaign.
    /// @param deadline Its deadline.
    /// @param timestamp The current block timestamp.
    error Crowdfund_CampaignNotEnded(uint256 campaignId, uint256 deadline, uint256 timestamp);
    /// @notice The campaign did not reach its goal.
    /// @param campaignId The campaign.
    /// @param raised Tokens raised.
    /// @param goal Its goal.
    error Crowdfund_GoalNotMet(uint256 campaignId, uint256 raised, uint256 goal);
    /// @notice The campaign reached its goal, so pledges are not refunded.
    /// @param campaignId The campaign.
    /// @param raised Tokens raised.
    /// @param goal Its goal.
    error Crowdfund_GoalMet(uint256 campaignId, uint256 raised, uint256 goal);
    /// @notice The raised funds were already claimed.
    /// @param campaignId The campaign.
    error Crowdfund_AlreadyClaimed(uint256 campaignId);
    /// @notice `pledger` has only `pledged` in the campaign, less than `requested`.
    /// @param campaignId The campaign.
    /// @param pledger The pledger.
    /// @param pledged Their live pledge.
    /// @param requested The amount asked for.
    error Crowdfund_InsufficientPledge(uint256 campaignId, address pledger, uint256 pledged, uint256 requested);
    /// @notice `pledger` has no live pledge in the campaign.
    /// @param campaignId The campaign.
    /// @param pledger The caller.
    error Crowdfund_NothingToRefund(uint256 campaignId, address pledger);
    /// @notice The campaign is in no matching round.
    /// @param campaignId The campaign.
    error Crowdfund_NotInRound(uint256 campaignId);
    /// @notice The campaign was already finalised for its round.
    /// @param campaignId The campaign.
    error Crowdfund_AlreadyFinalized(uint256 campaignId);
    /// @notice The campaign was not finalised for its round, so it has no match.
    /// @param campaignId The campaign.
    error Crowdfund_NotFinalized(uint256 campaignId);
    /// @notice The campaign's match was already claimed.
    /// @param campaignId The campaign.
    error Crowdfund_MatchAlreadyClaimed(uint256 campaignId);
    /// @notice Nothing of the round's pool is left for the treasury now.
    /// @param roundId The round.
    error Crowdfund_NothingToSweep(uint256 roundId);
    /// @notice A campaign was created.
    /// @param campaignId The new campaign.
    /// @param union The union.
    /// @param creator The member who created it.
    /// @param recipient Who receives the funds.
    /// @param token The union's token.
    /// @param goal Tokens needed.
    /// @param deadline End of pledging.
    /// @param roundId Matching round (0: none).
    /// @param descriptionCid Description.
    event CampaignCreated(
        uint256 indexed campaignId,
        address indexed union,
        address indexed creator,
        address recipient,
        address token,
        uint256 goal,
        uint48 deadline,
        uint256 roundId,
        string descriptionCid
    );
    /// @notice `pledger` pledged `amount`.
    /// @param campaignId The campaign.
    /// @param pledger The pledger.
    /// @param amount Tokens added.
    /// @param pledgerTotal The pledger's live pledge now.
    /// @param pledgerMatchable The part of it that counts for matching (grows only by pledges made while trusted).
    /// @param raised The campaign's total now.
    event Pledged(
        uint256 indexed campaignId,
        address indexed pledger,
        uint256 amount,
        uint256 pledgerTotal,
        uint256 pledgerMatchable,
        uint256 raised
    );
    /// @notice `pledger` took back `amount` before the deadline (the part that earns no match goes first).
    /// @param campaignId The campaign.
    /// @param pledger The pledger.
    /// @param amount Tokens returned.
    /// @param pledgerTotal The pledger's live pledge now.
    /// @param pledgerMatchable The part of it that counts for matching.
    /// @param raised The campaign's total now.
    event Unpledged(
        uint256 indexed campaignId,
        address indexed pledger,
        uint256 amount,
        uint256 pledgerTotal,
        uint256 pledgerMatchable,
        uint256 raised
    );
    /// @notice `pledger`, no longer trusted, lost their matching weight in the campaign (`prune`); the pledge
    /// itself stays.
    /// @param campaignId The campaign.
    /// @param pledger The pledger.
    /// @param matchable The matchable pledge removed.
    /// @param weight The campaign's QF weight now (its recorded weight, if already finalised).
    event PledgePruned(uint256 indexed campaignId, address indexed pledger, uint256 matchable, uint256 weight);
    /// @notice The raised funds of a successful campaign went to its recipient.
    /// @param campaignId The campaign.
    /// @param recipient The recipient.
    /// @param amount Tokens sent.
    event FundsClaimed(uint256 indexed campaignId, address indexed recipient, uint256 amount);
    /// @notice A pledger of a failed campaign took their pledge back.
    /// @param campaignId The campaign.
    /// @param pledger The pledger.
    /// @param amount Tokens returned.
    event Refunded(uint256 indexed campaignId, address indexed pledger, uint256 amount);
    /// @notice The steward opened a matching round.
    /// @param roundId The new round.
    /// @param union The union.
    /// @param token The union's token.
    /// @param start Earliest campaign deadline (exclusive).
    /// @param end Latest campaign deadline; end of funding.
    event RoundOpened(uint256 indexed roundId, address indexed union, address token, uint48 start, uint48 end);
    /// @notice `funder` added `amount` to a round's pool.
    /// @param roundId The round.
    /// @param funder The funder.
    /// @param amount Tokens added.
    /// @param pool The pool now.
    event RoundFunded(uint256 indexed roundId, address indexed funder, uint256 amount, uint256 pool);
    /// @notice A successful campaign's weight was added to its round.
    /// @param roundId The round.
    /// @param campaignId The campaign.
    /// @param weight The campaign's QF weight.
    /// @param totalWeight The round's total weight now.
    event CampaignFinalized(uint256 indexed roundId, uint256 indexed campaignId, uint256 weight, uint256 totalWeight);
    /// @notice A campaign's match went to its recipient.
    /// @param roundId The round.
    /// @param campaignId The campaign.
    /// @param recipient The recipient.
    /// @param amount Tokens sent.
    event MatchClaimed(uint256 indexed roundId, uint256 indexed campaignId, address indexed recipient, uint256 amount);
    /// @notice Unallocated pool went back to the union's treasury.
    /// @param roundId The round.
    /// @param treasury The union's timelock.
    /// @param amount Tokens sent.
    event RoundRemainderSwept(uint256 indexed roundId, address indexed treasury, uint256 amount);
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IUnion} from "../interfaces/IUnion.sol";
import {IUnionRegistry} from "./IUnionRegistry.sol";
import {ICrowdfund} from "./ICrowdfund.sol";
import {IUnionScoped} from "../interfaces/IUnionScoped.sol";
import {ScopedCall} from "../utils/ScopedCall.sol";

/// @title Crowdfund
/// @notice All-or-nothing crowdfunding of public goods with quadratic matching, for every union (one
/// deployment, keyed by union), in each union's token.
///
/// Campaigns: a member proposes a campaign (recipient, goal, deadline, description CID, optionally a matching
/// round). Members pledge until the deadline and may take pledges back until then. At the deadline, if
/// `raised >= goal` anyone may `claim` the raised funds for the recipient (once); otherwise every pledger takes
/// their own pledge back with `refund` (pull, no loops).
///
/// Matching rounds: a union's steward opens a round `[start, end]`; anyone adds to its pool until `end`.
/// Campaigns join a round when created if their deadline lies in `(start, end]`. After `end`, during
/// `FINALIZATION_WINDOW`, anyone calls `finalizeCampaignForRound` once per successful campaign, which adds the
/// campaign's quadratic-funding weight to the round's total. After the window each finalised campaign's
/// recipient gets `pool * weight / totalWeight` via `claimMatch`. What no campaign can claim (no successful or
/// finalised campaigns, rounding dust) goes to the union's timelock via `sweepRoundRemainder`.
///
/// Quadratic funding counts trusted members only (`IUnion.isTrusted`: founders, members the steward approved,
/// members vouched for by trusted members). A pledge made while the pledger is trusted is *matchable*; a pledge
/// by any other member (or by the union's timelock) counts toward the goal but earns no match. For campaign c
/// with pledgers i holding live matchable pledges m_ic (in token base units),
///   weight_c = (Σ_i sqrt(m_ic))² − Σ_i m_ic,
/// computed in fixed point as `S_c² / SCALE − matchable_c` with `S_c = Σ_i floor(sqrt(m_ic · SCALE))`,
/// `SCALE = 1e18` (OpenZeppelin `Math.sqrt`), floored at zero. `S_c` and `matchable_c = Σ_i m_ic` are kept up
/// to date on every pledge change, so finalising is O(1). One pledger yields weight ~0; many small trusted
/// pledgers outweigh one large pledger of the same total; free addresses add nothing.
/// @dev Trust is sampled when a pledge is made. Someone who is no longer trusted (trust ends when a member
/// leaves) keeps their pledge, but anyone may `prune` their matchable part until the round's finalisation
/// window closes (also after the campaign was finalised: its recorded weight and the round's total follow),
/// so no match is paid for the pledges of people who have left.
// Deadlines are the point of this contract; validators' ~seconds of timestamp leeway do not matter at
// campaign lengths of days.
// forge-lint: disable-start(block-timestamp)
contract Crowdfund is ICrowdfund, IUnionScoped, ERC2771Context, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @notice One pledger's live pledge to one campaign, as stored (one slot).
    /// @param amount The live pledge.
    /// @param matchable The part of `amount` that counts for matching (pledged while trusted, not pruned).
    struct Pledge {
        uint128 amount;
        uint128 matchable;
    }

    /// @notice Fixed-point scale of the square roots.
    uint256 public constant SCALE = 1e18;
    /// @notice Time after a round's end during which successful campaigns are finalised.
    uint256 public constant FINALIZATION_WINDOW = 7 days;
    /// @notice Longest campaign or round, from now to its deadline or end.
    uint256 public constant MAX_DURATION = 365 days;

    /// @notice The factory whose unions this contract serves.
    IUnionRegistry public immutable factory;

    /// @notice Number of campaigns; ids run from 1 to `campaignCount`.
    uint256 public campaignCount;
    /// @notice Number of rounds; ids run from 1 to `roundCount`.
    uint256 public roundCount;

    mapping(uint256 campaignId => mapping(address pledger => Pledge)) private _pledges;
    mapping(uint256 campaignId => Campaign) private _campaigns;
    mapping(uint256 roundId => Round) private _rounds;

    /// @param factory_ The union factory (`isUnion`).
    /// @param trustedForwarder_ The relay whose calls carry the member's address appended (ERC-2771; zero: none).
    constructor(IUnionRegistry factory_, address trustedForwarder_) ERC2771Context(trustedForwarder_) {
        factory = factory_;
    }

    // ---------------------------------------------------------------- campaigns

    /// @notice Propose a campaign (members of `p.union`).
    /// @param p Union, description CID, recipient, goal, deadline and optional matching round.
    /// @return campaignId The new campaign.
    function createCampaign(CampaignParams calldata p) external returns (uint256 campaignId) {
        address union = p.union;
        if (!factory.isUnion(union)) revert Crowdfund_UnknownUnion(union);
        if (!IUnion(union).isMember(_msgSender())) revert Crowdfund_NotMember(union, _msgSender());
        if (p.recipient == address(0)) revert Crowdfund_ZeroRecipient();
        if (p.goal == 0) revert Crowdfund_ZeroAmount();
        if (p.goal > type(uint96).max) revert Crowdfund_GoalTooLarge(p.goal, type(uint96).max);
        _checkDeadline(p.deadline);
        if (p.roundId != 0) {
            Round storage r = _round(p.roundId);
            if (r.union != union) revert Crowdfund_RoundOfOtherUnion(p.roundId, r.union);
            if (p.deadline <= r.start || p.deadline > r.end) {
                revert Crowdfund_DeadlineOutsideRound(p.roundId, p.deadline, r.start, r.end);
            }
        }
        campaignId = ++campaignCount;
        Campaign storage c = _campaigns[campaignId];
        c.union = union;
        c.deadline = p.deadline;
        c.recipient = p.recipient;
        c.token = IUnion(union).token();
        // casting is safe: checked against type(uint96).max above
        // forge-lint: disable-next-line(unsafe-typecast)
        c.goal = uint96(p.goal);
        c.roundId = p.roundId;
        emit CampaignCreated({
            campaignId: campaignId,
            union: union,
            creator: _msgSender(),
            recipient: p.recipient,
            token: c.token,
            goal: p.goal,
            deadline: p.deadline,
            roundId: p.roundId,
            descriptionCid: p.descriptionCid
        });
    }

    /// @notice Pledge `amount` of the union's token (members and the union's timelock, before the deadline;
    /// approve first). It counts for matching iff the caller is trusted now.
    /// @param campaignId The campaign.
    /// @param amount Tokens to add.
    function pledge(uint256 campaignId, uint256 amount) external nonReentrant {
        address token = _pledge(campaignId, amount);
        _pull({token: token, amount: amount});
    }

    /// @notice `pledge` with an ERC-2612 permit instead of a prior approval (a failing permit is ignored; the
    /// transfer then needs the allowance either way).
    /// @param campaignId The campaign.
    /// @param amount Tokens to add.
    /// @param permitDeadline The permit's deadline.
    /// @param v Signature v.
    /// @param r Signature r.
    /// @param s Signature s.
    function pledgeWithPermit(uint256 campaignId, uint256 amount, uint256 permitDeadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
    {
        address token = _pledge(campaignId, amount);
        try IERC20Permit(token).permit(_msgSender(), address(this), amount, permitDeadline, v, r, s) {} catch {}
        _pull({token: token, amount: amount});
    }

    /// @notice Take back `amount` of your pledge (before the deadline).
    /// @param campaignId The campaign.
    /// @param amount Tokens to take back.
    function unpledge(uint256 campaignId, uint256 amount) external nonReentrant {
        Campaign storage c = _campaign(campaignId);
        if (block.timestamp >= c.deadline) revert Crowdfund_CampaignEnded(campaignId, c.deadline, block.timestamp);
        if (amount == 0) revert Crowdfund_ZeroAmount();
        Pledge memory before = _pledges[campaignId][_msgSender()];
        if (amount > before.amount) {
            revert Crowdfund_InsufficientPledge(campaignId, _msgSender(), before.amount, amount);
        }
        uint256 remaining;
        // cannot underflow: amount <= before.amount
        unchecked {
            remaining = before.amount - amount;
        }
        // the part that earns no match goes first
        uint256 matchable = Math.min(before.matchable, remaining);
        uint256 raised = _setPledge({
            c: c,
            campaignId: campaignId,
            pledger: _msgSender(),
            before: before,
            next: remaining,
            nextMatchable: matchable
        });
        emit Unpledged(campaignId, _msgSender(), amount, remaining, matchable, raised);
        IERC20(c.token).safeTransfer(_msgSender(), amount);
    }

    /// @notice Send a successful campaign's raised funds to its recipient (anyone, after the deadline, once).
    /// @param campaignId The campaign.
    function claim(uint256 campaignId) external nonReentrant {
        Campaign storage c = _campaign(campaignId);
        _requireEnded(campaignId, c);
        uint256 raised = c.raised;
        uint256 goal = c.goal;
        if (raised < goal) revert Crowdfund_GoalNotMet(campaignId, raised, goal);
        if (c.claimed) revert Crowdfund_AlreadyClaimed(campaignId);
        c.claimed = true;
        address recipient = c.recipient;
        emit FundsClaimed(campaignId, recipient, raised);
        IERC20(c.token).safeTransfer(recipient, raised);
    }

    /// @notice Take your pledge back from a campaign that missed its goal (after the deadline).
    /// @param campaignId The campaign.
    function refund(uint256 campaignId) external nonReentrant {
        Campaign storage c = _campaign(campaignId);
        _requireEnded(campaignId, c);
        if (!c.failed) {
            uint256 raised = c.raised;
            uint256 goal = c.goal;
            if (raised >= goal) revert Crowdfund_GoalMet(campaignId, raised, goal);
            // After the deadline `raised` only falls, so the outcome is final.
            c.failed = true;
        }
        uint256 amount = _pledges[campaignId][_msgSender()].amount;
        if (amount == 0) revert Crowdfund_NothingToRefund(campaignId, _msgSender());
        // A failed campaign is never matched, so its `sumSqrt` and `matchable` stay as they were at the deadline
        // (saves a write).
        delete _pledges[campaignId][_msgSender()];
        // cannot underflow: raised is the sum of live pledges, `amount` one of them
        unchecked {
            // casting is safe: the result is below the uint96 it came from
            // forge-lint: disable-next-line(unsafe-typecast)
            c.raised = uint96(uint256(c.raised) - amount);
        }
        emit Refunded(campaignId, _msgSender(), amount);
        IERC20(c.token).safeTransfer(_msgSender(), amount);
    }

    /// @notice Remove the matching weight of `pledger`, who is no longer trusted (e.g. left the union), from a
    /// campaign in a round (anyone, until the round's finalisation window closes). Their pledge
    /// stays and still counts toward the goal. On a finalised campaign the recorded weight and the round's total
    /// weight follow, so no match is paid for trust that did not last.
    /// @param campaignId The campaign.
    /// @param pledger The pledger.
    function prune(uint256 campaignId, address pledger) external {
        Campaign storage c = _campaign(campaignId);
        uint256 roundId = c.roundId;
        if (roundId == 0) revert Crowdfund_NotInRound(campaignId);
        Round storage r = _rounds[roundId];
        uint256 closesAt = uint256(r.end) + FINALIZATION_WINDOW;
        if (block.timestamp >= closesAt) revert Crowdfund_FinalizationClosed(roundId, closesAt, block.timestamp);
        uint256 removed = _pledges[campaignId][pledger].matchable;
        if (removed == 0) revert Crowdfund_NothingToPrune(campaignId, pledger);
        if (IUnion(c.union).isTrusted(pledger)) revert Crowdfund_StillTrusted(campaignId, pledger);
        _pledges[campaignId][pledger].matchable = 0;
        // cannot underflow: sumSqrt and matchable include this pledger's terms, added when they were set
        uint256 sumSqrt = uint256(c.sumSqrt) - Math.sqrt(removed * SCALE);
        uint256 matchable = uint256(c.matchable) - removed;
        // casting is safe: both only fell
        // forge-lint: disable-next-line(unsafe-typecast)
        c.sumSqrt = uint160(sumSqrt);
        // forge-lint: disable-next-line(unsafe-typecast)
        c.matchable = uint96(matchable);
        uint256 weight = _weight(sumSqrt, matchable);
        if (c.finalized) {
            // claims start only after the window, so no match has been paid from the old weight
            r.totalWeight = r.totalWeight - c.weight + weight;
            c.weight = weight;
        }
        emit PledgePruned(campaignId, pledger, removed, weight);
    }

    // ---------------------------------------------------------------- matching rounds

    /// @notice Open a matching round for `union` (its steward). Campaigns whose deadline lies in
    /// `(start, end]` may join it when created; anyone may fund it until `end`.
    /// @param union The union.
    /// @param start Campaign deadlines must be after this.
    /// @param end Campaign deadlines must be at most this; funding stops here; within `MAX_DURATION`.
    /// @return roundId The new round.
    function openRound(address union, uint48 start, uint48 end) external returns (uint256 roundId) {
        if (!factory.isUnion(union)) revert Crowdfund_UnknownUnion(union);
        address steward = IUnion(union).steward();
        if (_msgSender() != steward) revert Crowdfund_NotSteward(union, _msgSender(), steward);
        _checkDeadline(end);
        if (start >= end) revert Crowdfund_BadRoundWindow(start, end);
        roundId = ++roundCount;
        address token = IUnion(union).token();
        Round storage r = _rounds[roundId];
        r.union = union;
        r.start = start;
        r.end = end;
        r.token = token;
        emit RoundOpened(roundId, union, token, start, end);
    }

    /// @notice Add `amount` of the union's token to a round's matching pool (anyone, before the round ends;
    /// approve first).
    /// @param roundId The round.
    /// @param amount Tokens to add.
    function fundRound(uint256 roundId, uint256 amount) external nonReentrant {
        Round storage r = _round(roundId);
        if (block.timestamp >= r.end) revert Crowdfund_RoundEnded(roundId, r.end, block.timestamp);
        if (amount == 0) revert Crowdfund_ZeroAmount();
        uint256 pool = r.pool + amount;
        r.pool = pool;
        emit RoundFunded(roundId, _msgSender(), amount, pool);
        _pull({token: r.token, amount: amount});
    }

    /// @notice Record a successful campaign's QF weight in its round (anyone, once per campaign, after the
    /// round's end and before its finalisation window closes). Phase one of the two-phase payout.
    /// @dev weight = (Σ_i sqrt(p_i))² − Σ_i p_i; see the contract's NatSpec and `weightOf`.
    /// @param campaignId The campaign.
    function finalizeCampaignForRound(uint256 campaignId) external {
        Campaign storage c = _campaign(campaignId);
        uint256 roundId = c.roundId;
        if (roundId == 0) revert Crowdfund_NotInRound(campaignId);
        Round storage r = _rounds[roundId];
        if (block.timestamp < r.end) revert Crowdfund_RoundNotEnded(roundId, r.end, block.timestamp);
        uint256 closesAt = uint256(r.end) + FINALIZATION_WINDOW;
        if (block.timestamp >= closesAt) revert Crowdfund_FinalizationClosed(roundId, closesAt, block.timestamp);
        // the deadline is <= round end, so the outcome is known
        if (c.raised < c.goal) revert Crowdfund_GoalNotMet(campaignId, c.raised, c.goal);
        if (c.finalized) revert Crowdfund_AlreadyFinalized(campaignId);
        uint256 weight = _weight(c.sumSqrt, c.matchable);
        c.finalized = true;
        c.weight = weight;
        uint256 totalWeight = r.totalWeight + weight;
        r.totalWeight = totalWeight;
        emit CampaignFinalized(roundId, campaignId, weight, totalWeight);
    }

    /// @notice Send a finalised campaign its match, `pool * weight / totalWeight`, to its recipient (anyone,
    /// after the finalisation window, once). Phase two of the payout.
    /// @param campaignId The campaign.
    function claimMatch(uint256 campaignId) external nonReentrant {
        Campaign storage c = _campaign(campaignId);
        uint256 roundId = c.roundId;
        if (roundId == 0) revert Crowdfund_NotInRound(campaignId);
        Round storage r = _rounds[roundId];
        _requireFinalizationOver(roundId, r);
        if (!c.finalized) revert Crowdfund_NotFinalized(campaignId);
        if (c.matchClaimed) revert Crowdfund_MatchAlreadyClaimed(campaignId);
        c.matchClaimed = true;
        uint256 weight = c.weight;
        uint256 amount = weight == 0 ? 0 : Math.mulDiv(r.pool, weight, r.totalWeight);
        r.claimedWeight += weight;
        r.paid += amount;
        emit MatchClaimed(roundId, campaignId, c.recipient, amount);
        if (amount != 0) IERC20(r.token).safeTransfer(c.recipient, amount);
    }

    /// @notice Send what no campaign can claim from a round's pool to the union's timelock (anyone, after the
    /// finalisation window; may be called again as campaigns claim and rounding dust appears).
    /// @dev Keeps back floor(pool · unclaimedWeight / totalWeight), which covers every claim still to come
    /// because a sum of floors never exceeds the floor of the sum.
    /// @param roundId The round.
    function sweepRoundRemainder(uint256 roundId) external nonReentrant {
        Round storage r = _round(roundId);
        _requireFinalizationOver(roundId, r);
        uint256 amount = _sweepable(r);
        if (amount == 0) revert Crowdfund_NothingToSweep(roundId);
        r.swept += amount;
        address treasury = IUnion(r.union).timelock();
        emit RoundRemainderSwept(roundId, treasury, amount);
        IERC20(r.token).safeTransfer(treasury, amount);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IUnionScoped
    /// @dev A campaign's functions act in its union, a round's in the round's, `openRound` and `createCampaign`
    /// in the union they name (malformed `createCampaign` arguments revert, as the call itself would).
    function unionOfCall(bytes calldata data) external view returns (address union) {
        (bool ok, bytes4 selector, uint256 arg) = ScopedCall.split(data);
        if (!ok) return address(0);
        if (
            selector == this.pledge.selector || selector == this.pledgeWithPermit.selector
                || selector == this.unpledge.selector || selector == this.claim.selector
                || selector == this.refund.selector || selector == this.prune.selector
                || selector == this.finalizeCampaignForRound.selector || selector == this.claimMatch.selector
        ) return _campaigns[arg].union;
        if (selector == this.fundRound.selector || selector == this.sweepRoundRemainder.selector) {
            return _rounds[arg].union;
        }
        if (selector == this.openRound.selector) return ScopedCall.addressOf(arg);
        if (selector == this.createCampaign.selector) return abi.decode(data[4:], (CampaignParams)).union;
    }

    /// @notice A campaign.
    /// @param campaignId The campaign.
    /// @return The stored campaign (zero union if unknown).
    function getCampaign(uint256 campaignId) external view returns (Campaign memory) {
        return _campaigns[campaignId];
    }

    /// @notice A round.
    /// @param roundId The round.
    /// @return The stored round (zero union if unknown).
    function getRound(uint256 roundId) external view returns (Round memory) {
        return _rounds[roundId];
    }

    /// @notice A campaign's QF weight from its live matchable pledges now: (Σ_i sqrt(m_i))² − Σ_i m_i, in token
    /// units; 0 once it failed (deadline passed below its goal).
    /// @param campaignId The campaign.
    /// @return The weight.
    function weightOf(uint256 campaignId) external view returns (uint256) {
        Campaign storage c = _campaigns[campaignId];
        // A campaign past its deadline below its goal is never matched (and refunds leave its sumSqrt as is).
        if (block.timestamp >= c.deadline && c.raised < c.goal) return 0;
        return _weight(c.sumSqrt, c.matchable);
    }

    /// @notice Live pledge of `pledger` to `campaignId`.
    /// @param campaignId The campaign.
    /// @param pledger The pledger.
    /// @return The pledge (0 after a refund).
    function pledgeOf(uint256 campaignId, address pledger) external view returns (uint256) {
        return _pledges[campaignId][pledger].amount;
    }

    /// @notice The part of `pledger`'s live pledge that counts for matching: what they pledged while trusted,
    /// less what they took back beyond their unmatched part, 0 once pruned.
    /// @param campaignId The campaign.
    /// @param pledger The pledger.
    /// @return The matchable pledge.
    function matchableOf(uint256 campaignId, address pledger) external view returns (uint256) {
        return _pledges[campaignId][pledger].matchable;
    }

    /// @notice What `claimMatch` would pay the campaign now (0 before the round's finalisation window ends).
    /// @param campaignId The campaign.
    /// @return The match.
    function matchOf(uint256 campaignId) external view returns (uint256) {
        Campaign storage c = _campaigns[campaignId];
        Round storage r = _rounds[c.roundId];
        if (!c.finalized || c.matchClaimed || r.totalWeight == 0) return 0;
        if (block.timestamp < uint256(r.end) + FINALIZATION_WINDOW) return 0;
        return Math.mulDiv(r.pool, c.weight, r.totalWeight);
    }

    /// @notice What `sweepRoundRemainder` would send the treasury (once the finalisation window is over).
    /// @param roundId The round.
    /// @return The amount.
    function sweepableOf(uint256 roundId) external view returns (uint256) {
        return _sweepable(_rounds[roundId]);
    }

    // ---------------------------------------------------------------- internals

    function _pledge(uint256 campaignId, uint256 amount) private returns (address token) {
        Campaign storage c = _campaign(campaignId);
        uint256 deadline = c.deadline;
        if (block.timestamp >= deadline) revert Crowdfund_CampaignEnded(campaignId, deadline, block.timestamp);
        if (amount == 0) revert Crowdfund_ZeroAmount();
        bool trusted = _requireMemberOrTreasury(c.union);
        Pledge memory before = _pledges[campaignId][_msgSender()];
        uint256 next = before.amount + amount;
        uint256 matchable = trusted ? before.matchable + amount : before.matchable;
        uint256 raised = _setPledge({
            c: c, campaignId: campaignId, pledger: _msgSender(), before: before, next: next, nextMatchable: matchable
        });
        emit Pledged(campaignId, _msgSender(), amount, next, matchable, raised);
        token = c.token;
    }

    /// @dev Pledgers are the union's members and its timelock (the treasury pays without joining). Returns
    /// whether the caller is trusted; a trusted account is a member (trust ends on leaving), so a trusted
    /// caller costs one call into the union.
    function _requireMemberOrTreasury(address union) private view returns (bool trusted) {
        IUnion u = IUnion(union);
        if (u.isTrusted(_msgSender())) return true;
        if (!u.isMember(_msgSender()) && _msgSender() != u.timelock()) revert Crowdfund_NotMember(union, _msgSender());
    }

    /// @dev The path for every pledge change before the deadline: keeps `raised`, `matchable` and `sumSqrt`
    /// equal to the sums over live pledges. (A refund, after a failed deadline, changes only `raised`: see
    /// `refund`; `prune` changes only the matchable part.)
    function _setPledge(
        Campaign storage c,
        uint256 campaignId,
        address pledger,
        Pledge memory before,
        uint256 next,
        uint256 nextMatchable
    ) private returns (uint256 raised) {
        // raised >= before.amount: raised is the sum of live pledges, `before.amount` one of them
        raised = uint256(c.raised) - before.amount + next;
        c.raised = raised.toUint96();
        // casting is safe: nextMatchable <= next <= raised, which fits 96 bits (checked above)
        // forge-lint: disable-next-line(unsafe-typecast)
        _pledges[campaignId][pledger] = Pledge({amount: uint128(next), matchable: uint128(nextMatchable)});
        if (nextMatchable == before.matchable) return raised;
        // sumSqrt includes sqrt(before.matchable · SCALE), added when it was set; sqrt(0) = 0 needs no work
        uint256 sumSqrt = c.sumSqrt;
        if (before.matchable != 0) sumSqrt -= Math.sqrt(uint256(before.matchable) * SCALE);
        if (nextMatchable != 0) sumSqrt += Math.sqrt(nextMatchable * SCALE);
        // casting is safe: Σ_i sqrt(m_i · SCALE) <= sqrt(n · M · SCALE) <= M · 1e9 < 2^126 (Cauchy–Schwarz,
        // n <= M pledgers of at least one unit, M = matchable < 2^96); matchable <= raised fits 96 bits
        // forge-lint: disable-next-line(unsafe-typecast)
        c.sumSqrt = uint160(sumSqrt);
        // forge-lint: disable-next-line(unsafe-typecast)
        c.matchable = uint96(uint256(c.matchable) - before.matchable + nextMatchable);
    }

    function _weight(uint256 sumSqrt, uint256 raised) private pure returns (uint256) {
        uint256 squared = Math.mulDiv(sumSqrt, sumSqrt, SCALE);
        return squared > raised ? squared - raised : 0;
    }

    function _sweepable(Round storage r) private view returns (uint256) {
        uint256 pool = r.pool;
        uint256 total = r.totalWeight;
        uint256 reserved = total == 0 ? 0 : Math.mulDiv(pool, total - r.claimedWeight, total);
        // cannot underflow: paid + reserved <= pool (sum of floors <= floor of sum), swept <= the earlier value
        return pool - r.paid - reserved - r.swept;
    }

    /// @dev Pulls `amount` of `token` from the caller and checks all of it arrived.
    function _pull(address token, uint256 amount) private {
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(_msgSender(), address(this), amount);
        uint256 received = IERC20(token).balanceOf(address(this)) - before;
        if (received != amount) revert Crowdfund_TransferShortfall(token, amount, received);
    }

    function _campaign(uint256 campaignId) private view returns (Campaign storage c) {
        c = _campaigns[campaignId];
        if (c.union == address(0)) revert Crowdfund_UnknownCampaign(campaignId);
    }

    function _round(uint256 roundId) private view returns (Round storage r) {
        r = _rounds[roundId];
        if (r.union == address(0)) revert Crowdfund_UnknownRound(roundId);
    }

    function _requireEnded(uint256 campaignId, Campaign storage c) private view {
        if (block.timestamp < c.deadline) revert Crowdfund_CampaignNotEnded(campaignId, c.deadline, block.timestamp);
    }

    function _requireFinalizationOver(uint256 roundId, Round storage r) private view {
        uint256 closesAt = uint256(r.end) + FINALIZATION_WINDOW;
        if (block.timestamp < closesAt) revert Crowdfund_FinalizationOpen(roundId, closesAt, block.timestamp);
    }

    function _checkDeadline(uint256 deadline) private view {
        if (deadline <= block.timestamp || deadline > block.timestamp + MAX_DURATION) {
            revert Crowdfund_BadDeadline(deadline, block.timestamp);
        }
    }
}
// forge-lint: disable-end(block-timestamp)

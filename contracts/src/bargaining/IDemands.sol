// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IDemands
/// @notice The declarations of `Demands`: its enum, struct, errors and events (the web app's API), kept apart
/// from the logic as OpenZeppelin keeps `IGovernor` apart from `Governor`.
interface IDemands {
    /// @notice A demand's lifecycle. `Expired` is derived: Open past its deadline.
    enum DemandState {
        Open,
        Active,
        Expired
    }

    /// @notice A demand as stored.
    struct Demand {
        address union;
        uint32 threshold;
        uint32 commitments;
        uint48 deadline;
        address creator;
        /// @dev Block in which the demand was activated (0 while Open): its counted committers were trusted
        /// members in this block.
        uint64 activatedBlock;
        string textCid;
        string target;
    }
    /// @notice `union` was not created by the factory.
    /// @param union The address given as a union.
    error Demands_UnknownUnion(address union);
    /// @notice `account` is not a member of `union`.
    /// @param union The union.
    /// @param account The non-member.
    error Demands_NotMember(address union, address account);
    /// @notice `account` is not a trusted member of `union` (see `IUnion.isTrusted`).
    /// @param union The union.
    /// @param account The account.
    error Demands_NotTrusted(address union, address account);
    /// @notice `account` is still a trusted member of `union`, so their commitment stays.
    /// @param union The union.
    /// @param account The account.
    error Demands_StillTrusted(address union, address account);
    /// @notice The threshold must be at least one member.
    error Demands_ZeroThreshold();
    /// @notice The threshold is above `MAX_THRESHOLD`.
    /// @param threshold The given threshold.
    /// @param max The largest threshold.
    error Demands_ThresholdTooHigh(uint256 threshold, uint256 max);
    /// @notice `activate` needs exactly `threshold` committers.
    /// @param demandId The demand.
    /// @param given How many were given.
    /// @param threshold The demand's threshold.
    error Demands_WrongCommitterCount(uint256 demandId, uint256 given, uint256 threshold);
    /// @notice The committers given to `activate` are not in strictly ascending order (so not distinct).
    /// @param demandId The demand.
    /// @param committer The first committer out of order.
    error Demands_CommittersNotAscending(uint256 demandId, address committer);
    /// @notice The text CID is empty.
    error Demands_EmptyText();
    /// @notice The deadline is in the past or too far ahead.
    /// @param deadline The given deadline.
    /// @param timestamp The current block timestamp.
    error Demands_BadDeadline(uint256 deadline, uint256 timestamp);
    /// @notice No demand has this id.
    /// @param demandId The id.
    error Demands_UnknownDemand(uint256 demandId);
    /// @notice The demand is past its deadline.
    /// @param demandId The demand.
    /// @param deadline Its deadline.
    error Demands_Expired(uint256 demandId, uint256 deadline);
    /// @notice The demand already reached its threshold; commitments are locked.
    /// @param demandId The demand.
    error Demands_AlreadyActive(uint256 demandId);
    /// @notice `member` already has a live commitment to the demand.
    /// @param demandId The demand.
    /// @param member The member.
    error Demands_AlreadyCommitted(uint256 demandId, address member);
    /// @notice `member` has no live commitment to the demand.
    /// @param demandId The demand.
    /// @param member The member.
    error Demands_NotCommitted(uint256 demandId, address member);
    /// @notice The signature is not `member`'s over the commitment with their current nonce.
    /// @param demandId The demand.
    /// @param member The claimed signer.
    error Demands_InvalidSignature(uint256 demandId, address member);
    /// @notice A member drafted a demand.
    /// @param demandId The new demand.
    /// @param union The union making it.
    /// @param creator The member who drafted it.
    /// @param textCid IPFS CID of the demand text.
    /// @param target The outside party it is addressed to.
    /// @param threshold Committed members needed.
    /// @param deadline Timestamp after which it can no longer reach the threshold.
    event DemandCreated(
        uint256 indexed demandId,
        address indexed union,
        address indexed creator,
        string textCid,
        string target,
        uint32 threshold,
        uint48 deadline
    );
    /// @notice `member` committed (signature submitted by `submitter`).
    /// @param demandId The demand.
    /// @param member The committed member.
    /// @param submitter Who sent the transaction.
    /// @param nonce The nonce the signature carries.
    /// @param signature The member's EIP-712 signature (part of the bundle).
    /// @param commitments Live commitments after this one.
    event Committed(
        uint256 indexed demandId,
        address indexed member,
        address submitter,
        uint256 nonce,
        bytes signature,
        uint32 commitments
    );
    /// @notice `member`'s commitment ended before activation (withdrawn, or pruned after they left).
    /// @param demandId The demand.
    /// @param member The member.
    /// @param pruned True iff removed by someone else because `member` is no longer a trusted member.
    /// @param commitments Live commitments after this.
    event CommitmentWithdrawn(uint256 indexed demandId, address indexed member, bool pruned, uint32 commitments);
    /// @notice The demand was activated in this block: `threshold` committers, each a trusted member now.
    /// @param demandId The demand.
    /// @param union The union.
    /// @param commitments Committers counted (== threshold).
    event DemandActivated(uint256 indexed demandId, address indexed union, uint32 commitments);
}

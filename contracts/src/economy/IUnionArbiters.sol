// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IUnionArbiters
/// @notice The declarations of `UnionArbiters`: its errors and events (the web app's API), kept apart
/// from the logic as OpenZeppelin keeps `IGovernor` apart from `Governor`.
interface IUnionArbiters {
    /// @notice `union` was not created by the factory.
    /// @param union The address given as a union.
    error UnionArbiters_UnknownUnion(address union);
    /// @notice Only the union's steward may call this function.
    /// @param union The union.
    /// @param caller The rejected caller.
    /// @param steward The union's steward.
    error UnionArbiters_NotSteward(address union, address caller, address steward);
    /// @notice Arbiters must be members of the union.
    /// @param union The union.
    /// @param account The non-member.
    error UnionArbiters_NotMember(address union, address account);
    /// @notice `account` already is an arbiter of `union`.
    /// @param union The union.
    /// @param account The arbiter.
    error UnionArbiters_AlreadyArbiter(address union, address account);
    /// @notice `account` is not an arbiter of `union`.
    /// @param union The union.
    /// @param account The account.
    error UnionArbiters_NotArbiter(address union, address account);
    /// @notice `union` has `MAX_ARBITERS` arbiters already.
    /// @param union The union.
    /// @param max `MAX_ARBITERS`.
    error UnionArbiters_TooManyArbiters(address union, uint256 max);
    /// @notice `account` is still a member, so only the steward (or they themself) may remove them.
    /// @param union The union.
    /// @param account The arbiter.
    error UnionArbiters_StillMember(address union, address account);
    /// @notice Fewer eligible arbiters than a panel needs.
    /// @param union The union.
    /// @param eligible Eligible arbiters found (members, not excluded).
    /// @param required `PANEL_SIZE`.
    error UnionArbiters_NotEnoughArbiters(address union, uint256 eligible, uint256 required);
    /// @notice `arbiter` was appointed in `union`.
    /// @param union The union.
    /// @param arbiter The new arbiter.
    event ArbiterAppointed(address indexed union, address indexed arbiter);
    /// @notice `arbiter` no longer serves `union` (removed by the steward, resigned, or pruned after leaving).
    /// @param union The union.
    /// @param arbiter The former arbiter.
    event ArbiterRemoved(address indexed union, address indexed arbiter);
}

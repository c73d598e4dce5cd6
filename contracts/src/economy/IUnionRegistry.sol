// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IUnionRegistry
/// @notice The part of `UnionFactory` that shared feature contracts use: whether an address is a real union.
interface IUnionRegistry {
    /// @notice Whether `union` was created by the factory.
    /// @param union The address to check.
    /// @return True iff the factory created `union`.
    function isUnion(address union) external view returns (bool);
}

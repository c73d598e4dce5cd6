// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IUnionScoped
/// @notice A contract shared by every union of a deployment (crowdfund, demands, courses) says which union a call
/// to it acts in, so that a union's gas sponsorship pays only for calls in that union.
interface IUnionScoped {
    /// @notice The union that the call `data` (selector and arguments, as sent to this contract) acts in: the
    /// union named in its arguments, or the union of the campaign, round, demand or course it names.
    /// @param data The call data.
    /// @return union The union, or zero for an unknown record, a function that is not scoped, or malformed data.
    function unionOfCall(bytes calldata data) external view returns (address union);
}

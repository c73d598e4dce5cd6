// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IUnionRelayAccount
/// @notice The one ERC-4337 account every union's sponsored action goes through. It is the trusted forwarder
/// (ERC-2771) of the union contracts: it calls `target` with `data ++ member`, after the EntryPoint has checked
/// the member's EIP-712 signature over the user operation (the EntryPoint v0.8 user-operation hash) in
/// `validateUserOp`. The member's address is the nonce key, so members never block each other and a replayed
/// operation is refused by the EntryPoint's nonce.
interface IUnionRelayAccount {
    /// @notice A call came from somewhere other than the EntryPoint.
    /// @param caller The caller.
    error UnionRelayAccount_NotEntryPoint(address caller);
    /// @notice The account refuses plain `execute` / `executeBatch`: every call it makes carries a member.
    error UnionRelayAccount_ExecuteDisabled();
    /// @notice The relayed call would target the account itself or the EntryPoint.
    /// @param target The refused target.
    error UnionRelayAccount_ForbiddenTarget(address target);

    /// @notice `member`'s signed call to `target` (for `union`) succeeded (a failed call reverts with its error).
    /// @param member The signer, appended to the call (ERC-2771).
    /// @param union The union whose sponsorship paid.
    /// @param target The contract called.
    /// @param selector The function called.
    event Relayed(address indexed member, address indexed union, address indexed target, bytes4 selector);

    /// @notice Calls `target` with `data ++ member` (EntryPoint only, after validation).
    /// @param member The member who signed the user operation.
    /// @param union The union whose paymaster rules and budget apply.
    /// @param target The union contract to call.
    /// @param data The call, without the appended member.
    function relay(address member, address union, address target, bytes calldata data) external;
}

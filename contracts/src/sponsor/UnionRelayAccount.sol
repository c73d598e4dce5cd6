// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BaseAccount} from "@account-abstraction/contracts/core/BaseAccount.sol";
import {IEntryPoint} from "@account-abstraction/contracts/interfaces/IEntryPoint.sol";
import {PackedUserOperation} from "@account-abstraction/contracts/interfaces/PackedUserOperation.sol";
import {SIG_VALIDATION_FAILED, SIG_VALIDATION_SUCCESS} from "@account-abstraction/contracts/core/Helpers.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {IUnionRelayAccount} from "./IUnionRelayAccount.sol";

/// @title UnionRelayAccount
/// @notice The shared ERC-4337 account that relays members' signed calls to union contracts (ERC-2771 trusted
/// forwarder). It holds no funds and no keys: a user operation's `callData` is
/// `relay(member, union, target, data)`, its `signature` is `member`'s ECDSA signature over the EntryPoint v0.8
/// user-operation hash (an EIP-712 digest, so an ordinary wallet signs it with `eth_signTypedData_v4`), and its
/// nonce key is `uint192(member)`. Gas is paid by the `UnionPaymaster`.
/// @dev Validation reads no storage, so the account needs no stake of its own (ERC-7562); the paymaster,
/// which reads union storage, is staked.
contract UnionRelayAccount is BaseAccount, IUnionRelayAccount {
    IEntryPoint private immutable _entryPoint;

    /// @param entryPoint_ The EntryPoint (v0.8).
    constructor(IEntryPoint entryPoint_) {
        _entryPoint = entryPoint_;
    }

    /// @inheritdoc BaseAccount
    function entryPoint() public view override returns (IEntryPoint) {
        return _entryPoint;
    }

    /// @inheritdoc IUnionRelayAccount
    function relay(address member, address union, address target, bytes calldata data) external {
        if (msg.sender != address(_entryPoint)) revert UnionRelayAccount_NotEntryPoint(msg.sender);
        if (target == address(this) || target == address(_entryPoint)) {
            revert UnionRelayAccount_ForbiddenTarget(target);
        }
        // slither-disable-next-line low-level-calls
        (bool success, bytes memory returned) = target.call(abi.encodePacked(data, member));
        if (!success) {
            // bubble the target's error so the user operation's receipt carries it
            assembly ("memory-safe") {
                revert(add(returned, 32), mload(returned))
            }
        }
        emit Relayed(member, union, target, bytes4(data));
    }

    /// @notice The member a user operation speaks for: the address in its `relay` call data (zero if the call
    /// data is not a `relay` call).
    /// @param callData The user operation's call data.
    /// @return member The member.
    function memberOf(bytes calldata callData) public pure returns (address member) {
        if (callData.length < 4 + 32 || bytes4(callData) != IUnionRelayAccount.relay.selector) return address(0);
        member = abi.decode(callData[4:36], (address));
    }

    /// @dev The signature must recover to the member named in `relay`, and the nonce key must be that member.
    function _validateSignature(PackedUserOperation calldata userOp, bytes32 userOpHash)
        internal
        pure
        override
        returns (uint256 validationData)
    {
        address member = memberOf(userOp.callData);
        if (member == address(0)) return SIG_VALIDATION_FAILED;
        if (uint192(userOp.nonce >> 64) != uint192(uint160(member))) return SIG_VALIDATION_FAILED;
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(userOpHash, userOp.signature);
        if (err != ECDSA.RecoverError.NoError || signer != member) return SIG_VALIDATION_FAILED;
        return SIG_VALIDATION_SUCCESS;
    }

    /// @dev Plain `execute` / `executeBatch` are disabled: every call must carry a signing member.
    function _requireForExecute() internal pure override {
        revert UnionRelayAccount_ExecuteDisabled();
    }
}

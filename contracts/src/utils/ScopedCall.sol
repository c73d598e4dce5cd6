// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ScopedCall
/// @notice Reads the calldata a shared contract's `IUnionScoped.unionOfCall` is asked about: the selector and the
/// first argument word (a record id, or the union a creating call names).
library ScopedCall {
    /// @notice The selector and first argument of `data`.
    /// @param data Calldata: a selector and ABI-encoded arguments.
    /// @return ok False when `data` is shorter than a selector and one word (then nothing else is meaningful).
    /// @return selector The first 4 bytes.
    /// @return arg The first argument word.
    function split(bytes calldata data) internal pure returns (bool ok, bytes4 selector, uint256 arg) {
        if (data.length < 36) return (false, bytes4(0), 0);
        // casting to 'bytes4' is safe because it takes the selector, the first 4 of at least 36 bytes
        // forge-lint: disable-next-line(unsafe-typecast)
        selector = bytes4(data);
        arg = uint256(bytes32(data[4:36]));
        ok = true;
    }

    /// @notice `arg` as an address, or zero when its upper 96 bits are set (not an ABI-encoded address).
    /// @param arg An argument word.
    /// @return The address it encodes, or zero.
    function addressOf(uint256 arg) internal pure returns (address) {
        // casting to 'uint160' is safe because the upper 96 bits are checked to be zero first
        // forge-lint: disable-next-line(unsafe-typecast)
        return arg >> 160 == 0 ? address(uint160(arg)) : address(0);
    }
}

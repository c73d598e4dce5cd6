// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title CloneArgs
/// @notice Reads a clone's immutable arguments, the bytes `Clones.cloneWithImmutableArgs` appends after the
/// 45-byte EIP-1167 runtime code, straight from the executing contract's own code (one EXTCODECOPY of a warm
/// account: ~110 gas a field, where a cold storage read costs 2,100). Fields are packed (`abi.encodePacked`):
/// addresses take 20 bytes, strings a 2-byte length in the fixed header and their bytes at the end.
/// @dev Only meaningful inside a clone: an implementation called directly reads its own code instead.
library CloneArgs {
    /// @dev Length of the EIP-1167 runtime code that precedes the arguments.
    uint256 private constant _ARGS_START = 0x2d;

    /// @notice The 32 bytes at `offset` of the arguments (zero-padded past their end).
    /// @param offset Byte offset in the arguments.
    /// @return w The word.
    function word(uint256 offset) internal view returns (bytes32 w) {
        assembly ("memory-safe") {
            extcodecopy(address(), 0x00, add(_ARGS_START, offset), 0x20)
            w := mload(0x00)
        }
    }

    /// @notice The address packed at `offset`.
    /// @param offset Byte offset in the arguments.
    /// @return The address.
    function addressAt(uint256 offset) internal view returns (address) {
        return address(bytes20(word(offset)));
    }

    /// @notice The big-endian unsigned integer of `size` bytes (1–32) packed at `offset`.
    /// @param offset Byte offset in the arguments.
    /// @param size Bytes of the integer.
    /// @return The integer.
    function uintAt(uint256 offset, uint256 size) internal view returns (uint256) {
        return uint256(word(offset)) >> ((32 - size) * 8);
    }

    /// @notice The `length` bytes at `offset` as a string.
    /// @param offset Byte offset in the arguments.
    /// @param length Bytes of the string.
    /// @return s The string.
    function stringAt(uint256 offset, uint256 length) internal view returns (string memory s) {
        s = new string(length);
        assembly ("memory-safe") {
            extcodecopy(address(), add(s, 0x20), add(_ARGS_START, offset), length)
        }
    }
}

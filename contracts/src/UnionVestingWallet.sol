// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {
    VestingWalletCliffUpgradeable
} from "@openzeppelin/contracts-upgradeable/finance/VestingWalletCliffUpgradeable.sol";

/// @title UnionVestingWallet
/// @notice OpenZeppelin's vesting wallet with a cliff, used as an EIP-1167 clone (one per founder allocation).
/// Linear release from `start` to `start + duration`; nothing before `start + cliff`.
contract UnionVestingWallet is Initializable, VestingWalletCliffUpgradeable {
    /// @notice The three-argument initialiser would skip the cliff; use the four-argument one.
    error UnionVestingWallet_UseCliffInitializer();

    /// @dev Implementations are only used through clones.
    constructor() {
        _disableInitializers();
    }

    /// @notice Initialises a clone.
    /// @param beneficiary Owner of the wallet, who receives released tokens.
    /// @param startTimestamp When vesting starts (unix seconds).
    /// @param durationSeconds Length of the linear vesting.
    /// @param cliffSeconds Seconds after `startTimestamp` before anything vests (<= `durationSeconds`).
    function initialize(address beneficiary, uint64 startTimestamp, uint64 durationSeconds, uint64 cliffSeconds)
        external
        initializer
    {
        __VestingWallet_init(beneficiary, startTimestamp, durationSeconds);
        __VestingWalletCliff_init(cliffSeconds);
    }

    /// @notice Disabled: use `initialize(beneficiary, start, duration, cliff)`.
    function initialize(address, uint64, uint64) public pure override {
        revert UnionVestingWallet_UseCliffInitializer();
    }
}

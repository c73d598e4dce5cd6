// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {
    VestingWalletCliffUpgradeable
} from "@openzeppelin/contracts-upgradeable/finance/VestingWalletCliffUpgradeable.sol";
import {CloneArgs} from "./utils/CloneArgs.sol";

/// @title UnionVestingWallet
/// @notice OpenZeppelin's vesting wallet with a cliff, used as an EIP-1167 clone (one per founder allocation).
/// Linear release from `start` to `start + duration`; nothing before `start + cliff`.
/// @dev The schedule is the clone's immutable arguments (`CloneArgs`; packed as start (8 bytes), duration (8),
/// cliff seconds (8)); only the owner (the beneficiary, transferable) and the released amounts are in storage.
/// The factory checks `cliff <= duration` before it creates the clone.
contract UnionVestingWallet is Initializable, VestingWalletCliffUpgradeable {
    /// @notice The three-argument initialiser would skip the cliff; use `initialize(beneficiary)`.
    error UnionVestingWallet_UseCliffInitializer();

    /// @dev Implementations are only used through clones.
    constructor() {
        _disableInitializers();
    }

    /// @notice Initialises a clone.
    /// @param beneficiary Owner of the wallet, who receives released tokens.
    function initialize(address beneficiary) external initializer {
        __Ownable_init(beneficiary);
    }

    /// @notice Disabled: use `initialize(beneficiary)`.
    function initialize(address, uint64, uint64) public pure override {
        revert UnionVestingWallet_UseCliffInitializer();
    }

    /// @notice When vesting starts (unix seconds).
    /// @return The start timestamp.
    function start() public view override returns (uint256) {
        return CloneArgs.uintAt(0, 8);
    }

    /// @notice Length of the linear vesting in seconds.
    /// @return The duration.
    function duration() public view override returns (uint256) {
        return CloneArgs.uintAt(8, 8);
    }

    /// @notice Before this timestamp nothing vests (`start` plus the cliff).
    /// @return The cliff timestamp.
    function cliff() public view override returns (uint256) {
        return CloneArgs.uintAt(0, 8) + CloneArgs.uintAt(16, 8);
    }
}

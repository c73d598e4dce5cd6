// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {
    TimelockControllerUpgradeable
} from "@openzeppelin/contracts-upgradeable/governance/TimelockControllerUpgradeable.sol";

/// @title UnionTimelock
/// @notice A union's treasury and executor: OpenZeppelin's TimelockController, used as an EIP-1167 clone.
/// The governor is the only proposer and canceller, anyone may execute a ready operation, and there is no
/// admin but the timelock itself.
contract UnionTimelock is Initializable, TimelockControllerUpgradeable {
    /// @notice The generic initialiser is disabled; use `initialize(minDelay, governor)`.
    error UnionTimelock_UseGovernorInitializer();

    /// @dev Implementations are only used through clones.
    constructor() {
        _disableInitializers();
    }

    /// @notice Initialises a clone.
    /// @param minDelay Minimum delay (seconds) between queueing and executing.
    /// @param governor The union's governor: sole proposer and canceller.
    function initialize(uint256 minDelay, address governor) external initializer {
        address[] memory proposers = new address[](1);
        proposers[0] = governor;
        // the zero address as executor opens execution to anyone
        address[] memory executors = new address[](1);
        __TimelockController_init({minDelay: minDelay, proposers: proposers, executors: executors, admin: address(0)});
    }

    /// @notice Disabled: use `initialize(minDelay, governor)`.
    function initialize(uint256, address[] memory, address[] memory, address) public pure override {
        revert UnionTimelock_UseGovernorInitializer();
    }
}

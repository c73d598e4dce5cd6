// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Escrow} from "../../../../contracts/src/economy/Escrow.sol";
import {ITokenReceiver} from "./HookToken.sol";

/// @dev A provider contract that either reverts whenever it receives tokens or re-enters `withdraw` from the
/// token's callback, to show neither blocks anyone else nor pays it twice.
contract MaliciousProvider is ITokenReceiver {
    enum Mode {
        Honest,
        RevertOnReceive,
        Reenter
    }

    Escrow public immutable escrow;
    address public token;
    Mode public mode;
    uint256 public reentryAttempts;
    bytes public reentryError;

    constructor(Escrow escrow_) {
        escrow = escrow_;
    }

    function setMode(Mode mode_, address token_) external {
        mode = mode_;
        token = token_;
    }

    function accept(uint256 dealId) external {
        escrow.accept(dealId);
    }

    function markDelivered(uint256 dealId, uint256 index) external {
        escrow.markDelivered(dealId, index);
    }

    function withdraw() external {
        escrow.withdraw(token);
    }

    function onTokenReceived(address, uint256) external {
        if (mode == Mode.RevertOnReceive) revert("no thanks");
        if (mode == Mode.Reenter) {
            ++reentryAttempts;
            try escrow.withdraw(token) {}
            catch (bytes memory err) {
                reentryError = err;
            }
        }
    }
}

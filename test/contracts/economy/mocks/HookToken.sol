// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @dev Receives a callback from `HookToken` (ERC-777 / ERC-1363 style) on every incoming transfer.
interface ITokenReceiver {
    function onTokenReceived(address from, uint256 amount) external;
}

/// @dev An ERC-20 that calls a contract recipient back after `transfer`, giving a malicious
/// recipient the chance to revert or re-enter.
contract HookToken is ERC20 {
    constructor() ERC20("Hook", "HOOK") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    /// @dev Only `transfer` (what a payer such as the escrow calls) notifies; `transferFrom` into the escrow
    /// does not, so the escrow need not implement the callback.
    function transfer(address to, uint256 value) public override returns (bool) {
        super.transfer(to, value);
        if (to.code.length != 0) ITokenReceiver(to).onTokenReceived(msg.sender, value);
        return true;
    }
}

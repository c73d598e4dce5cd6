// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {UnionVestingWallet} from "../../../contracts/src/UnionVestingWallet.sol";
import {UnionToken} from "../../../contracts/src/UnionToken.sol";

/// @dev Moves time forward and releases at random moments; tracks what was paid out.
contract VestingHandler is CommonBase, StdUtils {
    UnionVestingWallet public immutable wallet;
    UnionToken public immutable token;
    uint256 public ghostReleased;
    uint256 public ghostMaxVestedSeen;

    constructor(UnionVestingWallet wallet_, UnionToken token_) {
        wallet = wallet_;
        token = token_;
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + _bound(seconds_, 0, 60 days));
        _see();
    }

    function release() external {
        uint256 releasable = wallet.releasable(address(token));
        wallet.release(address(token));
        ghostReleased += releasable;
        _see();
    }

    function _see() internal {
        uint256 vested = wallet.vestedAmount(address(token), uint64(block.timestamp));
        if (vested > ghostMaxVestedSeen) ghostMaxVestedSeen = vested;
    }
}

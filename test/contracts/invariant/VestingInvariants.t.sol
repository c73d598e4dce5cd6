// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {UnionTestBase} from "../utils/UnionTestBase.sol";
import {VestingHandler} from "./VestingHandler.sol";

contract VestingInvariantsTest is UnionTestBase {
    VestingHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new VestingHandler(wallet, token);
        targetContract(address(handler));
    }

    /// @dev Linear schedule with cliff: what should have vested at `t`.
    function _schedule(uint256 t) internal view returns (uint256) {
        if (t < wallet.cliff()) return 0;
        if (t >= wallet.end()) return ALLOCATION;
        return ALLOCATION * (t - wallet.start()) / wallet.duration();
    }

    function invariant_vestedNeverExceedsSchedule() public view {
        uint256 vested = wallet.vestedAmount(address(token), uint64(block.timestamp));
        assertEq(vested, _schedule(block.timestamp));
        assertLe(vested, ALLOCATION);
        assertLe(handler.ghostMaxVestedSeen(), ALLOCATION);
    }

    function invariant_releasedNeverExceedsVested() public view {
        uint256 released = wallet.released(address(token));
        assertEq(released, handler.ghostReleased());
        assertEq(token.balanceOf(cofounder), released);
        assertLe(released, wallet.vestedAmount(address(token), uint64(block.timestamp)));
        assertEq(token.balanceOf(address(wallet)) + released, ALLOCATION);
    }
}

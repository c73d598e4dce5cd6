// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUnion} from "../../contracts/src/interfaces/IUnion.sol";
import {UnionFactory} from "../../contracts/src/UnionFactory.sol";
import {UnionVestingWallet} from "../../contracts/src/UnionVestingWallet.sol";
import {UnionTestBase} from "./utils/UnionTestBase.sol";

/// @dev The allocation made by `createUnion`: 50k tokens, cliff 30 days, duration 365 days.
contract UnionVestingWalletTest is UnionTestBase {
    function test_vestedAmount_isZeroBeforeCliff() public {
        vm.warp(block.timestamp + 30 days - 1);
        assertEq(wallet.vestedAmount(address(token), uint64(block.timestamp)), 0);
        assertEq(wallet.releasable(address(token)), 0);
    }

    function test_vestedAmount_isLinearAfterCliff() public {
        uint256 start = wallet.start();
        vm.warp(start + 73 days);
        assertEq(wallet.vestedAmount(address(token), uint64(block.timestamp)), ALLOCATION * 73 days / 365 days);
    }

    function test_release_paysBeneficiary() public {
        uint256 start = wallet.start();
        vm.warp(start + 365 days / 2);
        wallet.release(address(token));
        assertEq(token.balanceOf(cofounder), ALLOCATION * (365 days / 2) / 365 days);
        vm.warp(start + 400 days);
        wallet.release(address(token));
        assertEq(token.balanceOf(cofounder), ALLOCATION);
        assertEq(token.balanceOf(address(wallet)), 0);
    }

    function testFuzz_vestedAmount_neverExceedsSchedule(
        uint128 amount,
        uint64 start,
        uint64 cliff,
        uint64 duration,
        uint64 at
    ) public {
        amount = uint128(bound(amount, 1, type(uint128).max));
        start = uint64(bound(start, block.timestamp, type(uint32).max));
        duration = uint64(bound(duration, 0, type(uint32).max));
        cliff = uint64(bound(cliff, 0, duration));
        vm.prank(founder);
        UnionFactory.Deployment memory d = factory.createUnion(_vestingParams(amount, start, cliff, duration));
        UnionVestingWallet w = UnionVestingWallet(payable(d.vestingWallets[0]));
        uint256 vested = w.vestedAmount(d.token, at);
        assertLe(vested, amount);
        if (at < uint256(start) + cliff) assertEq(vested, 0);
        else if (at >= uint256(start) + duration) assertEq(vested, amount);
        else assertEq(vested, uint256(amount) * (at - start) / duration);
    }

    function _vestingParams(uint128 amount, uint64 start, uint64 cliff, uint64 duration)
        internal
        view
        returns (UnionFactory.CreateParams memory p)
    {
        p = _params(IUnion.AdmissionRule.Open);
        p.allocations[0].amount = amount;
        p.vesting.start = start;
        p.vesting.cliff = cliff;
        p.vesting.duration = duration;
    }
}

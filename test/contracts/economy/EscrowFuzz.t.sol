// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Escrow} from "../../../contracts/src/economy/Escrow.sol";
import {IEscrow} from "../../../contracts/src/economy/IEscrow.sol";
import {EconomyTestBase} from "./EconomyTestBase.sol";

contract EscrowFuzzTest is EconomyTestBase {
    function _openActive(IEscrow.MilestoneInput[] memory ms, uint256 total) internal returns (uint256 id) {
        _fundAndApprove(alice, address(escrow), total);
        vm.prank(alice);
        id = escrow.openDeal(_dealParams(bob, ms));
        vm.prank(bob);
        escrow.accept(id);
    }

    function testFuzz_openDeal_escrowsSumOfMilestones_andReleasesExactlyIt(uint256 count, uint256 seed) public {
        count = bound(count, 1, escrow.MAX_MILESTONES());
        IEscrow.MilestoneInput[] memory ms = new IEscrow.MilestoneInput[](count);
        uint256 total;
        for (uint256 i; i < count; ++i) {
            uint128 amount = uint128(bound(uint256(keccak256(abi.encode(seed, i))), 1, 10_000e18));
            ms[i] =
                IEscrow.MilestoneInput({amount: amount, due: uint48(block.timestamp + 1 days + i), descriptionCid: ""});
            total += amount;
        }
        uint256 id = _openActive(ms, total);
        assertEq(token.balanceOf(address(escrow)), total);
        for (uint256 i; i < count; ++i) {
            vm.prank(alice);
            escrow.release(id, i);
        }
        assertEq(escrow.withdrawable(address(token), bob), total);
        assertEq(uint8(escrow.getDeal(id).status), uint8(IEscrow.DealStatus.Completed));
        vm.prank(bob);
        escrow.withdraw(address(token));
        assertEq(token.balanceOf(address(escrow)), 0);
    }

    function testFuzz_vote_rulingIsAgreementElseMedian_andConservesAmount(uint128 amount, uint8 p0, uint8 p1, uint8 p2)
        public
    {
        amount = uint128(bound(amount, 1, 500_000e18));
        p0 = uint8(bound(p0, 0, 100));
        p1 = uint8(bound(p1, 0, 100));
        p2 = uint8(bound(p2, 0, 100));
        uint256 id = _openActive(_milestones(amount, 1), uint256(amount) + 1);
        _deliver(id, 0);
        vm.prank(alice);
        uint256 disputeId = escrow.openDispute(id, 0);
        _drawPanel(disputeId);
        address[3] memory panel = _panel(disputeId);

        _vote(disputeId, panel[0], p0);
        _vote(disputeId, panel[1], p1);
        uint8 expected;
        if (p0 == p1) {
            expected = p0;
        } else {
            assertEq(uint8(escrow.getDispute(disputeId).status), uint8(IEscrow.DisputeStatus.Open));
            _vote(disputeId, panel[2], p2);
            uint256 lo = p0 < p1 ? p0 : p1;
            uint256 hi = p0 < p1 ? p1 : p0;
            expected = uint8(p2 < lo ? lo : (p2 > hi ? hi : p2));
        }
        IEscrow.Dispute memory d = escrow.getDispute(disputeId);
        assertEq(uint8(d.status), uint8(IEscrow.DisputeStatus.Resolved));
        assertEq(d.providerPct, expected);
        uint256 providerAmount = escrow.withdrawable(address(token), bob);
        assertEq(providerAmount, uint256(amount) * expected / 100);
        assertEq(providerAmount + escrow.withdrawable(address(token), alice), amount);
    }

    /// @dev A delivered milestone splits in half on timeout (an undelivered one is refunded: see
    /// `EscrowExploitsTest`).
    function testFuzz_settleTimedOutDispute_splitsHalfAndConserves(uint128 amount, uint256 late) public {
        amount = uint128(bound(amount, 1, 500_000e18));
        uint256 id = _openActive(_milestones(amount, 1), uint256(amount) + 1);
        _deliver(id, 0);
        vm.prank(alice);
        uint256 disputeId = escrow.openDispute(id, 0);
        _drawPanel(disputeId);
        vm.warp(escrow.getDispute(disputeId).deadline + bound(late, 1, 365 days));
        escrow.settleTimedOutDispute(disputeId);
        assertEq(escrow.withdrawable(address(token), bob), amount / 2);
        assertEq(escrow.withdrawable(address(token), alice), amount - amount / 2);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Escrow} from "../../../contracts/src/economy/Escrow.sol";
import {IEscrow} from "../../../contracts/src/economy/IEscrow.sol";
import {UnionArbiters} from "../../../contracts/src/economy/UnionArbiters.sol";
import {EconomyTestBase} from "./EconomyTestBase.sol";

contract EscrowTest is EconomyTestBase {
    uint256 internal constant TOTAL = uint256(M0) + M1;

    function _expectDealStatus(uint256 dealId, IEscrow.DealStatus status) internal view {
        assertEq(uint8(escrow.getDeal(dealId).status), uint8(status));
    }

    function _expectMilestoneStatus(uint256 dealId, uint256 index, IEscrow.MilestoneStatus status) internal view {
        assertEq(uint8(escrow.getMilestone(dealId, index).status), uint8(status));
    }

    function _wrongDeal(uint256 dealId, IEscrow.DealStatus status, IEscrow.DealStatus required)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encodeWithSelector(IEscrow.Escrow_WrongDealStatus.selector, dealId, status, required);
    }

    function _wrongMilestone(uint256 dealId, uint256 index, IEscrow.MilestoneStatus status)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encodeWithSelector(IEscrow.Escrow_WrongMilestoneStatus.selector, dealId, index, status);
    }

    // ---------------------------------------------------------------- openDeal

    function test_openDeal_storesDealAndPullsFunds() public {
        uint256 balance = token.balanceOf(alice);
        _fundAndApprove(alice, address(escrow), TOTAL);
        IEscrow.DealParams memory p = _dealParams(bob, _milestones(M0, M1));
        vm.prank(alice);
        uint256 id = escrow.openDeal(p);

        assertEq(id, 1);
        assertEq(escrow.dealCount(), 1);
        assertEq(token.balanceOf(address(escrow)), TOTAL);
        assertEq(token.balanceOf(alice), balance);
        IEscrow.Deal memory d = escrow.getDeal(id);
        assertEq(d.client, alice);
        assertEq(d.provider, bob);
        assertEq(d.union, address(union));
        assertEq(d.token, address(token));
        assertEq(d.acceptBy, p.acceptBy);
        assertEq(d.reviewPeriod, REVIEW);
        assertEq(d.milestoneCount, 2);
        assertEq(d.unsettled, 2);
        assertEq(uint8(d.status), uint8(IEscrow.DealStatus.Proposed));
        IEscrow.Milestone memory m = escrow.getMilestone(id, 1);
        assertEq(m.amount, M1);
        assertEq(m.due, p.milestones[1].due);
        assertEq(uint8(m.status), uint8(IEscrow.MilestoneStatus.Pending));
    }

    function test_openDeal_emitsDealAndMilestones() public {
        _fundAndApprove(alice, address(escrow), TOTAL);
        IEscrow.DealParams memory p = _dealParams(bob, _milestones(M0, M1));
        vm.expectEmit(address(escrow));
        emit IEscrow.MilestoneAdded(1, 0, M0, p.milestones[0].due, "bafy-m0");
        vm.expectEmit(address(escrow));
        emit IEscrow.MilestoneAdded(1, 1, M1, p.milestones[1].due, "bafy-m1");
        vm.expectEmit(address(escrow));
        emit IEscrow.DealOpened(1, address(union), bob, alice, address(token), LISTING, TOTAL, p.acceptBy, REVIEW);
        vm.prank(alice);
        escrow.openDeal(p);
    }

    function test_openDeal_acceptsMaxMilestones() public {
        uint256 max = escrow.MAX_MILESTONES();
        IEscrow.MilestoneInput[] memory ms = new IEscrow.MilestoneInput[](max);
        for (uint256 i; i < max; ++i) {
            ms[i] =
                IEscrow.MilestoneInput({amount: 1e18, due: uint48(block.timestamp + 1 days + i), descriptionCid: ""});
        }
        _fundAndApprove(alice, address(escrow), max * 1e18);
        vm.prank(alice);
        uint256 id = escrow.openDeal(_dealParams(bob, ms));
        assertEq(escrow.getDeal(id).milestoneCount, max);
    }

    function test_openDeal_revertWhen_UnionUnknown() public {
        IEscrow.DealParams memory p = _dealParams(bob, _milestones(M0, M1));
        p.union = address(token);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_UnknownUnion.selector, address(token)));
        vm.prank(alice);
        escrow.openDeal(p);
    }

    function test_openDeal_revertWhen_ClientIsNotMember() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotMember.selector, address(union), outsider));
        vm.prank(outsider);
        escrow.openDeal(_dealParams(bob, _milestones(M0, M1)));
    }

    function test_openDeal_revertWhen_ProviderIsNotMember() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotMember.selector, address(union), outsider));
        vm.prank(alice);
        escrow.openDeal(_dealParams(outsider, _milestones(M0, M1)));
    }

    function test_openDeal_revertWhen_ProviderIsClient() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_SelfDeal.selector, alice));
        vm.prank(alice);
        escrow.openDeal(_dealParams(alice, _milestones(M0, M1)));
    }

    function test_openDeal_revertWhen_NoMilestones() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_MilestoneCount.selector, 0, 20));
        vm.prank(alice);
        escrow.openDeal(_dealParams(bob, new IEscrow.MilestoneInput[](0)));
    }

    function test_openDeal_revertWhen_TooManyMilestones() public {
        IEscrow.MilestoneInput[] memory ms = new IEscrow.MilestoneInput[](21);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_MilestoneCount.selector, 21, 20));
        vm.prank(alice);
        escrow.openDeal(_dealParams(bob, ms));
    }

    function test_openDeal_revertWhen_MilestoneAmountIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_ZeroAmount.selector, 1));
        vm.prank(alice);
        escrow.openDeal(_dealParams(bob, _milestones(M0, 0)));
    }

    function test_openDeal_revertWhen_MilestoneDueInPast() public {
        IEscrow.MilestoneInput[] memory ms = _milestones(M0, M1);
        ms[0].due = uint48(block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_DueInPast.selector, 0, block.timestamp, block.timestamp));
        vm.prank(alice);
        escrow.openDeal(_dealParams(bob, ms));
    }

    function test_openDeal_revertWhen_AcceptByInPast() public {
        IEscrow.DealParams memory p = _dealParams(bob, _milestones(M0, M1));
        p.acceptBy = uint48(block.timestamp);
        vm.expectRevert(
            abi.encodeWithSelector(IEscrow.Escrow_AcceptByInPast.selector, block.timestamp, block.timestamp)
        );
        vm.prank(alice);
        escrow.openDeal(p);
    }

    function test_openDeal_revertWhen_ReviewPeriodTooShort() public {
        IEscrow.DealParams memory p = _dealParams(bob, _milestones(M0, M1));
        p.reviewPeriod = 1 days - 1;
        vm.expectRevert(
            abi.encodeWithSelector(IEscrow.Escrow_ReviewPeriodOutOfRange.selector, 1 days - 1, 1 days, 60 days)
        );
        vm.prank(alice);
        escrow.openDeal(p);
    }

    function test_openDeal_revertWhen_ReviewPeriodTooLong() public {
        IEscrow.DealParams memory p = _dealParams(bob, _milestones(M0, M1));
        p.reviewPeriod = 60 days + 1;
        vm.expectRevert(
            abi.encodeWithSelector(IEscrow.Escrow_ReviewPeriodOutOfRange.selector, 60 days + 1, 1 days, 60 days)
        );
        vm.prank(alice);
        escrow.openDeal(p);
    }

    function test_openDeal_revertWhen_NotApproved() public {
        _fund(alice, TOTAL);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(escrow), 0, TOTAL)
        );
        vm.prank(alice);
        escrow.openDeal(_dealParams(bob, _milestones(M0, M1)));
    }

    // ---------------------------------------------------------------- openDealWithPermit

    function test_openDealWithPermit_fundsWithoutPriorApproval() public {
        _fund(alice, TOTAL);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(aliceKey, address(escrow), TOTAL, deadline);
        vm.prank(alice);
        uint256 id = escrow.openDealWithPermit(_dealParams(bob, _milestones(M0, M1)), deadline, v, r, s);
        assertEq(id, 1);
        assertEq(token.balanceOf(address(escrow)), TOTAL);
    }

    function test_openDealWithPermit_succeedsWhenPermitWasFrontRun() public {
        _fund(alice, TOTAL);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(aliceKey, address(escrow), TOTAL, deadline);
        token.permit(alice, address(escrow), TOTAL, deadline, v, r, s); // someone submits it first
        vm.prank(alice);
        escrow.openDealWithPermit(_dealParams(bob, _milestones(M0, M1)), deadline, v, r, s);
        assertEq(token.balanceOf(address(escrow)), TOTAL);
    }

    function test_openDealWithPermit_revertWhen_PermitInvalidAndNoAllowance() public {
        _fund(alice, TOTAL);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(bobKey, address(escrow), TOTAL, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(escrow), 0, TOTAL)
        );
        vm.prank(alice);
        escrow.openDealWithPermit(_dealParams(bob, _milestones(M0, M1)), deadline, v, r, s);
    }

    // ---------------------------------------------------------------- accept / decline / reclaim

    function test_accept_activatesDeal() public {
        uint256 id = _openDeal();
        vm.expectEmit(address(escrow));
        emit IEscrow.DealAccepted(id);
        vm.prank(bob);
        escrow.accept(id);
        _expectDealStatus(id, IEscrow.DealStatus.Active);
    }

    function test_accept_atAcceptBy() public {
        uint256 id = _openDeal();
        vm.warp(escrow.getDeal(id).acceptBy);
        vm.prank(bob);
        escrow.accept(id);
        _expectDealStatus(id, IEscrow.DealStatus.Active);
    }

    function test_accept_revertWhen_DealUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_UnknownDeal.selector, 7));
        vm.prank(bob);
        escrow.accept(7);
    }

    function test_accept_revertWhen_CallerIsNotProvider() public {
        uint256 id = _openDeal();
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotProvider.selector, id, alice));
        vm.prank(alice);
        escrow.accept(id);
    }

    function test_accept_revertWhen_AlreadyAccepted() public {
        uint256 id = _openActiveDeal();
        vm.expectRevert(_wrongDeal(id, IEscrow.DealStatus.Active, IEscrow.DealStatus.Proposed));
        vm.prank(bob);
        escrow.accept(id);
    }

    function test_accept_revertWhen_AcceptanceWindowClosed() public {
        uint256 id = _openDeal();
        uint256 acceptBy = escrow.getDeal(id).acceptBy;
        vm.warp(acceptBy + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IEscrow.Escrow_AcceptanceWindowClosed.selector, id, acceptBy, acceptBy + 1)
        );
        vm.prank(bob);
        escrow.accept(id);
    }

    function test_accept_revertWhen_ProviderLeftUnion() public {
        uint256 id = _openDeal();
        vm.prank(bob);
        union.leave();
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotMember.selector, address(union), bob));
        vm.prank(bob);
        escrow.accept(id);
    }

    function test_decline_refundsClientInFull() public {
        uint256 id = _openDeal();
        vm.expectEmit(address(escrow));
        emit IEscrow.MilestoneRefunded(id, 0, M0);
        vm.expectEmit(address(escrow));
        emit IEscrow.MilestoneRefunded(id, 1, M1);
        vm.expectEmit(address(escrow));
        emit IEscrow.DealDeclined(id, TOTAL);
        vm.prank(bob);
        escrow.decline(id);
        _expectDealStatus(id, IEscrow.DealStatus.Declined);
        assertEq(escrow.withdrawable(address(token), alice), TOTAL);
        assertEq(escrow.getDeal(id).unsettled, 0);
    }

    function test_decline_revertWhen_CallerIsNotProvider() public {
        uint256 id = _openDeal();
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotProvider.selector, id, carol));
        vm.prank(carol);
        escrow.decline(id);
    }

    function test_decline_revertWhen_DealActive() public {
        uint256 id = _openActiveDeal();
        vm.expectRevert(_wrongDeal(id, IEscrow.DealStatus.Active, IEscrow.DealStatus.Proposed));
        vm.prank(bob);
        escrow.decline(id);
    }

    function test_reclaimUnaccepted_refundsClientAfterWindow() public {
        uint256 id = _openDeal();
        vm.warp(escrow.getDeal(id).acceptBy + 1);
        vm.expectEmit(address(escrow));
        emit IEscrow.DealReclaimed(id, TOTAL);
        vm.prank(alice);
        escrow.reclaimUnaccepted(id);
        _expectDealStatus(id, IEscrow.DealStatus.Reclaimed);
        assertEq(escrow.withdrawable(address(token), alice), TOTAL);
    }

    function test_reclaimUnaccepted_revertWhen_WindowOpen() public {
        uint256 id = _openDeal();
        uint256 acceptBy = escrow.getDeal(id).acceptBy;
        vm.warp(acceptBy);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_AcceptanceWindowOpen.selector, id, acceptBy, acceptBy));
        vm.prank(alice);
        escrow.reclaimUnaccepted(id);
    }

    function test_reclaimUnaccepted_revertWhen_CallerIsNotClient() public {
        uint256 id = _openDeal();
        vm.warp(escrow.getDeal(id).acceptBy + 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotClient.selector, id, bob));
        vm.prank(bob);
        escrow.reclaimUnaccepted(id);
    }

    function test_reclaimUnaccepted_revertWhen_DealAccepted() public {
        uint256 id = _openActiveDeal();
        vm.warp(escrow.getDeal(id).acceptBy + 1);
        vm.expectRevert(_wrongDeal(id, IEscrow.DealStatus.Active, IEscrow.DealStatus.Proposed));
        vm.prank(alice);
        escrow.reclaimUnaccepted(id);
    }

    // ---------------------------------------------------------------- markDelivered

    function test_markDelivered_startsReviewPeriod() public {
        uint256 id = _openActiveDeal();
        vm.expectEmit(address(escrow));
        emit IEscrow.MilestoneDelivered(id, 0, block.timestamp + REVIEW);
        _deliver(id, 0);
        IEscrow.Milestone memory m = escrow.getMilestone(id, 0);
        assertEq(uint8(m.status), uint8(IEscrow.MilestoneStatus.Delivered));
        assertEq(m.deliveredAt, block.timestamp);
    }

    function test_markDelivered_allowedAfterDueDate() public {
        uint256 id = _openActiveDeal();
        vm.warp(escrow.getMilestone(id, 0).due + 1);
        _deliver(id, 0);
        _expectMilestoneStatus(id, 0, IEscrow.MilestoneStatus.Delivered);
    }

    function test_markDelivered_revertWhen_CallerIsNotProvider() public {
        uint256 id = _openActiveDeal();
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotProvider.selector, id, alice));
        vm.prank(alice);
        escrow.markDelivered(id, 0);
    }

    function test_markDelivered_revertWhen_DealNotAccepted() public {
        uint256 id = _openDeal();
        vm.expectRevert(_wrongDeal(id, IEscrow.DealStatus.Proposed, IEscrow.DealStatus.Active));
        _deliver(id, 0);
    }

    function test_markDelivered_revertWhen_MilestoneUnknown() public {
        uint256 id = _openActiveDeal();
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_UnknownMilestone.selector, id, 2));
        _deliver(id, 2);
    }

    function test_markDelivered_revertWhen_AlreadyDelivered() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.expectRevert(_wrongMilestone(id, 0, IEscrow.MilestoneStatus.Delivered));
        _deliver(id, 0);
    }

    // ---------------------------------------------------------------- release

    function test_release_creditsProvider() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.expectEmit(address(escrow));
        emit IEscrow.MilestoneReleased(id, 0, M0);
        vm.prank(alice);
        escrow.release(id, 0);
        _expectMilestoneStatus(id, 0, IEscrow.MilestoneStatus.Released);
        assertEq(escrow.withdrawable(address(token), bob), M0);
        assertEq(escrow.getDeal(id).unsettled, 1);
        _expectDealStatus(id, IEscrow.DealStatus.Active);
    }

    function test_release_beforeDelivery() public {
        uint256 id = _openActiveDeal();
        vm.prank(alice);
        escrow.release(id, 1);
        assertEq(escrow.withdrawable(address(token), bob), M1);
    }

    function test_release_completesDealWithLastMilestone() public {
        uint256 id = _openActiveDeal();
        vm.prank(alice);
        escrow.release(id, 0);
        vm.expectEmit(address(escrow));
        emit IEscrow.DealCompleted(id);
        vm.prank(alice);
        escrow.release(id, 1);
        _expectDealStatus(id, IEscrow.DealStatus.Completed);
        assertEq(escrow.withdrawable(address(token), bob), TOTAL);
    }

    function test_release_revertWhen_CallerIsNotClient() public {
        uint256 id = _openActiveDeal();
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotClient.selector, id, bob));
        vm.prank(bob);
        escrow.release(id, 0);
    }

    function test_release_revertWhen_AlreadyReleased() public {
        uint256 id = _openActiveDeal();
        vm.prank(alice);
        escrow.release(id, 0);
        vm.expectRevert(_wrongMilestone(id, 0, IEscrow.MilestoneStatus.Released));
        vm.prank(alice);
        escrow.release(id, 0);
    }

    function test_release_revertWhen_Disputed() public {
        (uint256 id,) = _openDisputedDeal();
        vm.expectRevert(_wrongMilestone(id, 0, IEscrow.MilestoneStatus.Disputed));
        vm.prank(alice);
        escrow.release(id, 0);
    }

    function test_release_revertWhen_DealNotAccepted() public {
        uint256 id = _openDeal();
        vm.expectRevert(_wrongDeal(id, IEscrow.DealStatus.Proposed, IEscrow.DealStatus.Active));
        vm.prank(alice);
        escrow.release(id, 0);
    }

    // ---------------------------------------------------------------- claim

    function test_claim_afterReviewPeriod() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.warp(block.timestamp + REVIEW);
        vm.expectEmit(address(escrow));
        emit IEscrow.MilestoneClaimed(id, 0, M0);
        vm.prank(bob);
        escrow.claim(id, 0);
        _expectMilestoneStatus(id, 0, IEscrow.MilestoneStatus.Claimed);
        assertEq(escrow.withdrawable(address(token), bob), M0);
    }

    function test_claim_revertWhen_ReviewPeriodNotOver() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        uint256 ends = block.timestamp + REVIEW;
        vm.warp(ends - 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_ReviewPeriodNotOver.selector, id, 0, ends, ends - 1));
        vm.prank(bob);
        escrow.claim(id, 0);
    }

    function test_claim_revertWhen_NotDelivered() public {
        uint256 id = _openActiveDeal();
        vm.warp(block.timestamp + 30 days);
        vm.expectRevert(_wrongMilestone(id, 0, IEscrow.MilestoneStatus.Pending));
        vm.prank(bob);
        escrow.claim(id, 0);
    }

    function test_claim_revertWhen_CallerIsNotProvider() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.warp(block.timestamp + REVIEW);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotProvider.selector, id, carol));
        vm.prank(carol);
        escrow.claim(id, 0);
    }

    function test_claim_revertWhen_ClientReleasedFirst() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.prank(alice);
        escrow.release(id, 0);
        vm.warp(block.timestamp + REVIEW);
        vm.expectRevert(_wrongMilestone(id, 0, IEscrow.MilestoneStatus.Released));
        vm.prank(bob);
        escrow.claim(id, 0);
    }

    // ---------------------------------------------------------------- refundOverdue

    function test_refundOverdue_creditsClient() public {
        uint256 id = _openActiveDeal();
        vm.warp(escrow.getMilestone(id, 0).due + 1);
        vm.expectEmit(address(escrow));
        emit IEscrow.MilestoneRefunded(id, 0, M0);
        vm.prank(alice);
        escrow.refundOverdue(id, 0);
        _expectMilestoneStatus(id, 0, IEscrow.MilestoneStatus.Refunded);
        assertEq(escrow.withdrawable(address(token), alice), M0);
    }

    function test_refundOverdue_revertWhen_NotOverdue() public {
        uint256 id = _openActiveDeal();
        uint256 due = escrow.getMilestone(id, 0).due;
        vm.warp(due);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotOverdue.selector, id, 0, due, due));
        vm.prank(alice);
        escrow.refundOverdue(id, 0);
    }

    function test_refundOverdue_revertWhen_Delivered() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.warp(escrow.getMilestone(id, 0).due + 1);
        vm.expectRevert(_wrongMilestone(id, 0, IEscrow.MilestoneStatus.Delivered));
        vm.prank(alice);
        escrow.refundOverdue(id, 0);
    }

    function test_refundOverdue_revertWhen_CallerIsNotClient() public {
        uint256 id = _openActiveDeal();
        vm.warp(escrow.getMilestone(id, 0).due + 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotClient.selector, id, bob));
        vm.prank(bob);
        escrow.refundOverdue(id, 0);
    }

    // ---------------------------------------------------------------- mutual cancel

    function test_cancel_clientProposesProviderConfirms_refundsUnpaid() public {
        uint256 id = _openActiveDeal();
        vm.prank(alice);
        escrow.release(id, 0);
        _deliver(id, 1);
        vm.expectEmit(address(escrow));
        emit IEscrow.CancelProposed(id, alice, M1, block.timestamp + escrow.CANCEL_PERIOD());
        vm.prank(alice);
        escrow.proposeCancel(id);
        assertEq(uint8(escrow.getDeal(id).cancelProposedBy), uint8(IEscrow.Party.Client));
        vm.expectEmit(address(escrow));
        emit IEscrow.MilestoneRefunded(id, 1, M1);
        vm.expectEmit(address(escrow));
        emit IEscrow.DealCancelled(id, M1);
        vm.prank(bob);
        escrow.confirmCancel(id);
        _expectDealStatus(id, IEscrow.DealStatus.Cancelled);
        _expectMilestoneStatus(id, 0, IEscrow.MilestoneStatus.Released);
        _expectMilestoneStatus(id, 1, IEscrow.MilestoneStatus.Refunded);
        assertEq(escrow.withdrawable(address(token), alice), M1);
        assertEq(escrow.withdrawable(address(token), bob), M0);
        assertEq(escrow.getDeal(id).unsettled, 0);
    }

    function test_cancel_providerProposesClientConfirms() public {
        uint256 id = _openActiveDeal();
        vm.prank(bob);
        escrow.proposeCancel(id);
        vm.prank(alice);
        escrow.confirmCancel(id);
        _expectDealStatus(id, IEscrow.DealStatus.Cancelled);
        assertEq(escrow.withdrawable(address(token), alice), TOTAL);
    }

    function test_cancel_leavesDisputedMilestoneToItsDispute() public {
        (uint256 id, uint256 disputeId) = _openDisputedDeal();
        vm.prank(alice);
        escrow.proposeCancel(id);
        vm.prank(bob);
        escrow.confirmCancel(id);
        assertEq(escrow.withdrawable(address(token), alice), M1);
        _expectMilestoneStatus(id, 0, IEscrow.MilestoneStatus.Disputed);
        address[3] memory panel = _panel(disputeId);
        _vote(disputeId, panel[0], 100);
        _vote(disputeId, panel[1], 100);
        assertEq(escrow.withdrawable(address(token), bob), M0);
        _expectDealStatus(id, IEscrow.DealStatus.Cancelled);
        assertEq(escrow.getDeal(id).unsettled, 0);
    }

    function test_proposeCancel_revertWhen_AlreadyProposed() public {
        uint256 id = _openActiveDeal();
        vm.prank(alice);
        escrow.proposeCancel(id);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_CancelAlreadyProposed.selector, id, IEscrow.Party.Client));
        vm.prank(bob);
        escrow.proposeCancel(id);
    }

    function test_proposeCancel_revertWhen_CallerIsNotParty() public {
        uint256 id = _openActiveDeal();
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotParty.selector, id, carol));
        vm.prank(carol);
        escrow.proposeCancel(id);
    }

    function test_proposeCancel_revertWhen_DealNotAccepted() public {
        uint256 id = _openDeal();
        vm.expectRevert(_wrongDeal(id, IEscrow.DealStatus.Proposed, IEscrow.DealStatus.Active));
        vm.prank(alice);
        escrow.proposeCancel(id);
    }

    function test_confirmCancel_revertWhen_OwnProposal() public {
        uint256 id = _openActiveDeal();
        vm.prank(alice);
        escrow.proposeCancel(id);
        vm.expectRevert(
            abi.encodeWithSelector(IEscrow.Escrow_NoCancelToAnswer.selector, id, IEscrow.Party.Client, alice)
        );
        vm.prank(alice);
        escrow.confirmCancel(id);
    }

    function test_confirmCancel_revertWhen_NoProposal() public {
        uint256 id = _openActiveDeal();
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NoCancelToAnswer.selector, id, IEscrow.Party.None, bob));
        vm.prank(bob);
        escrow.confirmCancel(id);
    }

    function test_confirmCancel_revertWhen_DealCompleted() public {
        uint256 id = _openActiveDeal();
        vm.prank(bob);
        escrow.proposeCancel(id);
        vm.startPrank(alice);
        escrow.release(id, 0);
        escrow.release(id, 1);
        vm.expectRevert(_wrongDeal(id, IEscrow.DealStatus.Completed, IEscrow.DealStatus.Active));
        escrow.confirmCancel(id);
        vm.stopPrank();
    }

    function test_withdrawCancelProposal_clearsIt() public {
        uint256 id = _openActiveDeal();
        vm.prank(alice);
        escrow.proposeCancel(id);
        vm.expectEmit(address(escrow));
        emit IEscrow.CancelProposalWithdrawn(id, alice);
        vm.prank(alice);
        escrow.withdrawCancelProposal(id);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NoCancelToAnswer.selector, id, IEscrow.Party.None, bob));
        vm.prank(bob);
        escrow.confirmCancel(id);
    }

    function test_withdrawCancelProposal_revertWhen_OtherPartysProposal() public {
        uint256 id = _openActiveDeal();
        vm.prank(alice);
        escrow.proposeCancel(id);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NoCancelToAnswer.selector, id, IEscrow.Party.Client, bob));
        vm.prank(bob);
        escrow.withdrawCancelProposal(id);
    }

    // ---------------------------------------------------------------- openDispute

    function test_openDispute_byClientOnDelivered_drawsPanelWithoutParties() public {
        // make the provider an arbiter too: they must never sit on their own case
        vm.prank(founder);
        arbiters.appoint(address(union), bob);
        (uint256 id, uint256 disputeId) = _openDisputedDeal();
        assertEq(disputeId, 1);
        assertEq(escrow.disputeOf(id, 0), 1);
        _expectMilestoneStatus(id, 0, IEscrow.MilestoneStatus.Disputed);
        IEscrow.Dispute memory d = escrow.getDispute(disputeId);
        assertEq(d.dealId, id);
        assertEq(d.milestone, 0);
        assertEq(d.deadline, block.timestamp + escrow.ARBITRATION_PERIOD());
        assertEq(uint8(d.status), uint8(IEscrow.DisputeStatus.Open));
        for (uint256 i; i < 3; ++i) {
            address a = d.panel[i].arbiter;
            assertTrue(arbiters.isArbiter(address(union), a));
            assertTrue(a != alice && a != bob);
        }
    }

    function test_openDispute_byProviderOnOverdue() public {
        uint256 id = _openActiveDeal();
        vm.warp(escrow.getMilestone(id, 1).due + 1);
        vm.prank(bob);
        uint256 disputeId = escrow.openDispute(id, 1);
        assertEq(escrow.getDispute(disputeId).milestone, 1);
    }

    function test_openDispute_byProviderOnDeliveredAfterReviewPeriod() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.warp(block.timestamp + REVIEW + 1);
        vm.prank(bob);
        escrow.openDispute(id, 0);
        _expectMilestoneStatus(id, 0, IEscrow.MilestoneStatus.Disputed);
    }

    function test_openDispute_revertWhen_ClientAfterReviewPeriod() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        uint256 ends = block.timestamp + REVIEW;
        vm.warp(ends);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_ReviewPeriodOver.selector, id, 0, ends, ends));
        vm.prank(alice);
        escrow.openDispute(id, 0);
    }

    function test_openDispute_revertWhen_PendingNotOverdue() public {
        uint256 id = _openActiveDeal();
        uint256 due = escrow.getMilestone(id, 0).due;
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotOverdue.selector, id, 0, due, block.timestamp));
        vm.prank(alice);
        escrow.openDispute(id, 0);
    }

    function test_openDispute_revertWhen_AlreadyPaid() public {
        uint256 id = _openActiveDeal();
        vm.prank(alice);
        escrow.release(id, 0);
        vm.expectRevert(_wrongMilestone(id, 0, IEscrow.MilestoneStatus.Released));
        vm.prank(bob);
        escrow.openDispute(id, 0);
    }

    function test_openDispute_revertWhen_AlreadyDisputed() public {
        (uint256 id,) = _openDisputedDeal();
        vm.expectRevert(_wrongMilestone(id, 0, IEscrow.MilestoneStatus.Disputed));
        vm.prank(bob);
        escrow.openDispute(id, 0);
    }

    function test_openDispute_revertWhen_CallerIsNotParty() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotParty.selector, id, arb1));
        vm.prank(arb1);
        escrow.openDispute(id, 0);
    }

    function test_openDispute_revertWhen_DealNotAccepted() public {
        uint256 id = _openDeal();
        vm.expectRevert(_wrongDeal(id, IEscrow.DealStatus.Proposed, IEscrow.DealStatus.Active));
        vm.prank(alice);
        escrow.openDispute(id, 0);
    }

    function test_drawPanel_fewerThanThreeEligibleArbiters_seatsTheStewardAlone() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.prank(arb1);
        union.leave();
        vm.prank(founder);
        arbiters.remove(address(union), arb2);
        vm.prank(alice);
        uint256 disputeId = escrow.openDispute(id, 0);
        _mine(escrow.DRAW_DELAY() + 1);
        vm.expectEmit(address(escrow));
        emit IEscrow.PanelDrawn(
            disputeId, [founder, address(0), address(0)], block.timestamp + escrow.ARBITRATION_PERIOD()
        );
        escrow.drawPanel(disputeId);
        IEscrow.Dispute memory d = escrow.getDispute(disputeId);
        assertEq(d.seats, 1);
        assertEq(d.panel[0].arbiter, founder);
    }

    function test_drawPanel_revertWhen_StewardIsPartyAndTooFewArbiters() public {
        vm.startPrank(founder);
        arbiters.remove(address(union), arb3);
        arbiters.remove(address(union), arb4);
        vm.stopPrank();
        _fundAndApprove(founder, address(escrow), uint256(M0) + M1);
        vm.prank(founder);
        uint256 id = escrow.openDeal(_dealParams(bob, _milestones(M0, M1)));
        vm.prank(bob);
        escrow.accept(id);
        _deliver(id, 0);
        vm.prank(founder);
        uint256 disputeId = escrow.openDispute(id, 0);
        _mine(escrow.DRAW_DELAY() + 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NoPanelPossible.selector, disputeId, 2));
        escrow.drawPanel(disputeId);
        // the dispute still ends: by timeout, a delivered milestone split in half
        vm.warp(escrow.getDispute(disputeId).deadline + 1);
        escrow.settleTimedOutDispute(disputeId);
        assertEq(escrow.withdrawable(address(token), bob), M0 / 2);
    }

    function test_drawPanel_revertWhen_SeedBlockNotMinedYet() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.prank(alice);
        uint256 disputeId = escrow.openDispute(id, 0);
        uint256 drawBlock = block.number + escrow.DRAW_DELAY();
        assertEq(escrow.getDispute(disputeId).drawBlock, drawBlock);
        _mine(escrow.DRAW_DELAY());
        vm.expectRevert(
            abi.encodeWithSelector(IEscrow.Escrow_PanelNotDrawable.selector, disputeId, drawBlock, drawBlock)
        );
        escrow.drawPanel(disputeId);
    }

    function test_drawPanel_revertWhen_AlreadyDrawn() public {
        (, uint256 disputeId) = _openDisputedDeal();
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_PanelAlreadyDrawn.selector, disputeId));
        escrow.drawPanel(disputeId);
    }

    function test_drawPanel_seedHashGone_recommitsToAFutureBlock() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.prank(alice);
        uint256 disputeId = escrow.openDispute(id, 0);
        vm.roll(block.number + 300); // the seed block's hash is out of the 256-block window (reads as zero)
        uint256 next = block.number + escrow.DRAW_DELAY();
        vm.expectEmit(address(escrow));
        emit IEscrow.PanelDrawDeferred(disputeId, next);
        address[3] memory panel = escrow.drawPanel(disputeId);
        assertEq(panel[0], address(0));
        assertEq(escrow.getDispute(disputeId).drawBlock, next);
        assertEq(escrow.getDispute(disputeId).seats, 0);
        _drawPanel(disputeId);
        assertEq(escrow.getDispute(disputeId).seats, 3);
    }

    function test_vote_firstVoteDrawsThePanelIfNobodyDid() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.prank(alice);
        uint256 disputeId = escrow.openDispute(id, 0);
        _mine(escrow.DRAW_DELAY() + 1);
        uint256 snap = vm.snapshotState();
        escrow.drawPanel(disputeId);
        address seated = _panel(disputeId)[1];
        vm.revertToState(snap);
        _vote(disputeId, seated, 40);
        IEscrow.Dispute memory d = escrow.getDispute(disputeId);
        assertEq(d.seats, 3);
        assertTrue(d.panel[1].voted);
        assertEq(d.deadline, block.timestamp + escrow.ARBITRATION_PERIOD());
    }

    function test_vote_revertWhen_PanelNotDrawableYet() public {
        uint256 id = _openActiveDeal();
        _deliver(id, 0);
        vm.prank(alice);
        uint256 disputeId = escrow.openDispute(id, 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                IEscrow.Escrow_PanelNotDrawable.selector, disputeId, block.number + escrow.DRAW_DELAY(), block.number
            )
        );
        _vote(disputeId, arb1, 40);
    }

    function test_proposeCancel_afterExpiry_eitherPartyMayProposeAgain() public {
        uint256 id = _openActiveDeal();
        vm.prank(alice);
        escrow.proposeCancel(id);
        vm.warp(block.timestamp + escrow.CANCEL_PERIOD() + 1);
        vm.prank(bob);
        escrow.proposeCancel(id);
        assertEq(uint8(escrow.getDeal(id).cancelProposedBy), uint8(IEscrow.Party.Provider));
        vm.prank(alice);
        escrow.confirmCancel(id);
        _expectDealStatus(id, IEscrow.DealStatus.Cancelled);
    }

    function test_proposeCancel_clearedByReleaseAndByDispute() public {
        uint256 id = _openActiveDeal();
        vm.prank(bob);
        escrow.proposeCancel(id);
        vm.expectEmit(address(escrow));
        emit IEscrow.CancelProposalCleared(id);
        vm.prank(alice);
        escrow.release(id, 0);
        assertEq(uint8(escrow.getDeal(id).cancelProposedBy), uint8(IEscrow.Party.None));
        vm.prank(bob);
        escrow.proposeCancel(id);
        _deliver(id, 1); // delivery clears it too
        assertEq(uint8(escrow.getDeal(id).cancelProposedBy), uint8(IEscrow.Party.None));
        vm.prank(alice);
        escrow.proposeCancel(id);
        vm.expectEmit(address(escrow));
        emit IEscrow.CancelProposalCleared(id);
        vm.prank(alice);
        escrow.openDispute(id, 1);
        assertEq(uint8(escrow.getDeal(id).cancelProposedBy), uint8(IEscrow.Party.None));
    }

    // ---------------------------------------------------------------- vote

    function test_vote_firstVoteDoesNotResolve() public {
        (, uint256 disputeId) = _openDisputedDeal();
        address[3] memory panel = _panel(disputeId);
        vm.expectEmit(address(escrow));
        emit IEscrow.ArbiterVoted(disputeId, panel[0], 70);
        _vote(disputeId, panel[0], 70);
        IEscrow.Dispute memory d = escrow.getDispute(disputeId);
        assertEq(uint8(d.status), uint8(IEscrow.DisputeStatus.Open));
        assertTrue(d.panel[0].voted);
        assertEq(d.panel[0].providerPct, 70);
    }

    function test_vote_twoAgreeingVotesResolveEarly() public {
        (uint256 id, uint256 disputeId) = _openDisputedDeal();
        address[3] memory panel = _panel(disputeId);
        _vote(disputeId, panel[0], 70);
        vm.expectEmit(address(escrow));
        emit IEscrow.DisputeResolved(disputeId, id, 0, 70, 70e18, 30e18, false);
        _vote(disputeId, panel[2], 70);
        IEscrow.Dispute memory d = escrow.getDispute(disputeId);
        assertEq(uint8(d.status), uint8(IEscrow.DisputeStatus.Resolved));
        assertEq(d.providerPct, 70);
        _expectMilestoneStatus(id, 0, IEscrow.MilestoneStatus.Resolved);
        assertEq(escrow.withdrawable(address(token), bob), 70e18);
        assertEq(escrow.withdrawable(address(token), alice), 30e18);
    }

    function test_vote_threeDifferentVotesTakeMedian() public {
        (uint256 id, uint256 disputeId) = _openDisputedDeal();
        address[3] memory panel = _panel(disputeId);
        _vote(disputeId, panel[0], 90);
        _vote(disputeId, panel[1], 10);
        assertEq(uint8(escrow.getDispute(disputeId).status), uint8(IEscrow.DisputeStatus.Open));
        vm.expectEmit(address(escrow));
        emit IEscrow.DisputeResolved(disputeId, id, 0, 40, 40e18, 60e18, false);
        _vote(disputeId, panel[2], 40);
        assertEq(escrow.getDispute(disputeId).providerPct, 40);
    }

    /// @dev Seats vote in any order; the view reports each seat's own vote.
    function test_vote_lastSeatFirstThenFirstSeatAgrees() public {
        (uint256 id, uint256 disputeId) = _openDisputedDeal();
        address[3] memory panel = _panel(disputeId);
        _vote(disputeId, panel[2], 35);
        IEscrow.Dispute memory d = escrow.getDispute(disputeId);
        assertFalse(d.panel[0].voted);
        assertTrue(d.panel[2].voted);
        assertEq(d.panel[2].providerPct, 35);
        _vote(disputeId, panel[1], 90);
        assertEq(uint8(escrow.getDispute(disputeId).status), uint8(IEscrow.DisputeStatus.Open));
        vm.expectEmit(address(escrow));
        emit IEscrow.DisputeResolved(disputeId, id, 0, 35, 35e18, 65e18, false);
        _vote(disputeId, panel[0], 35);
        d = escrow.getDispute(disputeId);
        assertEq(d.panel[0].providerPct, 35);
        assertEq(d.panel[1].providerPct, 90);
        assertEq(d.providerPct, 35);
    }

    function test_vote_zeroPercentRefundsClient() public {
        (, uint256 disputeId) = _openDisputedDeal();
        address[3] memory panel = _panel(disputeId);
        _vote(disputeId, panel[0], 0);
        _vote(disputeId, panel[1], 0);
        assertEq(escrow.withdrawable(address(token), alice), M0);
        assertEq(escrow.withdrawable(address(token), bob), 0);
    }

    function test_vote_revertWhen_CallerIsNotPanelist() public {
        (, uint256 disputeId) = _openDisputedDeal();
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotPanelist.selector, disputeId, carol));
        _vote(disputeId, carol, 50);
    }

    function test_vote_revertWhen_AlreadyVoted() public {
        (, uint256 disputeId) = _openDisputedDeal();
        address[3] memory panel = _panel(disputeId);
        _vote(disputeId, panel[0], 50);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_AlreadyVoted.selector, disputeId, panel[0]));
        _vote(disputeId, panel[0], 60);
    }

    function test_vote_revertWhen_SplitAbove100() public {
        (, uint256 disputeId) = _openDisputedDeal();
        address[3] memory panel = _panel(disputeId);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_InvalidSplit.selector, 101));
        _vote(disputeId, panel[0], 101);
    }

    function test_vote_revertWhen_DeadlinePassed() public {
        (, uint256 disputeId) = _openDisputedDeal();
        address[3] memory panel = _panel(disputeId);
        uint256 deadline = escrow.getDispute(disputeId).deadline;
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_VotingClosed.selector, disputeId, deadline, deadline + 1));
        _vote(disputeId, panel[0], 50);
    }

    function test_vote_revertWhen_DisputeResolved() public {
        (, uint256 disputeId) = _openDisputedDeal();
        address[3] memory panel = _panel(disputeId);
        _vote(disputeId, panel[0], 50);
        _vote(disputeId, panel[1], 50);
        vm.expectRevert(
            abi.encodeWithSelector(IEscrow.Escrow_DisputeNotOpen.selector, disputeId, IEscrow.DisputeStatus.Resolved)
        );
        _vote(disputeId, panel[2], 50);
    }

    function test_vote_revertWhen_DisputeUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_DisputeNotOpen.selector, 9, IEscrow.DisputeStatus.None));
        _vote(9, arb1, 50);
    }

    /// @dev The panel is fixed at the draw: removing an arbiter afterwards changes later draws only.
    function test_vote_panelistRemovedAfterDrawStillVotes() public {
        (, uint256 disputeId) = _openDisputedDeal();
        address[3] memory panel = _panel(disputeId);
        vm.prank(founder);
        arbiters.remove(address(union), panel[1]);
        _vote(disputeId, panel[0], 80);
        _vote(disputeId, panel[1], 80);
        IEscrow.Dispute memory d = escrow.getDispute(disputeId);
        assertEq(uint8(d.status), uint8(IEscrow.DisputeStatus.Resolved));
        assertEq(d.providerPct, 80);
        assertTrue(d.panel[1].voted);
        assertEq(d.panel[1].providerPct, 80);
        assertFalse(d.panel[2].voted);
        assertEq(escrow.withdrawable(address(token), bob), uint256(M0) * 80 / 100);
        assertEq(escrow.withdrawable(address(token), alice), M0 - uint256(M0) * 80 / 100);
    }

    // ---------------------------------------------------------------- settleTimedOutDispute

    function test_settleTimedOutDispute_splitsHalfAndHalf() public {
        uint128 odd = 101;
        _fundAndApprove(alice, address(escrow), uint256(odd) + M1);
        vm.prank(alice);
        uint256 id = escrow.openDeal(_dealParams(bob, _milestones(odd, M1)));
        vm.prank(bob);
        escrow.accept(id);
        _deliver(id, 0);
        vm.prank(alice);
        uint256 disputeId = escrow.openDispute(id, 0);
        _drawPanel(disputeId);
        _vote(disputeId, _panel(disputeId)[0], 100); // one vote is not a ruling
        vm.warp(escrow.getDispute(disputeId).deadline + 1);
        vm.expectEmit(address(escrow));
        emit IEscrow.DisputeResolved(disputeId, id, 0, 50, 50, 51, true);
        vm.prank(outsider);
        escrow.settleTimedOutDispute(disputeId);
        assertEq(escrow.withdrawable(address(token), bob), 50);
        assertEq(escrow.withdrawable(address(token), alice), 51);
        assertTrue(escrow.getDispute(disputeId).timedOut);
    }

    function test_settleTimedOutDispute_revertWhen_DeadlineNotPassed() public {
        (, uint256 disputeId) = _openDisputedDeal();
        uint256 deadline = escrow.getDispute(disputeId).deadline;
        vm.warp(deadline);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_VotingOpen.selector, disputeId, deadline, deadline));
        escrow.settleTimedOutDispute(disputeId);
    }

    function test_settleTimedOutDispute_revertWhen_Resolved() public {
        (, uint256 disputeId) = _openDisputedDeal();
        address[3] memory panel = _panel(disputeId);
        _vote(disputeId, panel[0], 20);
        _vote(disputeId, panel[1], 20);
        vm.warp(block.timestamp + 8 days);
        vm.expectRevert(
            abi.encodeWithSelector(IEscrow.Escrow_DisputeNotOpen.selector, disputeId, IEscrow.DisputeStatus.Resolved)
        );
        escrow.settleTimedOutDispute(disputeId);
    }

    // ---------------------------------------------------------------- withdraw

    function test_withdraw_sendsCreditAndZeroesIt() public {
        uint256 id = _openActiveDeal();
        vm.prank(alice);
        escrow.release(id, 0);
        uint256 before = token.balanceOf(bob);
        vm.expectEmit(address(escrow));
        emit IEscrow.Withdrawn(address(token), bob, M0);
        vm.prank(bob);
        escrow.withdraw(address(token));
        assertEq(token.balanceOf(bob), before + M0);
        assertEq(escrow.withdrawable(address(token), bob), 0);
        assertEq(token.balanceOf(address(escrow)), M1);
    }

    function test_withdraw_sumsCreditsAcrossDeals() public {
        uint256 a = _openActiveDeal();
        uint256 b = _openActiveDeal();
        vm.startPrank(alice);
        escrow.release(a, 0);
        escrow.release(b, 1);
        vm.stopPrank();
        vm.prank(bob);
        escrow.withdraw(address(token));
        assertEq(token.balanceOf(address(escrow)), TOTAL);
    }

    function test_withdraw_revertWhen_NothingToWithdraw() public {
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NothingToWithdraw.selector, address(token), bob));
        vm.prank(bob);
        escrow.withdraw(address(token));
    }

    function test_withdraw_stillWorksAfterLeavingUnion() public {
        uint256 id = _openActiveDeal();
        vm.prank(bob);
        union.leave();
        _deliver(id, 0);
        vm.warp(block.timestamp + REVIEW);
        vm.prank(bob);
        escrow.claim(id, 0);
        vm.prank(bob);
        escrow.withdraw(address(token));
        assertEq(escrow.withdrawable(address(token), bob), 0);
    }
}

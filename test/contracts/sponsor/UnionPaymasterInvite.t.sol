// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IEntryPoint} from "@account-abstraction/contracts/interfaces/IEntryPoint.sol";
import {PackedUserOperation} from "@account-abstraction/contracts/interfaces/PackedUserOperation.sol";
import {IUnion} from "../../../contracts/src/interfaces/IUnion.sol";
import {Union} from "../../../contracts/src/Union.sol";
import {IUnionPaymaster} from "../../../contracts/src/sponsor/IUnionPaymaster.sol";
import {SponsorTestBase} from "./SponsorTestBase.sol";

/// @dev A sponsored join with an invite is refused in validation for every reason `joinWithInvite` would revert
/// that validation can see — so the union never pays for a join that fails: the inviter's quota used up, a
/// revoked invite, a past deadline, a redeemer already a member, a union that admits by approval only.
contract UnionPaymasterInviteTest is SponsorTestBase {
    function test_validate_inviterQuotaUsedUpForThePeriod_refused() public {
        _setQuota(1, 30 days); // refills after the 7-day budget period ends
        _redeemDirectly(1);
        (uint64 start,) = union.inviteWindowOf(founder);
        Union.Invite memory invite = _invite(founder, bob, 2, block.timestamp + 1 days);
        _expectRefused(
            _op(bobKey, address(union), _joinData(invite)),
            abi.encodeWithSelector(
                IUnionPaymaster.UnionPaymaster_InviteQuotaExhausted.selector,
                address(union),
                founder,
                uint32(1),
                uint256(start) + 30 days
            )
        );
        assertFalse(union.isMember(bob));
    }

    function test_validate_zeroInviteQuota_refused() public {
        _setQuota(0, 30 days);
        Union.Invite memory invite = _invite(founder, bob, 2, block.timestamp + 1 days);
        _expectRefused(
            _op(bobKey, address(union), _joinData(invite)),
            abi.encodeWithSelector(
                IUnionPaymaster.UnionPaymaster_InviteQuotaExhausted.selector,
                address(union),
                founder,
                uint32(0),
                30 days
            )
        );
    }

    function test_validate_inviterQuotaRefillsWithinPeriod_dueOnlyThen() public {
        vm.warp((uint256(_period()) + 1) * PERIOD + 10); // the next budget period's first seconds
        _setQuota(1, 1 hours);
        _redeemDirectly(1);
        Union.Invite memory invite = _invite(founder, bob, 2, block.timestamp + 1 days);
        _expectNotDue(_op(bobKey, address(union), _joinData(invite)), "AA32 paymaster expired or not due");
        vm.warp(block.timestamp + 1 hours);
        _handle(_op(bobKey, address(union), _joinData(invite)));
        assertTrue(union.isMember(bob));
    }

    function test_validate_revokedInvite_refused() public {
        Union.Invite memory invite = _invite(founder, bob, 5, block.timestamp + 1 days);
        vm.prank(founder);
        union.revokeInvite(5);
        _expectRefused(_op(bobKey, address(union), _joinData(invite)), _invalid(bob));
    }

    function test_validate_expiredInvite_refusedByEntryPoint() public {
        Union.Invite memory invite = _invite(founder, bob, 5, block.timestamp + 1 hours);
        vm.warp(block.timestamp + 2 hours);
        _expectNotDue(_op(bobKey, address(union), _joinData(invite)), "AA32 paymaster expired or not due");
    }

    function test_validate_inviteeAlreadyMember_refused() public {
        _join(bob);
        Union.Invite memory invite = _invite(founder, bob, 5, block.timestamp + 1 days);
        _expectRefused(_op(bobKey, address(union), _joinData(invite)), _invalid(bob));
    }

    function test_validate_unionAdmitsByApprovalOnly_refused() public {
        vm.prank(founder);
        union.setAdmissionRule(IUnion.AdmissionRule.Approval);
        Union.Invite memory invite = _invite(founder, bob, 5, block.timestamp + 1 days);
        _expectRefused(_op(bobKey, address(union), _joinData(invite)), _invalid(bob));
    }

    // ---------------------------------------------------------------- helpers

    function _setQuota(uint32 quota, uint64 period) internal {
        vm.prank(founder);
        union.setTrustParams(Union.TrustParams({vouchThreshold: VOUCHES, inviteQuota: quota, invitePeriod: period}));
    }

    /// @dev Carol joins with the founder's invite `nonce`, paying herself (uses one of the founder's redemptions).
    function _redeemDirectly(uint256 nonce) internal {
        Union.Invite memory invite = _invite(founder, carol, nonce, block.timestamp + 1 days);
        bytes memory signature = _sign(founderKey, invite);
        vm.prank(carol);
        union.joinWithInvite(invite, signature, "");
    }

    function _joinData(Union.Invite memory invite) internal view returns (bytes memory) {
        return abi.encodeCall(Union.joinWithInvite, (invite, _sign(founderKey, invite), ""));
    }

    function _invalid(address redeemer) internal view returns (bytes memory) {
        return abi.encodeWithSelector(
            IUnionPaymaster.UnionPaymaster_InvalidInvite.selector, address(union), founder, redeemer
        );
    }

    /// @dev The EntryPoint refuses `op` for its validity window; nothing is charged.
    function _expectNotDue(PackedUserOperation memory op, string memory reason) internal {
        uint256 balance = paymaster.balanceOf(address(union));
        uint256 deposit = entryPoint.balanceOf(address(paymaster));
        PackedUserOperation[] memory ops = new PackedUserOperation[](1);
        ops[0] = op;
        vm.prank(bundler, bundler);
        vm.expectRevert(abi.encodeWithSelector(IEntryPoint.FailedOp.selector, 0, reason));
        entryPoint.handleOps(ops, bundler);
        assertEq(paymaster.balanceOf(address(union)), balance);
        assertEq(entryPoint.balanceOf(address(paymaster)), deposit);
    }
}

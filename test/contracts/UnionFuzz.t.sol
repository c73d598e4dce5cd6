// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Union} from "../../contracts/src/Union.sol";
import {UnionTestBase} from "./utils/UnionTestBase.sol";

contract UnionFuzzTest is UnionTestBase {
    /// @dev However often an address joins, is vouched for (trusted) and leaves, it gets exactly one grant.
    function testFuzz_join_grantsOncePerAddress(address account, uint8 rejoins) public {
        vm.assume(account != founder && account != address(0) && account.code.length == 0);
        vm.assume(account != address(timelock));
        rejoins = uint8(bound(rejoins, 0, 10));
        uint256 supply = token.totalSupply();
        _joinTrusted(account);
        for (uint256 i; i < rejoins; ++i) {
            vm.startPrank(account);
            union.leave();
            union.join();
            vm.stopPrank();
            assertFalse(union.isTrusted(account), "a rejoin starts untrusted");
            vm.prank(founder);
            union.back(account);
            assertTrue(union.isTrusted(account));
        }
        assertEq(token.balanceOf(account), GRANT);
        assertEq(token.totalSupply(), supply + GRANT);
        assertEq(union.membershipEpoch(account), uint256(rejoins) + 1);
        assertEq(union.memberCount(), 2);
    }

    /// @dev An invite works until (and at) its deadline, once, and marks only its own nonce.
    function testFuzz_joinWithInvite_nonceAndDeadline(uint256 nonce, uint256 deadline, uint256 at) public {
        deadline = bound(deadline, block.timestamp, type(uint64).max);
        at = bound(at, block.timestamp, type(uint64).max);
        Union.Invite memory invite = _invite(founder, address(0), nonce, deadline);
        bytes memory sig = _sign(founderKey, invite);
        vm.warp(at);
        if (at > deadline) {
            vm.expectRevert(abi.encodeWithSelector(Union.Union_InviteExpired.selector, deadline, at));
            vm.prank(alice);
            union.joinWithInvite(invite, sig, _claim(alice));
            assertFalse(union.inviteUsed(founder, nonce));
            return;
        }
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
        assertTrue(union.isMember(alice));
        assertTrue(union.inviteUsed(founder, nonce));
        assertFalse(union.inviteUsed(founder, nonce ^ 1));
        assertFalse(union.inviteUsed(alice, nonce));
        vm.expectRevert(abi.encodeWithSelector(Union.Union_InviteUsed.selector, founder, nonce));
        vm.prank(bob);
        union.joinWithInvite(invite, sig, _claim(bob));
    }

    /// @dev Revoking one nonce leaves every other nonce usable.
    function testFuzz_revokeInvite_touchesOnlyItsNonce(uint256 revoked, uint256 other) public {
        vm.assume(revoked != other);
        vm.prank(founder);
        union.revokeInvite(revoked);
        assertTrue(union.inviteUsed(founder, revoked));
        assertFalse(union.inviteUsed(founder, other));
        Union.Invite memory invite = _invite(founder, alice, other, block.timestamp);
        bytes memory sig = _sign(founderKey, invite);
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
        assertTrue(union.isMember(alice));
    }

    /// @dev back() succeeds exactly when both ends are members, they differ and no live edge exists;
    /// otherwise it reverts with the matching error and leaves the edge as it was.
    function testFuzz_back_onlyMembersNoSelfNoDuplicate(
        address backer,
        address leader,
        bool backerJoins,
        bool leaderJoins
    ) public {
        vm.assume(backer != address(0) && leader != address(0) && backer.code.length == 0 && leader.code.length == 0);
        vm.assume(backer != founder && leader != founder);
        if (backerJoins) _join(backer);
        if (leaderJoins && leader != backer) _join(leader);
        bool leaderMember = leader == backer ? backerJoins : leaderJoins;

        vm.prank(backer);
        if (!backerJoins) {
            vm.expectRevert(abi.encodeWithSelector(Union.Union_NotMember.selector, backer));
            union.back(leader);
        } else if (backer == leader) {
            vm.expectRevert(abi.encodeWithSelector(Union.Union_SelfBacking.selector, backer));
            union.back(leader);
        } else if (!leaderMember) {
            vm.expectRevert(abi.encodeWithSelector(Union.Union_NotMember.selector, leader));
            union.back(leader);
        } else {
            union.back(leader);
            assertTrue(union.isBacking(backer, leader));
            vm.prank(backer);
            vm.expectRevert(abi.encodeWithSelector(Union.Union_AlreadyBacking.selector, backer, leader));
            union.back(leader);
            return;
        }
        assertFalse(union.isBacking(backer, leader));
    }

    /// @dev Whoever leaves (backer or leader) and rejoins, the old edge stays dead and can be made again once.
    function testFuzz_back_leavingKillsEdgeForGood(address backer, bool backerLeaves, uint8 rejoins) public {
        vm.assume(backer != address(0) && backer != founder && backer.code.length == 0);
        rejoins = uint8(bound(rejoins, 1, 5));
        _join(backer);
        vm.prank(backer);
        union.back(founder);
        // the founder may leave too (membership is not tied to stewardship)
        address leaver = backerLeaves ? backer : founder;
        for (uint256 i; i < rejoins; ++i) {
            vm.prank(leaver);
            union.leave();
            assertFalse(union.isBacking(backer, founder));
            vm.prank(leaver);
            union.join();
            assertFalse(union.isBacking(backer, founder));
        }
        vm.prank(backer);
        union.back(founder);
        assertTrue(union.isBacking(backer, founder));
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IUnion} from "../../contracts/src/interfaces/IUnion.sol";
import {Union} from "../../contracts/src/Union.sol";
import {UnionFactory} from "../../contracts/src/UnionFactory.sol";
import {UnionToken} from "../../contracts/src/UnionToken.sol";
import {UnionTestBase} from "./utils/UnionTestBase.sol";

/// @dev Issue 12: trust (vouching, founding members, invites as vouches), invite quota and revocation,
/// back and follow, and the factory's refusals.
contract TrustTest is UnionTestBase {
    address internal dave = makeAddr("dave");

    function _k(uint32 k) internal {
        vm.prank(founder);
        union.setTrustParams(
            Union.TrustParams({vouchThreshold: k, inviteQuota: INVITE_QUOTA, invitePeriod: INVITE_PERIOD})
        );
    }

    /// @dev The founder's `createUnion(p)` reverts with `reason`.
    function _expectCreateRevert(UnionFactory.CreateParams memory p, bytes memory reason) internal {
        vm.expectRevert(reason);
        vm.prank(founder);
        factory.createUnion(p);
    }

    // ------------------------------------------------------------ founding members

    function test_createUnion_trustsFoundingMembersWithGrant() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.foundingMembers = new address[](2);
        p.foundingMembers[0] = alice;
        p.foundingMembers[1] = bob;
        _createUnion(p);
        assertTrue(union.isTrusted(alice));
        assertTrue(union.isTrusted(bob));
        assertEq(union.memberCount(), 3);
        assertEq(token.getVotes(alice), GRANT);
    }

    function test_createUnion_revertWhen_TooManyFoundingMembers() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.foundingMembers = new address[](17);
        _expectCreateRevert(p, abi.encodeWithSelector(Union.Union_TooManyFoundingMembers.selector, 17, 16));
    }

    function test_createUnion_revertWhen_FoundingMemberIsZero() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.foundingMembers = new address[](1);
        _expectCreateRevert(p, abi.encodeWithSelector(Union.Union_ZeroFoundingMember.selector, 0));
    }

    // ------------------------------------------------------------ factory refusals

    function test_createUnion_revertWhen_QuorumIsZero() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.governance.quorumPercent = 0;
        _expectCreateRevert(p, abi.encodeWithSelector(UnionFactory.UnionFactory_ZeroQuorum.selector, 0));
    }

    function test_createUnion_revertWhen_VotingDelayIsZero() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.governance.votingDelay = 0;
        _expectCreateRevert(p, abi.encodeWithSelector(UnionFactory.UnionFactory_ZeroVotingDelay.selector, 0));
    }

    function test_createUnion_revertWhen_TimelockDelayIsZero() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.governance.timelockDelay = 0;
        _expectCreateRevert(p, abi.encodeWithSelector(UnionFactory.UnionFactory_ZeroTimelockDelay.selector, 0));
    }

    function test_createUnion_revertWhen_VouchThresholdIsZero() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.trust.vouchThreshold = 0;
        _expectCreateRevert(p, abi.encodeWithSelector(UnionFactory.UnionFactory_ZeroVouchThreshold.selector, 0));
    }

    /// @dev Threshold 0 is allowed because strangers have no votes: a stranger may propose, never pass.
    function test_zeroProposalThreshold_strangerProposalCannotPass() public {
        _join(carol);
        vm.warp(block.timestamp + 1);
        (address[] memory t, uint256[] memory v, bytes[] memory c) =
            _one(address(token), abi.encodeCall(IERC20.transfer, (carol, RESERVE)));
        vm.prank(carol);
        uint256 id = governor.propose(t, v, c, "stranger");
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        vm.prank(carol);
        governor.castVote(id, 1);
        (, uint256 forVotes,) = governor.proposalVotes(id);
        assertEq(forVotes, 0, "a stranger's vote weighs nothing");
        vm.warp(block.timestamp + VOTING_PERIOD);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Defeated));
    }

    // ------------------------------------------------------------ vouching

    function test_vouch_countsOnlyTrustedBackers() public {
        _k(2);
        _join(alice);
        _join(bob);
        vm.prank(bob);
        union.back(alice);
        assertEq(union.vouchesOf(alice), 0, "an untrusted back is no vouch");
        assertFalse(union.isVouching(bob, alice));
        vm.prank(founder);
        union.back(alice);
        assertEq(union.vouchesOf(alice), 1);
        assertFalse(union.isTrusted(alice));
    }

    function test_vouch_trustsAtThreshold() public {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.foundingMembers = new address[](1);
        p.foundingMembers[0] = bob;
        p.trust.vouchThreshold = 2;
        _createUnion(p);
        _join(alice);
        vm.prank(founder);
        union.back(alice);
        assertFalse(union.isTrusted(alice));
        assertEq(token.balanceOf(alice), 0);
        vm.expectEmit(address(union));
        emit Union.Trusted(alice, Union.TrustPath.Vouched, GRANT);
        vm.prank(bob);
        union.back(alice);
        assertTrue(union.isTrusted(alice));
        assertEq(token.getVotes(alice), GRANT);
    }

    function test_unback_beforeTrustTakesTheVouchBack() public {
        _k(2);
        _join(alice);
        vm.prank(founder);
        union.back(alice);
        vm.expectEmit(address(union));
        emit Union.VouchWithdrawn(founder, alice, 0);
        vm.prank(founder);
        union.unback(alice);
        assertEq(union.vouchesOf(alice), 0);
    }

    function test_unback_afterTrustKeepsTrust() public {
        _joinTrusted(alice);
        vm.prank(founder);
        union.unback(alice);
        assertTrue(union.isTrusted(alice), "trust lasts for the membership");
    }

    function test_vouch_resetsOnRejoin() public {
        _k(2);
        _join(alice);
        vm.prank(founder);
        union.back(alice);
        vm.startPrank(alice);
        union.leave();
        union.join();
        vm.stopPrank();
        assertEq(union.vouchesOf(alice), 0);
    }

    function test_recountTrust_appliesALowerThreshold() public {
        _k(2);
        _join(alice);
        vm.prank(founder);
        union.back(alice);
        _k(1);
        union.recountTrust(alice);
        assertTrue(union.isTrusted(alice));
    }

    function test_setTrustParams_revertWhen_NotStewardOrZero() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotSteward.selector, alice, founder));
        vm.prank(alice);
        union.setTrustParams(Union.TrustParams({vouchThreshold: 1, inviteQuota: 1, invitePeriod: 1}));
        vm.expectRevert(abi.encodeWithSelector(Union.Union_ZeroVouchThreshold.selector, 0));
        vm.prank(founder);
        union.setTrustParams(Union.TrustParams({vouchThreshold: 0, inviteQuota: 1, invitePeriod: 1}));
        vm.expectRevert(abi.encodeWithSelector(Union.Union_ZeroInvitePeriod.selector, 0));
        vm.prank(founder);
        union.setTrustParams(Union.TrustParams({vouchThreshold: 1, inviteQuota: 1, invitePeriod: 0}));
    }

    // ------------------------------------------------------------ invites

    function test_joinWithInvite_fromTrustedInviterIsOneVouch() public {
        _k(2);
        Union.Invite memory invite = _invite(founder, alice, 0, block.timestamp + 1 days);
        bytes memory sig = _sign(founderKey, invite);
        vm.prank(alice);
        union.joinWithInvite(invite, sig, "");
        assertEq(union.vouchesOf(alice), 1);
        assertTrue(union.isBacking(founder, alice), "the invite is the inviter's back");
        assertFalse(union.isTrusted(alice));
    }

    function test_joinWithInvite_fromUntrustedInviterIsNoVouch() public {
        _join(alice);
        Union.Invite memory invite = _invite(alice, bob, 0, block.timestamp + 1 days);
        bytes memory sig = _sign(aliceKey, invite);
        vm.prank(bob);
        union.joinWithInvite(invite, sig, "");
        assertTrue(union.isMember(bob));
        assertEq(union.vouchesOf(bob), 0, "invitees cannot chain-invite trust");
        assertFalse(union.isTrusted(bob));
    }

    function test_joinWithInvite_revertWhen_QuotaUsedUpAndRefillsAfterPeriod() public {
        vm.prank(founder);
        union.setTrustParams(Union.TrustParams({vouchThreshold: 1, inviteQuota: 1, invitePeriod: 7 days}));
        Union.Invite memory a = _invite(founder, alice, 0, block.timestamp + 30 days);
        bytes memory sa = _sign(founderKey, a);
        vm.prank(alice);
        union.joinWithInvite(a, sa, "");
        (uint32 left, uint256 refillsAt) = union.invitesLeft(founder);
        assertEq(left, 0);
        Union.Invite memory b = _invite(founder, bob, 1, block.timestamp + 30 days);
        bytes memory sb = _sign(founderKey, b);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_InviteQuotaExhausted.selector, founder, 1, refillsAt));
        vm.prank(bob);
        union.joinWithInvite(b, sb, "");
        vm.warp(refillsAt);
        vm.prank(bob);
        union.joinWithInvite(b, sb, "");
        assertTrue(union.isMember(bob));
    }

    function test_revokeInviteOf_stewardRevokesAnyInvite() public {
        _joinTrusted(alice);
        Union.Invite memory invite = _invite(alice, bob, 5, block.timestamp + 1 days);
        bytes memory sig = _sign(aliceKey, invite);
        vm.expectEmit(address(union));
        emit Union.InviteRevoked(alice, 5);
        vm.prank(founder);
        union.revokeInviteOf(alice, 5);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_InviteUsed.selector, alice, 5));
        vm.prank(bob);
        union.joinWithInvite(invite, sig, "");
    }

    function test_revokeInviteOf_revertWhen_NotSteward() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotSteward.selector, alice, founder));
        vm.prank(alice);
        union.revokeInviteOf(founder, 1);
    }

    function test_joinWithInvite_revertWhen_OpenInviteHasNoClaimKey() public {
        Union.Invite memory invite = _invite(founder, address(0), 0, block.timestamp + 1 days);
        invite.claimKey = address(0);
        bytes memory sig = _sign(founderKey, invite);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_InvalidClaim.selector, address(0), alice));
        vm.prank(alice);
        union.joinWithInvite(invite, sig, "");
    }

    // ------------------------------------------------------------ timelock

    function test_join_revertWhen_CallerIsTimelock() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_TimelockCannotJoin.selector, address(timelock)));
        vm.prank(address(timelock));
        union.join();
    }

    // ------------------------------------------------------------ back and follow

    function test_backAndFollow_delegatesVotesToLeader() public {
        _joinTrusted(alice);
        _joinTrusted(bob);
        vm.expectEmit(address(union));
        emit Union.Backed(bob, alice, true);
        vm.prank(bob);
        union.backAndFollow(alice);
        assertTrue(union.isFollowing(bob, alice));
        assertEq(token.delegates(bob), alice);
        assertEq(token.getVotes(alice), 2 * GRANT);
        assertEq(token.getVotes(bob), 0);
    }

    function test_unback_returnsFollowersVotes() public {
        _joinTrusted(alice);
        _joinTrusted(bob);
        vm.prank(bob);
        union.backAndFollow(alice);
        vm.expectEmit(address(union));
        emit Union.VotesReturned(bob, alice);
        vm.prank(bob);
        union.unback(alice);
        assertEq(token.delegates(bob), bob);
        assertEq(token.getVotes(bob), GRANT);
        assertEq(token.getVotes(alice), GRANT);
    }

    function test_leaderLeaving_followerVotesIdleThenReclaimed() public {
        _joinTrusted(alice);
        _joinTrusted(bob);
        vm.prank(bob);
        union.backAndFollow(alice);
        vm.prank(alice);
        union.leave();
        vm.warp(block.timestamp + 1);
        // the departed leader holds the delegation but the governor counts none of it
        assertEq(governor.getVotes(alice, block.timestamp - 1), 0);
        vm.prank(carol);
        union.reclaimVotes(bob);
        assertEq(token.delegates(bob), bob);
        vm.warp(block.timestamp + 1);
        assertEq(governor.getVotes(bob, block.timestamp - 1), GRANT);
    }

    function test_reclaimVotes_revertWhen_BackIsLive() public {
        _joinTrusted(alice);
        _joinTrusted(bob);
        vm.prank(bob);
        union.backAndFollow(alice);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NothingToReclaim.selector, bob, alice));
        union.reclaimVotes(bob);
    }

    function test_reclaimVotes_revertWhen_DelegationWasNotAFollow() public {
        _joinTrusted(alice);
        _joinTrusted(bob);
        vm.prank(bob);
        token.delegate(alice);
        vm.prank(alice);
        union.leave();
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NothingToReclaim.selector, bob, alice));
        union.reclaimVotes(bob);
    }

    function test_delegateFor_revertWhen_NotUnion() public {
        vm.expectRevert(abi.encodeWithSelector(UnionToken.UnionToken_NotUnion.selector, alice));
        vm.prank(alice);
        token.delegateFor(alice, bob);
    }
}

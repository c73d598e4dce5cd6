// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {IUnion} from "../../contracts/src/interfaces/IUnion.sol";
import {Union} from "../../contracts/src/Union.sol";
import {UnionFactory} from "../../contracts/src/UnionFactory.sol";
import {UnionTestBase} from "./utils/UnionTestBase.sol";
import {ERC1271Wallet} from "./utils/ERC1271Wallet.sol";

contract UnionTest is UnionTestBase {
    // ------------------------------------------------------------ initialize

    function test_initialize_makesFounderMemberAndSteward() public view {
        assertTrue(union.isMember(founder));
        assertEq(union.memberCount(), 1);
        assertEq(union.steward(), founder);
        assertEq(union.founder(), founder);
        assertEq(union.token(), address(token));
        assertEq(union.timelock(), address(timelock));
        assertEq(union.name(), "Test Union");
        assertEq(union.charterCid(), CHARTER);
        assertEq(uint8(union.admissionRule()), uint8(IUnion.AdmissionRule.Open));
        assertEq(union.joinGrant(), GRANT);
        assertEq(token.balanceOf(founder), GRANT);
        assertEq(token.getVotes(founder), GRANT);
        assertTrue(union.hasEverJoined(founder));
        assertEq(union.membershipEpoch(founder), 1);
    }

    function test_isTrusted_founderTrustedTimelockAndStrangerNot() public view {
        assertTrue(union.isTrusted(founder));
        assertFalse(union.isTrusted(address(timelock)));
        assertFalse(union.isTrusted(alice));
    }

    function test_isTrusted_endsWhenMemberLeaves() public {
        vm.prank(founder);
        union.leave();
        assertFalse(union.isTrusted(founder));
    }

    function test_initialize_revertWhen_CalledAgain() public {
        Union.InitParams memory p;
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        union.initialize(p);
    }

    function test_initialize_revertWhen_CalledOnImplementation() public {
        Union.InitParams memory p;
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        Union(impls.union).initialize(p);
    }

    // ------------------------------------------------------------ join

    /// @dev Issue 12: joining alone confers no power — no grant, no delegation, no trust.
    function test_join_recordsMemberWithoutGrantVotesOrTrust() public {
        vm.expectEmit(address(union));
        emit Union.MemberJoined(alice, IUnion.JoinPath.Open, address(0), 0);
        _join(alice);
        assertTrue(union.isMember(alice));
        assertFalse(union.isTrusted(alice));
        assertEq(union.memberCount(), 2);
        assertEq(token.balanceOf(alice), 0);
        assertEq(token.delegates(alice), address(0));
        assertEq(token.getVotes(alice), 0);
    }

    function test_vouch_trustsMintsGrantAndDelegatesAtThreshold() public {
        _join(alice);
        vm.expectEmit(address(union));
        emit Union.Vouched(founder, alice, 1);
        vm.expectEmit(address(union));
        emit Union.Trusted(alice, Union.TrustPath.Vouched, GRANT);
        vm.prank(founder);
        union.back(alice);
        assertTrue(union.isTrusted(alice));
        assertTrue(union.isVouching(founder, alice));
        assertEq(token.balanceOf(alice), GRANT);
        assertEq(token.delegates(alice), alice);
        assertEq(token.getVotes(alice), GRANT);
    }

    function test_join_revertWhen_RuleIsNotOpen() public {
        _setRule(IUnion.AdmissionRule.Invite);
        vm.expectRevert(
            abi.encodeWithSelector(
                Union.Union_WrongAdmissionRule.selector, IUnion.AdmissionRule.Invite, IUnion.AdmissionRule.Open
            )
        );
        _join(alice);

        _setRule(IUnion.AdmissionRule.Approval);
        vm.expectRevert(
            abi.encodeWithSelector(
                Union.Union_WrongAdmissionRule.selector, IUnion.AdmissionRule.Approval, IUnion.AdmissionRule.Open
            )
        );
        _join(alice);
    }

    function test_join_revertWhen_AlreadyMember() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_AlreadyMember.selector, founder));
        _join(founder);
    }

    function test_join_givesNoGrantOnRejoin() public {
        _joinTrusted(alice);
        vm.prank(alice);
        union.leave();
        vm.expectEmit(address(union));
        emit Union.MemberJoined(alice, IUnion.JoinPath.Open, address(0), 0);
        _join(alice);
        assertFalse(union.isTrusted(alice), "a rejoin must be vouched for again");
        assertEq(token.balanceOf(alice), GRANT);
        assertEq(union.membershipEpoch(alice), 2);
        assertEq(union.memberCount(), 2);
    }

    function test_join_keepsAnExistingDelegation() public {
        vm.prank(alice);
        token.delegate(bob);
        _joinTrusted(bob);
        _joinTrusted(alice);
        assertEq(token.delegates(alice), bob);
        assertEq(token.getVotes(bob), 2 * GRANT);
    }

    function test_join_mintsNothingWhenGrantIsZero() public {
        _createUnionWithGrant(0);
        uint256 supply = token.totalSupply();
        _joinTrusted(alice);
        assertEq(token.balanceOf(alice), 0);
        assertEq(token.totalSupply(), supply);
        assertEq(token.delegates(alice), alice);
    }

    function test_join_clearsAPendingRequest() public {
        _setRule(IUnion.AdmissionRule.Approval);
        vm.prank(alice);
        union.requestToJoin();
        _setRule(IUnion.AdmissionRule.Open);
        _join(alice);
        assertFalse(union.pendingRequest(alice));
    }

    // ------------------------------------------------------------ joinWithInvite

    function test_joinWithInvite_admitsNamedInvitee() public {
        _setRule(IUnion.AdmissionRule.Invite);
        Union.Invite memory invite = _invite(founder, alice, 7, block.timestamp + 1 days);
        bytes memory sig = _sign(founderKey, invite);
        vm.expectEmit(address(union));
        emit Union.MemberJoined(alice, IUnion.JoinPath.Invite, founder, 0);
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
        assertTrue(union.isMember(alice));
        assertTrue(union.inviteUsed(founder, 7));
        assertFalse(union.inviteUsed(founder, 6));
        assertEq(token.getVotes(alice), GRANT);
    }

    function test_joinWithInvite_admitsAnyoneWithAnOpenInvite() public {
        _setRule(IUnion.AdmissionRule.Invite);
        Union.Invite memory invite = _invite(founder, address(0), 1, block.timestamp);
        bytes memory sig = _sign(founderKey, invite);
        vm.prank(carol);
        union.joinWithInvite(invite, sig, _claim(carol));
        assertTrue(union.isMember(carol));
    }

    function test_joinWithInvite_worksUnderOpenRule() public {
        Union.Invite memory invite = _invite(founder, alice, 1, block.timestamp);
        bytes memory sig = _sign(founderKey, invite);
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
        assertTrue(union.isMember(alice));
    }

    function test_joinWithInvite_acceptsERC1271Inviter() public {
        ERC1271Wallet contractWallet = new ERC1271Wallet(bob);
        contractWallet.execute(address(union), abi.encodeCall(Union.join, ()));
        _setRule(IUnion.AdmissionRule.Invite);
        Union.Invite memory invite = _invite(address(contractWallet), alice, 0, block.timestamp);
        bytes memory sig = _sign(bobKey, invite);
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
        assertTrue(union.isMember(alice));
    }

    function test_joinWithInvite_revertWhen_RuleIsApproval() public {
        _setRule(IUnion.AdmissionRule.Approval);
        Union.Invite memory invite = _invite(founder, alice, 0, block.timestamp);
        bytes memory sig = _sign(founderKey, invite);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_InvitesNotAccepted.selector, IUnion.AdmissionRule.Approval));
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
    }

    function test_joinWithInvite_revertWhen_Expired() public {
        uint256 deadline = block.timestamp + 1 hours;
        Union.Invite memory invite = _invite(founder, alice, 0, deadline);
        bytes memory sig = _sign(founderKey, invite);
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_InviteExpired.selector, deadline, deadline + 1));
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
    }

    function test_joinWithInvite_revertWhen_InviteIsForSomeoneElse() public {
        Union.Invite memory invite = _invite(founder, alice, 0, block.timestamp);
        bytes memory sig = _sign(founderKey, invite);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_InviteNotForCaller.selector, alice, bob));
        vm.prank(bob);
        union.joinWithInvite(invite, sig, _claim(bob));
    }

    function test_joinWithInvite_revertWhen_InviterIsNotMember() public {
        Union.Invite memory invite = _invite(bob, alice, 0, block.timestamp);
        bytes memory sig = _sign(bobKey, invite);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotMember.selector, bob));
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
    }

    function test_joinWithInvite_revertWhen_InviterLeft() public {
        _join(bob);
        Union.Invite memory invite = _invite(bob, alice, 0, block.timestamp);
        bytes memory sig = _sign(bobKey, invite);
        vm.prank(bob);
        union.leave();
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotMember.selector, bob));
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
    }

    function test_joinWithInvite_revertWhen_AlreadyRedeemed() public {
        Union.Invite memory invite = _invite(founder, address(0), 3, block.timestamp);
        bytes memory sig = _sign(founderKey, invite);
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
        vm.expectRevert(abi.encodeWithSelector(Union.Union_InviteUsed.selector, founder, 3));
        vm.prank(bob);
        union.joinWithInvite(invite, sig, _claim(bob));
    }

    function test_joinWithInvite_revertWhen_Revoked() public {
        Union.Invite memory invite = _invite(founder, alice, 3, block.timestamp);
        bytes memory sig = _sign(founderKey, invite);
        vm.prank(founder);
        union.revokeInvite(3);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_InviteUsed.selector, founder, 3));
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
    }

    function test_joinWithInvite_revertWhen_SignatureIsNotInviters() public {
        Union.Invite memory invite = _invite(founder, alice, 0, block.timestamp);
        bytes memory sig = _sign(aliceKey, invite);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_InvalidInviteSignature.selector, founder));
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
    }

    function test_joinWithInvite_revertWhen_SignedForAnotherInvite() public {
        Union.Invite memory invite = _invite(founder, alice, 0, block.timestamp);
        bytes memory sig = _sign(founderKey, invite);
        invite.nonce = 1;
        vm.expectRevert(abi.encodeWithSelector(Union.Union_InvalidInviteSignature.selector, founder));
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
    }

    function test_joinWithInvite_revertWhen_CallerIsMember() public {
        _join(alice);
        Union.Invite memory invite = _invite(founder, alice, 0, block.timestamp);
        bytes memory sig = _sign(founderKey, invite);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_AlreadyMember.selector, alice));
        vm.prank(alice);
        union.joinWithInvite(invite, sig, _claim(alice));
    }

    // ------------------------------------------------------------ revokeInvite

    function test_revokeInvite_marksNonceUsed() public {
        vm.expectEmit(address(union));
        emit Union.InviteRevoked(alice, 300);
        vm.prank(alice);
        union.revokeInvite(300);
        assertTrue(union.inviteUsed(alice, 300));
        assertFalse(union.inviteUsed(alice, 301));
        assertFalse(union.inviteUsed(founder, 300));
    }

    function test_revokeInvite_revertWhen_AlreadyUsed() public {
        vm.startPrank(alice);
        union.revokeInvite(5);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_InviteUsed.selector, alice, 5));
        union.revokeInvite(5);
        vm.stopPrank();
    }

    // ------------------------------------------------------------ requestToJoin / cancelRequest

    function test_requestToJoin_recordsRequest() public {
        _setRule(IUnion.AdmissionRule.Approval);
        vm.expectEmit(address(union));
        emit Union.JoinRequested(alice);
        vm.prank(alice);
        union.requestToJoin();
        assertTrue(union.pendingRequest(alice));
        assertFalse(union.isMember(alice));
    }

    function test_requestToJoin_revertWhen_RuleIsNotApproval() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                Union.Union_WrongAdmissionRule.selector, IUnion.AdmissionRule.Open, IUnion.AdmissionRule.Approval
            )
        );
        vm.prank(alice);
        union.requestToJoin();
    }

    function test_requestToJoin_revertWhen_AlreadyMember() public {
        _setRule(IUnion.AdmissionRule.Approval);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_AlreadyMember.selector, founder));
        vm.prank(founder);
        union.requestToJoin();
    }

    function test_requestToJoin_revertWhen_AlreadyPending() public {
        _setRule(IUnion.AdmissionRule.Approval);
        vm.startPrank(alice);
        union.requestToJoin();
        vm.expectRevert(abi.encodeWithSelector(Union.Union_RequestPending.selector, alice));
        union.requestToJoin();
        vm.stopPrank();
    }

    function test_cancelRequest_clearsRequest() public {
        _setRule(IUnion.AdmissionRule.Approval);
        vm.startPrank(alice);
        union.requestToJoin();
        vm.expectEmit(address(union));
        emit Union.JoinRequestCancelled(alice);
        union.cancelRequest();
        vm.stopPrank();
        assertFalse(union.pendingRequest(alice));
    }

    function test_cancelRequest_revertWhen_NoRequest() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NoPendingRequest.selector, alice));
        vm.prank(alice);
        union.cancelRequest();
    }

    // ------------------------------------------------------------ approve / reject

    function test_approve_admitsApplicant() public {
        _setRule(IUnion.AdmissionRule.Approval);
        vm.prank(alice);
        union.requestToJoin();
        vm.expectEmit(address(union));
        emit Union.MemberJoined(alice, IUnion.JoinPath.Approval, founder, 0);
        vm.prank(founder);
        union.approve(alice);
        assertTrue(union.isMember(alice));
        assertFalse(union.pendingRequest(alice));
        assertTrue(union.isTrusted(alice), "the steward's approval trusts");
        assertEq(token.getVotes(alice), GRANT);
    }

    function test_approve_worksAfterRuleChanged() public {
        _setRule(IUnion.AdmissionRule.Approval);
        vm.prank(alice);
        union.requestToJoin();
        _setRule(IUnion.AdmissionRule.Invite);
        vm.prank(founder);
        union.approve(alice);
        assertTrue(union.isMember(alice));
    }

    function test_approve_revertWhen_CallerIsNotSteward() public {
        _setRule(IUnion.AdmissionRule.Approval);
        vm.prank(alice);
        union.requestToJoin();
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotSteward.selector, bob, founder));
        vm.prank(bob);
        union.approve(alice);
    }

    function test_approve_revertWhen_NoRequest() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NoPendingRequest.selector, alice));
        vm.prank(founder);
        union.approve(alice);
    }

    function test_reject_clearsRequest() public {
        _setRule(IUnion.AdmissionRule.Approval);
        vm.prank(alice);
        union.requestToJoin();
        vm.expectEmit(address(union));
        emit Union.JoinRequestRejected(alice);
        vm.prank(founder);
        union.reject(alice);
        assertFalse(union.pendingRequest(alice));
        assertFalse(union.isMember(alice));
    }

    function test_reject_revertWhen_CallerIsNotSteward() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotSteward.selector, bob, founder));
        vm.prank(bob);
        union.reject(alice);
    }

    function test_reject_revertWhen_NoRequest() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NoPendingRequest.selector, alice));
        vm.prank(founder);
        union.reject(alice);
    }

    // ------------------------------------------------------------ leave

    function test_leave_endsMembershipButKeepsTokens() public {
        _joinTrusted(alice);
        vm.expectEmit(address(union));
        emit Union.MemberLeft(alice);
        vm.prank(alice);
        union.leave();
        assertFalse(union.isMember(alice));
        assertTrue(union.hasEverJoined(alice));
        assertEq(union.memberCount(), 1);
        assertEq(token.balanceOf(alice), GRANT);
        assertFalse(union.isTrusted(alice), "leaving ends trust");
    }

    function test_leave_revertWhen_NotMember() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotMember.selector, alice));
        vm.prank(alice);
        union.leave();
    }

    function test_leave_killsEdgesBothWays() public {
        _join(alice);
        _join(bob);
        vm.prank(alice);
        union.back(bob);
        vm.prank(bob);
        union.back(alice);
        vm.prank(alice);
        union.leave();
        assertFalse(union.isBacking(alice, bob));
        assertFalse(union.isBacking(bob, alice));
        // neither comes back when alice rejoins
        _join(alice);
        assertFalse(union.isBacking(alice, bob));
        assertFalse(union.isBacking(bob, alice));
    }

    // ------------------------------------------------------------ steward powers

    function test_setCharter_updatesCid() public {
        vm.expectEmit(address(union));
        emit Union.CharterUpdated("bafynew");
        vm.prank(founder);
        union.setCharter("bafynew");
        assertEq(union.charterCid(), "bafynew");
    }

    function test_setCharter_revertWhen_CallerIsNotSteward() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotSteward.selector, alice, founder));
        vm.prank(alice);
        union.setCharter("bafynew");
    }

    function test_setAdmissionRule_updatesRule() public {
        vm.expectEmit(address(union));
        emit Union.AdmissionRuleChanged(IUnion.AdmissionRule.Approval);
        _setRule(IUnion.AdmissionRule.Approval);
        assertEq(uint8(union.admissionRule()), uint8(IUnion.AdmissionRule.Approval));
    }

    function test_setAdmissionRule_revertWhen_CallerIsNotSteward() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotSteward.selector, alice, founder));
        vm.prank(alice);
        union.setAdmissionRule(IUnion.AdmissionRule.Invite);
    }

    function test_handOverToGovernance_makesTimelockSteward() public {
        vm.expectEmit(address(union));
        emit Union.StewardChanged(founder, address(timelock));
        vm.prank(founder);
        union.handOverToGovernance();
        assertEq(union.steward(), address(timelock));
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotSteward.selector, founder, address(timelock)));
        vm.prank(founder);
        union.setCharter("bafy");
    }

    function test_handOverToGovernance_revertWhen_CallerIsNotSteward() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotSteward.selector, alice, founder));
        vm.prank(alice);
        union.handOverToGovernance();
    }

    function test_handOverToGovernance_revertWhen_AlreadyGoverned() public {
        vm.prank(founder);
        union.handOverToGovernance();
        vm.expectRevert(abi.encodeWithSelector(Union.Union_AlreadyGoverned.selector, address(timelock)));
        vm.prank(address(timelock));
        union.handOverToGovernance();
    }

    // ------------------------------------------------------------ back / unback

    function test_back_createsLiveEdge() public {
        _join(alice);
        vm.expectEmit(address(union));
        emit Union.Backed(alice, founder, false);
        vm.prank(alice);
        union.back(founder);
        assertTrue(union.isBacking(alice, founder));
        assertFalse(union.isBacking(founder, alice));
    }

    function test_back_revertWhen_CallerIsNotMember() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotMember.selector, alice));
        vm.prank(alice);
        union.back(founder);
    }

    function test_back_revertWhen_BackingSelf() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_SelfBacking.selector, founder));
        vm.prank(founder);
        union.back(founder);
    }

    function test_back_revertWhen_LeaderIsNotMember() public {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotMember.selector, alice));
        vm.prank(founder);
        union.back(alice);
    }

    function test_back_revertWhen_AlreadyBacking() public {
        _join(alice);
        vm.startPrank(alice);
        union.back(founder);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_AlreadyBacking.selector, alice, founder));
        union.back(founder);
        vm.stopPrank();
    }

    function test_back_againAfterRejoin() public {
        _join(alice);
        vm.startPrank(alice);
        union.back(founder);
        union.leave();
        union.join();
        assertFalse(union.isBacking(alice, founder));
        union.back(founder);
        vm.stopPrank();
        assertTrue(union.isBacking(alice, founder));
    }

    function test_unback_removesEdge() public {
        _join(alice);
        vm.startPrank(alice);
        union.back(founder);
        vm.expectEmit(address(union));
        emit Union.Unbacked(alice, founder);
        union.unback(founder);
        vm.stopPrank();
        assertFalse(union.isBacking(alice, founder));
    }

    function test_unback_revertWhen_NotBacking() public {
        _join(alice);
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotBacking.selector, alice, founder));
        vm.prank(alice);
        union.unback(founder);
    }

    function test_unback_revertWhen_LeaderLeft() public {
        _join(alice);
        _join(bob);
        vm.prank(alice);
        union.back(bob);
        vm.prank(bob);
        union.leave();
        vm.expectRevert(abi.encodeWithSelector(Union.Union_NotBacking.selector, alice, bob));
        vm.prank(alice);
        union.unback(bob);
    }

    // ------------------------------------------------------------ views

    function test_hashInvite_isTheEIP712Digest() public view {
        Union.Invite memory invite = _invite(founder, alice, 9, 1234);
        bytes32 domain = _unionDomain();
        bytes32 structHash =
            keccak256(abi.encode(union.INVITE_TYPEHASH(), founder, alice, address(0), uint256(9), uint256(1234)));
        assertEq(union.hashInvite(invite), keccak256(abi.encodePacked("\x19\x01", domain, structHash)));
        (, string memory name, string memory version,, address verifyingContract,,) = union.eip712Domain();
        assertEq(name, "Network Union");
        assertEq(version, "1");
        assertEq(verifyingContract, address(union));
    }

    // ------------------------------------------------------------ helpers

    function _setRule(IUnion.AdmissionRule rule) internal {
        vm.prank(union.steward());
        union.setAdmissionRule(rule);
    }

    function _createUnionWithGrant(uint256 grant) internal {
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.joinGrant = grant;
        _createUnion(p);
    }
}

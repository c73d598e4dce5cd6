// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IUnion} from "../../../contracts/src/interfaces/IUnion.sol";
import {Union} from "../../../contracts/src/Union.sol";
import {UnionTestBase} from "../utils/UnionTestBase.sol";

/// @dev Issue 12: the treasury attacks, step by step, each asserting that the attack now fails.
contract TreasuryTakeoverTest is UnionTestBase {
    uint256 internal constant SYBILS = 30;
    address internal attacker = makeAddr("attacker");

    function setUp() public override {
        super.setUp();
        // honest members: the founder, alice and bob (the founder backs both)
        _join(alice);
        _join(bob);
        vm.startPrank(founder);
        union.back(alice);
        union.back(bob);
        vm.stopPrank();
        vm.warp(block.timestamp + 1);
    }

    function _sybil(uint256 i) internal returns (address) {
        return makeAddr(string.concat("sybil", vm.toString(i)));
    }

    function _drain() internal view returns (address[] memory t, uint256[] memory v, bytes[] memory c) {
        t = new address[](1);
        v = new uint256[](1);
        c = new bytes[](1);
        t[0] = address(token);
        c[0] = abi.encodeCall(IERC20.transfer, (attacker, RESERVE));
    }

    /// @dev Proposes the drain from `proposer`, lets `sybils` vote for and the honest members against, and
    /// returns the proposal's state after the vote.
    function _runDrain(address proposer, address[] memory sybils) internal returns (IGovernor.ProposalState) {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _drain();
        vm.prank(proposer);
        uint256 id = governor.propose(t, v, c, "pay the attacker");
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        for (uint256 i; i < sybils.length; ++i) {
            vm.prank(sybils[i]);
            governor.castVote(id, 1);
        }
        address[3] memory honest = [founder, alice, bob];
        for (uint256 i; i < 3; ++i) {
            vm.prank(honest[i]);
            governor.castVote(id, 0);
        }
        vm.warp(block.timestamp + VOTING_PERIOD);
        IGovernor.ProposalState s = governor.state(id);
        if (s == IGovernor.ProposalState.Succeeded) {
            governor.queue(t, v, c, keccak256("pay the attacker"));
            vm.warp(block.timestamp + TIMELOCK_DELAY);
            governor.execute(t, v, c, keccak256("pay the attacker"));
        }
        return s;
    }

    function test_attack_thirtyFreshAddressesCannotPassProposalAgainstHonestMembers() public {
        address[] memory sybils = new address[](SYBILS);
        for (uint256 i; i < SYBILS; ++i) {
            sybils[i] = _sybil(i);
            _join(sybils[i]);
        }
        // the sybils back each other in a ring: backs from untrusted members vouch for nobody
        for (uint256 i; i < SYBILS; ++i) {
            vm.prank(sybils[i]);
            union.back(sybils[(i + 1) % SYBILS]);
        }
        vm.warp(block.timestamp + 1);
        IGovernor.ProposalState s = _runDrain(sybils[0], sybils);
        assertEq(uint8(s), uint8(IGovernor.ProposalState.Defeated), "defeated");
        assertEq(token.balanceOf(attacker), 0, "attacker got nothing");
        assertEq(token.balanceOf(address(timelock)), RESERVE, "reserve intact");
    }

    function test_attack_memberSelfInvitingCannotPassProposal() public {
        _setRule(IUnion.AdmissionRule.Invite);
        // an invite is one vouch; this union asks for two (the quota is left high so only the rule is tested)
        vm.prank(founder);
        union.setTrustParams(Union.TrustParams({vouchThreshold: 2, inviteQuota: 64, invitePeriod: 30 days}));
        // alice turns attacker: she signs invites to addresses she controls and redeems them
        address[] memory sybils = new address[](SYBILS);
        for (uint256 i; i < SYBILS; ++i) {
            sybils[i] = _sybil(i);
            _redeemSelfInvite(sybils[i], i);
        }
        vm.warp(block.timestamp + 1);
        IGovernor.ProposalState s = _runDrainWithAlice(sybils);
        assertEq(uint8(s), uint8(IGovernor.ProposalState.Defeated), "defeated");
        assertEq(token.balanceOf(attacker), 0, "attacker got nothing");
        assertEq(token.balanceOf(address(timelock)), RESERVE, "reserve intact");
    }

    function test_attack_copiedOpenInviteCannotBeRedeemedByAnotherSender() public {
        _setRule(IUnion.AdmissionRule.Invite);
        // founder hands carol an open invite link; mallory copies it from carol's pending transaction
        Union.Invite memory invite = _invite(founder, address(0), 7, block.timestamp + 1 days);
        bytes memory signature = _sign(founderKey, invite);
        address mallory = makeAddr("mallory");
        // carol's pending transaction carries the link key's claim signed for carol; mallory replays all of it
        bytes memory carolsClaim = _claim(carol);
        _expectCopiedInviteRejected(mallory);
        vm.prank(mallory);
        union.joinWithInvite(invite, signature, carolsClaim);
        assertFalse(union.isMember(mallory), "mallory not in");
        vm.prank(carol);
        union.joinWithInvite(invite, signature, carolsClaim);
        assertTrue(union.isMember(carol), "carol in");
    }

    function test_attack_timelockJoiningLeavesQuorumReachable() public {
        // a proposal makes the timelock join the union
        (address[] memory t, uint256[] memory v, bytes[] memory c) =
            _call(address(union), abi.encodeCall(Union.join, ()));
        uint256 id = _proposeAndPassHonestly(t, v, c, "timelock joins");
        governor.queue(t, v, c, keccak256("timelock joins"));
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        try governor.execute(t, v, c, keccak256("timelock joins")) {} catch {}
        id;
        assertEq(token.delegates(address(timelock)), address(0), "treasury never delegates");
        vm.warp(block.timestamp + 1);
        // every honest member can still pass a proposal
        (t, v, c) = _call(address(token), abi.encodeCall(IERC20.transfer, (carol, 1e18)));
        uint256 id2 = _proposeAndPassHonestly(t, v, c, "pay carol");
        assertEq(uint8(governor.state(id2)), uint8(IGovernor.ProposalState.Succeeded), "quorum reachable");
    }

    // ------------------------------------------------------------ helpers

    function _call(address target, bytes memory data)
        internal
        pure
        returns (address[] memory t, uint256[] memory v, bytes[] memory c)
    {
        t = new address[](1);
        v = new uint256[](1);
        c = new bytes[](1);
        t[0] = target;
        c[0] = data;
    }

    function _proposeAndPassHonestly(address[] memory t, uint256[] memory v, bytes[] memory c, string memory d)
        internal
        returns (uint256 id)
    {
        vm.prank(alice);
        id = governor.propose(t, v, c, d);
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        address[3] memory honest = [founder, alice, bob];
        for (uint256 i; i < 3; ++i) {
            vm.prank(honest[i]);
            governor.castVote(id, 1);
        }
        vm.warp(block.timestamp + VOTING_PERIOD);
    }

    function _runDrainWithAlice(address[] memory sybils) internal returns (IGovernor.ProposalState s) {
        // alice proposes; the honest founder and bob vote against, alice and her invitees for
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _drain();
        vm.prank(alice);
        uint256 id = governor.propose(t, v, c, "pay the attacker");
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        for (uint256 i; i < sybils.length; ++i) {
            vm.prank(sybils[i]);
            governor.castVote(id, 1);
        }
        vm.prank(alice);
        governor.castVote(id, 1);
        vm.prank(founder);
        governor.castVote(id, 0);
        vm.prank(bob);
        governor.castVote(id, 0);
        vm.warp(block.timestamp + VOTING_PERIOD);
        s = governor.state(id);
        if (s == IGovernor.ProposalState.Succeeded) {
            governor.queue(t, v, c, keccak256("pay the attacker"));
            vm.warp(block.timestamp + TIMELOCK_DELAY);
            governor.execute(t, v, c, keccak256("pay the attacker"));
        }
    }

    function _redeemSelfInvite(address sybil, uint256 nonce) internal {
        Union.Invite memory invite = _invite(alice, sybil, nonce, block.timestamp + 1 days);
        bytes memory signature = _sign(aliceKey, invite);
        vm.prank(sybil);
        union.joinWithInvite(invite, signature, "");
    }

    function _expectCopiedInviteRejected(address mallory) internal {
        vm.expectRevert(abi.encodeWithSelector(Union.Union_InvalidClaim.selector, claimer, mallory));
    }

    function _setRule(IUnion.AdmissionRule rule) internal {
        vm.prank(founder);
        union.setAdmissionRule(rule);
    }
}

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
        return _one(address(token), abi.encodeCall(IERC20.transfer, (attacker, RESERVE)));
    }

    /// @dev Proposes the drain from `proposer`, lets `sybils` vote for and founder, alice and bob cast `honest`,
    /// runs it if it passed, and returns the state the proposal ends in.
    function _runDrain(address proposer, address[] memory sybils, uint8[3] memory honest)
        internal
        returns (IGovernor.ProposalState)
    {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _drain();
        uint256 id = _proposeAndVote(proposer, t, v, c, "pay the attacker", sybils, honest);
        return _executeIfPassed(id, t, v, c, "pay the attacker");
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
        IGovernor.ProposalState s = _runDrain(sybils[0], sybils, [AGAINST, AGAINST, AGAINST]);
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
        // alice proposes; the honest founder and bob vote against, alice and her invitees for
        IGovernor.ProposalState s = _runDrain(alice, sybils, [AGAINST, FOR, AGAINST]);
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
            _one(address(union), abi.encodeCall(Union.join, ()));
        uint256 id = _proposeAndVote(t, v, c, "timelock joins", [FOR, FOR, FOR]);
        governor.queue(t, v, c, keccak256("timelock joins"));
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        try governor.execute(t, v, c, keccak256("timelock joins")) {} catch {}
        id;
        assertEq(token.delegates(address(timelock)), address(0), "treasury never delegates");
        vm.warp(block.timestamp + 1);
        // every honest member can still pass a proposal
        (t, v, c) = _one(address(token), abi.encodeCall(IERC20.transfer, (carol, 1e18)));
        uint256 id2 = _proposeAndVote(t, v, c, "pay carol", [FOR, FOR, FOR]);
        assertEq(uint8(governor.state(id2)), uint8(IGovernor.ProposalState.Succeeded), "quorum reachable");
    }

    // ------------------------------------------------------------ helpers

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

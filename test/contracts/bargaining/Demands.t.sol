// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IDemands} from "../../../contracts/src/bargaining/IDemands.sol";
import {ERC1271Wallet} from "../utils/ERC1271Wallet.sol";
import {DemandsTestBase} from "./DemandsTestBase.sol";

contract DemandsTest is DemandsTestBase {
    address internal relayer = makeAddr("relayer");

    // ---------------------------------------------------------------- create

    function test_create_recordsTheDemand() public {
        uint48 deadline = uint48(block.timestamp + 30 days);
        vm.expectEmit(address(demands));
        emit IDemands.DemandCreated(1, address(union), founder, TEXT, TARGET, 2, deadline);
        uint256 id = _create(2);
        assertEq(id, 1);
        IDemands.Demand memory d = demands.getDemand(id);
        assertEq(d.union, address(union));
        assertEq(d.creator, founder);
        assertEq(d.threshold, 2);
        assertEq(d.textCid, TEXT);
        assertEq(d.target, TARGET);
        assertEq(uint8(demands.stateOf(id)), uint8(IDemands.DemandState.Open));
    }

    function test_create_revertWhen_NotMember() public {
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_NotMember.selector, address(union), carol));
        demands.create(address(union), TEXT, TARGET, 2, uint48(block.timestamp + 1 days));
    }

    function test_create_revertWhen_UnknownUnion() public {
        vm.prank(founder);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_UnknownUnion.selector, carol));
        demands.create(carol, TEXT, TARGET, 2, uint48(block.timestamp + 1 days));
    }

    function test_create_revertWhen_BadInput() public {
        vm.startPrank(founder);
        vm.expectRevert(IDemands.Demands_ZeroThreshold.selector);
        demands.create(address(union), TEXT, TARGET, 0, uint48(block.timestamp + 1 days));
        vm.expectRevert(IDemands.Demands_EmptyText.selector);
        demands.create(address(union), "", TARGET, 1, uint48(block.timestamp + 1 days));
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_BadDeadline.selector, block.timestamp, block.timestamp));
        demands.create(address(union), TEXT, TARGET, 1, uint48(block.timestamp));
        uint256 far = block.timestamp + 366 days;
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_BadDeadline.selector, far, block.timestamp));
        demands.create(address(union), TEXT, TARGET, 1, uint48(far));
        vm.stopPrank();
    }

    // ---------------------------------------------------------------- commit

    function test_commit_byRelayer_countsTheMember() public {
        uint256 id = _create(2);
        bytes memory sig = _signCommitment(aliceKey, id);
        vm.expectEmit(address(demands));
        emit IDemands.Committed(id, alice, relayer, 0, sig, 1);
        vm.prank(relayer);
        demands.commit(id, alice, sig);
        assertTrue(demands.isCommitted(id, alice));
        assertEq(demands.getDemand(id).commitments, 1);
    }

    function test_commit_digestMatchesContract() public {
        uint256 id = _create(2);
        assertEq(demands.hashCommitment(id, alice), _digest(id, alice, TEXT, 0));
    }

    function test_commit_reachingThresholdDoesNotActivate() public {
        uint256 id = _create(2);
        _commit(aliceKey, id);
        _commit(bobKey, id);
        assertEq(demands.getDemand(id).commitments, 2);
        assertEq(uint8(demands.stateOf(id)), uint8(IDemands.DemandState.Open));
    }

    function test_activate_withThresholdTrustedCommitters() public {
        uint256 id = _create(2);
        _commit(aliceKey, id);
        _commit(bobKey, id);
        vm.expectEmit(address(demands));
        emit IDemands.DemandActivated(id, address(union), 2);
        vm.prank(relayer); // anyone
        _activate(id, _pair(alice, bob));
        assertEq(uint8(demands.stateOf(id)), uint8(IDemands.DemandState.Active));
        assertEq(demands.getDemand(id).activatedBlock, block.number);
        // once active, nobody else can join in and nobody can withdraw
        bytes memory late = _signCommitment(founderKey, id);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_AlreadyActive.selector, id));
        demands.commit(id, founder, late);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_AlreadyActive.selector, id));
        demands.withdraw(id);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_AlreadyActive.selector, id));
        _activate(id, _pair(alice, bob));
    }

    function test_activate_skipsLiveCommitmentsOfPeopleWhoLeft() public {
        uint256 id = _create(2);
        _commit(aliceKey, id);
        _commit(bobKey, id);
        _commit(founderKey, id);
        vm.prank(alice);
        union.leave();
        _activate(id, _pair(bob, founder));
        assertEq(uint8(demands.stateOf(id)), uint8(IDemands.DemandState.Active));
    }

    function test_activate_revertWhen_CommitterLeft() public {
        uint256 id = _create(2);
        _commit(aliceKey, id);
        _commit(bobKey, id);
        vm.prank(alice);
        union.leave();
        address[] memory committers = _sorted(_pair(alice, bob));
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_NotTrusted.selector, address(union), alice));
        demands.activate(id, committers);
    }

    function test_activate_revertWhen_NotCommitted() public {
        uint256 id = _create(2);
        _commit(aliceKey, id);
        address[] memory committers = _sorted(_pair(alice, bob));
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_NotCommitted.selector, id, bob));
        demands.activate(id, committers);
    }

    function test_activate_revertWhen_WrongCount() public {
        uint256 id = _create(2);
        _commit(aliceKey, id);
        _commit(bobKey, id);
        address[] memory one = new address[](1);
        one[0] = alice;
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_WrongCommitterCount.selector, id, 1, 2));
        demands.activate(id, one);
    }

    function test_activate_revertWhen_CommitterRepeated() public {
        uint256 id = _create(2);
        _commit(aliceKey, id);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_CommittersNotAscending.selector, id, alice));
        demands.activate(id, _pair(alice, alice));
    }

    function test_activate_revertWhen_NotAscending() public {
        uint256 id = _create(2);
        _commit(aliceKey, id);
        _commit(bobKey, id);
        address[] memory committers = _sorted(_pair(alice, bob));
        (committers[0], committers[1]) = (committers[1], committers[0]);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_CommittersNotAscending.selector, id, committers[1]));
        demands.activate(id, committers);
    }

    function test_activate_revertWhen_Expired() public {
        uint256 id = _create(2);
        _commit(aliceKey, id);
        _commit(bobKey, id);
        vm.warp(block.timestamp + 30 days + 1);
        address[] memory committers = _sorted(_pair(alice, bob));
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_Expired.selector, id, demands.getDemand(id).deadline));
        demands.activate(id, committers);
    }

    function test_commit_revertWhen_NotMember() public {
        uint256 id = _create(2);
        (address stranger, uint256 key) = makeAddrAndKey("stranger");
        bytes memory sig = _signCommitment(key, id);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_NotTrusted.selector, address(union), stranger));
        demands.commit(id, stranger, sig);
    }

    function test_commit_revertWhen_MemberNotTrusted() public {
        uint256 id = _create(2);
        (address free, uint256 key) = makeAddrAndKey("free");
        _join(free); // the Open rule: a member, not trusted
        bytes memory sig = _signCommitment(key, id);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_NotTrusted.selector, address(union), free));
        demands.commit(id, free, sig);
    }

    function test_create_revertWhen_ThresholdTooHigh() public {
        uint32 max = demands.MAX_THRESHOLD();
        vm.prank(founder);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_ThresholdTooHigh.selector, max + 1, max));
        demands.create(address(union), TEXT, TARGET, max + 1, uint48(block.timestamp + 1 days));
    }

    function test_commit_revertWhen_SignedByAnother() public {
        uint256 id = _create(2);
        bytes memory bobSig = _signCommitment(bobKey, id);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_InvalidSignature.selector, id, alice));
        demands.commit(id, alice, bobSig);
    }

    function test_commit_revertWhen_SignedOverOtherText() public {
        uint256 id = _create(2);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, _digest(id, alice, "bafyother", 0));
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_InvalidSignature.selector, id, alice));
        demands.commit(id, alice, abi.encodePacked(r, s, v));
    }

    function test_commit_revertWhen_Twice() public {
        uint256 id = _create(3);
        bytes memory sig = _signCommitment(aliceKey, id);
        demands.commit(id, alice, sig);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_AlreadyCommitted.selector, id, alice));
        demands.commit(id, alice, sig);
    }

    function test_commit_revertWhen_Expired() public {
        uint256 id = _create(2);
        vm.warp(block.timestamp + 30 days + 1);
        assertEq(uint8(demands.stateOf(id)), uint8(IDemands.DemandState.Expired));
        bytes memory sig = _signCommitment(aliceKey, id);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_Expired.selector, id, demands.getDemand(id).deadline));
        demands.commit(id, alice, sig);
    }

    function test_commit_revertWhen_UnknownDemand() public {
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_UnknownDemand.selector, 7));
        demands.commit(7, alice, "");
    }

    function test_commit_acceptsContractWalletMembers() public {
        ERC1271Wallet w = new ERC1271Wallet(alice);
        _joinTrusted(address(w));
        uint256 id = _create(2);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, _digest(id, address(w), TEXT, 0));
        demands.commit(id, address(w), abi.encodePacked(r, s, v));
        assertTrue(demands.isCommitted(id, address(w)));
    }

    // ---------------------------------------------------------------- withdraw / prune

    function test_withdraw_beforeThreshold_andOldSignatureCannotBeReplayed() public {
        uint256 id = _create(2);
        bytes memory sig = _signCommitment(aliceKey, id);
        demands.commit(id, alice, sig);
        vm.expectEmit(address(demands));
        emit IDemands.CommitmentWithdrawn(id, alice, false, 0);
        vm.prank(alice);
        demands.withdraw(id);
        assertFalse(demands.isCommitted(id, alice));
        assertEq(demands.nonceOf(id, alice), 1);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_InvalidSignature.selector, id, alice));
        demands.commit(id, alice, sig);
        // a fresh signature over the new nonce works
        _commit(aliceKey, id);
        assertTrue(demands.isCommitted(id, alice));
    }

    function test_withdraw_revertWhen_NotCommitted() public {
        uint256 id = _create(2);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_NotCommitted.selector, id, alice));
        demands.withdraw(id);
    }

    function test_prune_removesFormerMember() public {
        uint256 id = _create(2);
        _commit(aliceKey, id);
        vm.prank(relayer);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_StillTrusted.selector, address(union), alice));
        demands.prune(id, alice);
        vm.prank(alice);
        union.leave();
        vm.expectEmit(address(demands));
        emit IDemands.CommitmentWithdrawn(id, alice, true, 0);
        vm.prank(relayer);
        demands.prune(id, alice);
        assertEq(demands.getDemand(id).commitments, 0);
    }

    // ---------------------------------------------------------------- fuzz

    /// forge-config: default.fuzz.runs = 64
    function testFuzz_activatesExactlyAtThreshold(uint8 members, uint8 threshold) public {
        uint256 n = bound(members, 1, 12);
        uint32 t = uint32(bound(threshold, 1, n));
        uint256 id = _create(t);
        address[] memory committed = new address[](t);
        for (uint256 i; i < n; ++i) {
            (address m, uint256 key) = makeAddrAndKey(string.concat("m", vm.toString(i)));
            _joinTrusted(m);
            if (i < t) {
                _commit(key, id);
                committed[i] = m;
                assertEq(uint8(demands.stateOf(id)), uint8(IDemands.DemandState.Open));
                if (i + 1 == t) {
                    _activate(id, committed);
                    assertEq(uint8(demands.stateOf(id)), uint8(IDemands.DemandState.Active));
                }
            } else {
                bytes memory sig = _signCommitment(key, id);
                vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_AlreadyActive.selector, id));
                demands.commit(id, m, sig);
            }
        }
        assertEq(demands.getDemand(id).commitments, t);
    }

    // ---------------------------------------------------------------- regression (issue 12)

    /// @dev The attack step by step: alice and bob commit to a demand of threshold 3, alice leaves the union,
    /// and founder's commitment brings the live count to 3 without anyone pruning alice. Before the fix that
    /// commit activated the demand, counting someone who was no longer a member. Now committing never
    /// activates, and activation refuses a departed committer.
    function test_regression_demandDoesNotActivateCountingDepartedMembers() public {
        uint256 id = _create(3);
        _commit(aliceKey, id);
        _commit(bobKey, id);
        vm.prank(alice);
        union.leave();
        _commit(founderKey, id);
        assertEq(uint8(demands.stateOf(id)), uint8(IDemands.DemandState.Open), "activated counting a departed member");
        assertEq(demands.getDemand(id).activatedBlock, 0);
        // activation refuses the departed committer
        address[] memory committers = new address[](3);
        committers[0] = alice;
        committers[1] = bob;
        committers[2] = founder;
        committers = _sorted(committers);
        vm.expectRevert(abi.encodeWithSelector(IDemands.Demands_NotTrusted.selector, address(union), alice));
        demands.activate(id, committers);
        // a third trusted member still in the union makes it
        (address dora, uint256 doraKey) = makeAddrAndKey("dora");
        _joinTrusted(dora);
        _commit(doraKey, id);
        committers[0] = bob;
        committers[1] = founder;
        committers[2] = dora;
        _activate(id, committers);
        assertEq(uint8(demands.stateOf(id)), uint8(IDemands.DemandState.Active));
    }

    function _pair(address a, address b) internal pure returns (address[] memory pair) {
        pair = new address[](2);
        pair[0] = a;
        pair[1] = b;
    }

    /// forge-config: default.fuzz.runs = 64
    function testFuzz_commit_revertWhen_SignatureTampered(uint256 flip) public {
        uint256 id = _create(2);
        bytes memory sig = _signCommitment(aliceKey, id);
        uint256 i = bound(flip, 0, 63);
        sig[i] = bytes1(uint8(sig[i]) ^ 0x01);
        vm.expectRevert();
        demands.commit(id, alice, sig);
        assertFalse(demands.isCommitted(id, alice));
    }
}

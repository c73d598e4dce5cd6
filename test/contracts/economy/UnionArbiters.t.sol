// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IUnionArbiters} from "../../../contracts/src/economy/IUnionArbiters.sol";
import {EconomyTestBase} from "./EconomyTestBase.sol";

contract UnionArbitersTest is EconomyTestBase {
    // ---------------------------------------------------------------- appoint

    function test_appoint_addsMemberAndEmits() public {
        vm.expectEmit(address(arbiters));
        emit IUnionArbiters.ArbiterAppointed(address(union), alice);
        vm.prank(founder);
        arbiters.appoint(address(union), alice);
        assertTrue(arbiters.isArbiter(address(union), alice));
        assertEq(arbiters.arbiterCount(address(union)), 5);
        assertEq(arbiters.arbitersOf(address(union))[4], alice);
    }

    function test_appoint_revertWhen_CallerIsNotSteward() public {
        vm.expectRevert(
            abi.encodeWithSelector(IUnionArbiters.UnionArbiters_NotSteward.selector, address(union), alice, founder)
        );
        vm.prank(alice);
        arbiters.appoint(address(union), alice);
    }

    function test_appoint_revertWhen_UnionUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(IUnionArbiters.UnionArbiters_UnknownUnion.selector, address(this)));
        arbiters.appoint(address(this), alice);
    }

    function test_appoint_revertWhen_NotMember() public {
        vm.expectRevert(
            abi.encodeWithSelector(IUnionArbiters.UnionArbiters_NotMember.selector, address(union), outsider)
        );
        vm.prank(founder);
        arbiters.appoint(address(union), outsider);
    }

    function test_appoint_revertWhen_AlreadyArbiter() public {
        vm.expectRevert(
            abi.encodeWithSelector(IUnionArbiters.UnionArbiters_AlreadyArbiter.selector, address(union), arb1)
        );
        vm.prank(founder);
        arbiters.appoint(address(union), arb1);
    }

    function test_appoint_revertWhen_TooManyArbiters() public {
        uint256 max = arbiters.MAX_ARBITERS();
        for (uint256 i = 4; i < max; ++i) {
            address a = makeAddr(string.concat("extra", vm.toString(i)));
            _join(a);
            vm.prank(founder);
            arbiters.appoint(address(union), a);
        }
        vm.expectRevert(
            abi.encodeWithSelector(IUnionArbiters.UnionArbiters_TooManyArbiters.selector, address(union), max)
        );
        vm.prank(founder);
        arbiters.appoint(address(union), alice);
    }

    function test_appoint_byTimelock_afterHandOver() public {
        vm.prank(founder);
        union.handOverToGovernance();
        vm.expectRevert(
            abi.encodeWithSelector(
                IUnionArbiters.UnionArbiters_NotSteward.selector, address(union), founder, address(timelock)
            )
        );
        vm.prank(founder);
        arbiters.appoint(address(union), alice);
        vm.prank(address(timelock));
        arbiters.appoint(address(union), alice);
        assertTrue(arbiters.isArbiter(address(union), alice));
    }

    // ---------------------------------------------------------------- remove / resign / prune

    function test_remove_swapsLastIntoPlaceAndEmits() public {
        vm.expectEmit(address(arbiters));
        emit IUnionArbiters.ArbiterRemoved(address(union), arb1);
        vm.prank(founder);
        arbiters.remove(address(union), arb1);
        address[] memory list = arbiters.arbitersOf(address(union));
        assertEq(list.length, 3);
        assertEq(list[0], arb4);
        assertFalse(arbiters.isArbiter(address(union), arb1));
        // the moved arbiter can still be removed from its new position
        vm.prank(founder);
        arbiters.remove(address(union), arb4);
        list = arbiters.arbitersOf(address(union));
        assertEq(list.length, 2);
        assertEq(list[0], arb3);
        assertEq(list[1], arb2);
    }

    function test_remove_lastArbiter() public {
        vm.prank(founder);
        arbiters.remove(address(union), arb4);
        assertEq(arbiters.arbiterCount(address(union)), 3);
        assertFalse(arbiters.isArbiter(address(union), arb4));
    }

    function test_remove_revertWhen_CallerIsNotSteward() public {
        vm.expectRevert(
            abi.encodeWithSelector(IUnionArbiters.UnionArbiters_NotSteward.selector, address(union), arb2, founder)
        );
        vm.prank(arb2);
        arbiters.remove(address(union), arb1);
    }

    function test_remove_revertWhen_NotArbiter() public {
        vm.expectRevert(abi.encodeWithSelector(IUnionArbiters.UnionArbiters_NotArbiter.selector, address(union), alice));
        vm.prank(founder);
        arbiters.remove(address(union), alice);
    }

    function test_resign_removesCaller() public {
        vm.prank(arb2);
        arbiters.resign(address(union));
        assertFalse(arbiters.isArbiter(address(union), arb2));
        assertEq(arbiters.arbiterCount(address(union)), 3);
    }

    function test_resign_revertWhen_NotArbiter() public {
        vm.expectRevert(abi.encodeWithSelector(IUnionArbiters.UnionArbiters_NotArbiter.selector, address(union), alice));
        vm.prank(alice);
        arbiters.resign(address(union));
    }

    function test_isArbiter_falseAfterLeaving_trueAfterRejoin() public {
        vm.prank(arb1);
        union.leave();
        assertFalse(arbiters.isArbiter(address(union), arb1));
        _join(arb1);
        assertTrue(arbiters.isArbiter(address(union), arb1));
    }

    function test_removeFormerMember_byAnyone() public {
        vm.prank(arb1);
        union.leave();
        vm.prank(outsider);
        arbiters.removeFormerMember(address(union), arb1);
        assertEq(arbiters.arbiterCount(address(union)), 3);
    }

    function test_removeFormerMember_revertWhen_StillMember() public {
        vm.expectRevert(abi.encodeWithSelector(IUnionArbiters.UnionArbiters_StillMember.selector, address(union), arb1));
        arbiters.removeFormerMember(address(union), arb1);
    }

    // ---------------------------------------------------------------- drawPanel

    function test_drawPanel_threeDistinctEligibleArbiters() public view {
        for (uint256 seed; seed < 20; ++seed) {
            address[3] memory panel = arbiters.drawPanel(address(union), arb1, alice, seed);
            for (uint256 i; i < 3; ++i) {
                assertTrue(panel[i] != arb1 && panel[i] != alice && panel[i] != address(0));
                for (uint256 j = i + 1; j < 3; ++j) {
                    assertTrue(panel[i] != panel[j]);
                }
            }
        }
    }

    function test_drawPanel_isDeterministicInSeed() public view {
        address[3] memory a = arbiters.drawPanel(address(union), alice, bob, 42);
        address[3] memory b = arbiters.drawPanel(address(union), alice, bob, 42);
        assertEq(keccak256(abi.encode(a)), keccak256(abi.encode(b)));
    }

    function test_drawPanel_variesWithSeed() public view {
        bool varied;
        address[3] memory first = arbiters.drawPanel(address(union), alice, bob, 0);
        for (uint256 seed = 1; seed < 10 && !varied; ++seed) {
            address[3] memory other = arbiters.drawPanel(address(union), alice, bob, seed);
            varied = keccak256(abi.encode(first)) != keccak256(abi.encode(other));
        }
        assertTrue(varied);
    }

    function test_drawPanel_skipsArbitersWhoLeft() public {
        vm.prank(arb2);
        union.leave();
        for (uint256 seed; seed < 10; ++seed) {
            address[3] memory panel = arbiters.drawPanel(address(union), alice, bob, seed);
            for (uint256 i; i < 3; ++i) {
                assertTrue(panel[i] != arb2);
            }
        }
    }

    function test_drawPanel_revertWhen_FewerThanThreeEligible() public {
        vm.expectRevert(
            abi.encodeWithSelector(IUnionArbiters.UnionArbiters_NotEnoughArbiters.selector, address(union), 2, 3)
        );
        arbiters.drawPanel(address(union), arb1, arb2, 7);
    }

    function test_drawPanel_revertWhen_NoArbiters() public {
        vm.expectRevert(
            abi.encodeWithSelector(IUnionArbiters.UnionArbiters_NotEnoughArbiters.selector, address(this), 0, 3)
        );
        arbiters.drawPanel(address(this), alice, bob, 7);
    }
}

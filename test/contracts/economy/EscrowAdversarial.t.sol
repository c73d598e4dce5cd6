// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IUnionRegistry} from "../../../contracts/src/economy/IUnionRegistry.sol";
import {UnionArbiters} from "../../../contracts/src/economy/UnionArbiters.sol";
import {Escrow} from "../../../contracts/src/economy/Escrow.sol";
import {IEscrow} from "../../../contracts/src/economy/IEscrow.sol";
import {MockUnion, MockRegistry} from "./mocks/MockUnion.sol";
import {HookToken} from "./mocks/HookToken.sol";
import {FalseToken} from "./mocks/FalseToken.sol";
import {MaliciousProvider} from "./mocks/MaliciousProvider.sol";

/// @dev Escrow against tokens a real union never has: a token that calls recipients back (so a malicious
/// provider can revert or re-enter) and a token that returns false instead of reverting.
contract EscrowAdversarialTest is Test {
    MockRegistry internal registry;
    UnionArbiters internal arbiters;
    Escrow internal escrow;
    HookToken internal hookToken;
    FalseToken internal falseToken;
    MockUnion internal hookUnion;
    MockUnion internal falseUnion;
    MaliciousProvider internal provider;

    address internal client = makeAddr("client");
    address internal steward = makeAddr("steward");
    address internal treasury = makeAddr("treasury");

    uint128 internal constant A0 = 40e18;
    uint128 internal constant A1 = 60e18;

    function setUp() public {
        registry = new MockRegistry();
        arbiters = new UnionArbiters(IUnionRegistry(address(registry)));
        escrow = new Escrow(IUnionRegistry(address(registry)), arbiters);
        hookToken = new HookToken();
        falseToken = new FalseToken();
        hookUnion = new MockUnion(steward, address(hookToken), treasury);
        falseUnion = new MockUnion(steward, address(falseToken), treasury);
        registry.add(address(hookUnion));
        registry.add(address(falseUnion));
        provider = new MaliciousProvider(escrow);
        hookUnion.setMember(client, true);
        hookUnion.setMember(address(provider), true);
        falseUnion.setMember(client, true);
        falseUnion.setMember(address(provider), true);
    }

    function _params(address union) internal view returns (IEscrow.DealParams memory p) {
        IEscrow.MilestoneInput[] memory ms = new IEscrow.MilestoneInput[](2);
        ms[0] = IEscrow.MilestoneInput({amount: A0, due: uint48(block.timestamp + 10 days), descriptionCid: ""});
        ms[1] = IEscrow.MilestoneInput({amount: A1, due: uint48(block.timestamp + 20 days), descriptionCid: ""});
        p = IEscrow.DealParams({
            union: union,
            provider: address(provider),
            listing: "l",
            acceptBy: uint48(block.timestamp + 1 days),
            reviewPeriod: 2 days,
            milestones: ms
        });
    }

    /// @dev Hook-token deal with the malicious provider; milestone 0 released to it, milestone 1 refunded
    /// to the client after its due date.
    function _settledHookDeal(MaliciousProvider.Mode mode) internal returns (uint256 id) {
        provider.setMode(mode, address(hookToken));
        hookToken.mint(client, uint256(A0) + A1);
        vm.startPrank(client);
        hookToken.approve(address(escrow), type(uint256).max);
        id = escrow.openDeal(_params(address(hookUnion)));
        vm.stopPrank();
        provider.accept(id);
        vm.prank(client);
        escrow.release(id, 0);
        vm.warp(block.timestamp + 21 days);
        vm.prank(client);
        escrow.refundOverdue(id, 1);
    }

    function test_withdraw_providerRevertingOnReceive_blocksOnlyItself() public {
        _settledHookDeal(MaliciousProvider.Mode.RevertOnReceive);
        vm.expectRevert(bytes("no thanks"));
        provider.withdraw();
        // its credit survives the failed attempt, and the client is unaffected
        assertEq(escrow.withdrawable(address(hookToken), address(provider)), A0);
        vm.prank(client);
        escrow.withdraw(address(hookToken));
        assertEq(hookToken.balanceOf(client), A1);
        assertEq(hookToken.balanceOf(address(escrow)), A0);
        // once it stops reverting, it gets exactly its credit
        provider.setMode(MaliciousProvider.Mode.Honest, address(hookToken));
        provider.withdraw();
        assertEq(hookToken.balanceOf(address(provider)), A0);
        assertEq(hookToken.balanceOf(address(escrow)), 0);
    }

    function test_withdraw_reentrantProvider_cannotDoubleTake() public {
        uint256 first = _settledHookDeal(MaliciousProvider.Mode.Reenter);
        // a second deal keeps other funds in the escrow that a double take would steal
        hookToken.mint(client, uint256(A0) + A1);
        vm.prank(client);
        uint256 second = escrow.openDeal(_params(address(hookUnion)));
        assertTrue(second != first);
        provider.withdraw();
        assertEq(provider.reentryAttempts(), 1);
        assertEq(
            provider.reentryError(),
            abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
        );
        assertEq(hookToken.balanceOf(address(provider)), A0);
        assertEq(escrow.withdrawable(address(hookToken), address(provider)), 0);
        // escrow still holds the client's refund and the whole second deal
        assertEq(hookToken.balanceOf(address(escrow)), uint256(A1) + A0 + A1);
    }

    function test_release_toRevertingProvider_stillSucceeds() public {
        provider.setMode(MaliciousProvider.Mode.RevertOnReceive, address(hookToken));
        hookToken.mint(client, uint256(A0) + A1);
        vm.startPrank(client);
        hookToken.approve(address(escrow), type(uint256).max);
        uint256 id = escrow.openDeal(_params(address(hookUnion)));
        vm.stopPrank();
        provider.accept(id);
        vm.prank(client);
        escrow.release(id, 0); // no transfer happens here, so the provider cannot block it
        assertEq(escrow.withdrawable(address(hookToken), address(provider)), A0);
    }

    function test_openDeal_revertWhen_TokenReturnsFalse() public {
        falseToken.mint(client, uint256(A0) + A1);
        vm.prank(client);
        falseToken.approve(address(escrow), type(uint256).max);
        falseToken.setFailing(true);
        vm.expectRevert(abi.encodeWithSelector(SafeERC20.SafeERC20FailedOperation.selector, address(falseToken)));
        vm.prank(client);
        escrow.openDeal(_params(address(falseUnion)));
        assertEq(escrow.dealCount(), 0);
        assertEq(falseToken.balanceOf(address(escrow)), 0);
    }

    function test_withdraw_revertWhen_TokenReturnsFalse_keepsCredit() public {
        falseToken.mint(client, uint256(A0) + A1);
        vm.startPrank(client);
        falseToken.approve(address(escrow), type(uint256).max);
        uint256 id = escrow.openDeal(_params(address(falseUnion)));
        vm.stopPrank();
        provider.accept(id);
        vm.prank(client);
        escrow.release(id, 0);
        provider.setMode(MaliciousProvider.Mode.Honest, address(falseToken));
        falseToken.setFailing(true);
        vm.expectRevert(abi.encodeWithSelector(SafeERC20.SafeERC20FailedOperation.selector, address(falseToken)));
        provider.withdraw();
        assertEq(escrow.withdrawable(address(falseToken), address(provider)), A0);
        falseToken.setFailing(false);
        provider.withdraw();
        assertEq(falseToken.balanceOf(address(provider)), A0);
    }
}

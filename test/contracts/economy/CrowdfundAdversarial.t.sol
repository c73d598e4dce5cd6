// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Crowdfund} from "../../../contracts/src/economy/Crowdfund.sol";
import {ICrowdfund} from "../../../contracts/src/economy/ICrowdfund.sol";
import {IUnionRegistry} from "../../../contracts/src/economy/IUnionRegistry.sol";
import {MockUnion, MockRegistry} from "./mocks/MockUnion.sol";
import {FalseToken} from "./mocks/FalseToken.sol";
import {HookToken, ITokenReceiver} from "./mocks/HookToken.sol";
import {FeeToken} from "./mocks/FeeToken.sol";

/// @dev A pledger contract that, when the refund reaches it, tries to take it again.
contract ReentrantPledger is ITokenReceiver {
    Crowdfund public immutable crowdfund;
    HookToken public immutable token;
    uint256 public campaignId;
    bool public reentered;
    bool public reentryFailed;

    constructor(Crowdfund crowdfund_, HookToken token_) {
        crowdfund = crowdfund_;
        token = token_;
    }

    function pledge(uint256 id, uint256 amount) external {
        campaignId = id;
        token.approve(address(crowdfund), amount);
        crowdfund.pledge(id, amount);
    }

    function refund() external {
        crowdfund.refund(campaignId);
    }

    function onTokenReceived(address, uint256) external {
        if (reentered) return;
        reentered = true;
        try crowdfund.refund(campaignId) {}
        catch {
            reentryFailed = true;
        }
    }
}

/// @notice Crowdfund with tokens a real union never has: one whose transfers return false, one that calls
/// back into the receiver. Neither can record a pledge that was not paid or pay a refund twice.
contract CrowdfundAdversarialTest is Test {
    MockRegistry internal registry;
    Crowdfund internal crowdfund;
    FalseToken internal falseToken;
    HookToken internal hookToken;
    MockUnion internal falseUnion;
    MockUnion internal hookUnion;
    address internal member = makeAddr("member");
    address internal steward = makeAddr("steward");
    address internal treasury = makeAddr("treasury");

    function setUp() public {
        registry = new MockRegistry();
        crowdfund = new Crowdfund(IUnionRegistry(address(registry)), address(0));
        falseToken = new FalseToken();
        hookToken = new HookToken();
        falseUnion = new MockUnion(steward, address(falseToken), treasury);
        hookUnion = new MockUnion(steward, address(hookToken), treasury);
        registry.add(address(falseUnion));
        registry.add(address(hookUnion));
        falseUnion.setMember(member, true);
        hookUnion.setMember(member, true);
    }

    function _campaign(MockUnion union, uint128 goal) internal returns (uint256 id) {
        vm.prank(member);
        id = crowdfund.createCampaign(
            ICrowdfund.CampaignParams({
                union: address(union),
                descriptionCid: "cid",
                recipient: member,
                goal: goal,
                deadline: uint48(block.timestamp + 1 days),
                roundId: 0
            })
        );
    }

    function test_pledge_revertWhen_TokenReturnsFalse_andNothingIsRecorded() public {
        uint256 id = _campaign(falseUnion, 10e18);
        falseToken.mint(member, 5e18);
        vm.prank(member);
        falseToken.approve(address(crowdfund), 5e18);
        falseToken.setFailing(true);
        vm.prank(member);
        vm.expectRevert(abi.encodeWithSelector(SafeERC20.SafeERC20FailedOperation.selector, address(falseToken)));
        crowdfund.pledge(id, 5e18);
        assertEq(crowdfund.pledgeOf(id, member), 0);
        assertEq(crowdfund.getCampaign(id).raised, 0);
    }

    /// @dev A fee-on-transfer token: the pledge was credited its nominal amount while less arrived, so the
    /// last refund or claim would fail. Failed on the code before the fix (the pledge was recorded).
    function test_pledge_revertWhen_lessArrivesThanPledged() public {
        FeeToken fee = new FeeToken();
        MockUnion feeUnion = new MockUnion(steward, address(fee), treasury);
        registry.add(address(feeUnion));
        feeUnion.setMember(member, true);
        uint256 id = _campaign(feeUnion, 10e18);
        fee.transfer(member, 5e18);
        vm.prank(member);
        fee.approve(address(crowdfund), 5e18);
        vm.expectRevert(
            abi.encodeWithSelector(
                bytes4(keccak256("Crowdfund_TransferShortfall(address,uint256,uint256)")), address(fee), 4e18, 3.96e18
            )
        );
        vm.prank(member);
        crowdfund.pledge(id, 4e18);
        assertEq(crowdfund.pledgeOf(id, member), 0);
    }

    function test_refund_revertWhen_TokenReturnsFalse_andPledgeStays() public {
        uint256 id = _campaign(falseUnion, 10e18);
        falseToken.mint(member, 5e18);
        vm.startPrank(member);
        falseToken.approve(address(crowdfund), 5e18);
        crowdfund.pledge(id, 5e18);
        vm.stopPrank();
        vm.warp(block.timestamp + 1 days);
        falseToken.setFailing(true);
        vm.prank(member);
        vm.expectRevert(abi.encodeWithSelector(SafeERC20.SafeERC20FailedOperation.selector, address(falseToken)));
        crowdfund.refund(id);
        // The failed refund rolled back: the pledge is still owed and can be taken once the token works.
        assertEq(crowdfund.pledgeOf(id, member), 5e18);
        falseToken.setFailing(false);
        vm.prank(member);
        crowdfund.refund(id);
        assertEq(falseToken.balanceOf(member), 5e18);
    }

    function test_refund_reentrantPledgerCannotTakeTwice() public {
        uint256 id = _campaign(hookUnion, 100e18);
        ReentrantPledger attacker = new ReentrantPledger(crowdfund, hookToken);
        hookUnion.setMember(address(attacker), true);
        hookToken.mint(address(attacker), 10e18);
        attacker.pledge(id, 10e18);
        // Another pledger's money sits in the contract too: the attacker must not reach it.
        hookToken.mint(member, 20e18);
        vm.startPrank(member);
        hookToken.approve(address(crowdfund), 20e18);
        crowdfund.pledge(id, 20e18);
        vm.stopPrank();
        vm.warp(block.timestamp + 1 days);

        attacker.refund();
        assertTrue(attacker.reentered());
        assertTrue(attacker.reentryFailed());
        assertEq(hookToken.balanceOf(address(attacker)), 10e18);
        assertEq(hookToken.balanceOf(address(crowdfund)), 20e18);
        assertEq(crowdfund.pledgeOf(id, address(attacker)), 0);
    }
}

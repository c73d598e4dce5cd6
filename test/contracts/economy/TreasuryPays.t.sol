// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Escrow} from "../../../contracts/src/economy/Escrow.sol";
import {IEscrow} from "../../../contracts/src/economy/IEscrow.sol";
import {EconomyTestBase} from "./EconomyTestBase.sol";

/// @notice Issue 12: the union's timelock pays through escrow and crowdfunding without joining the union, so the
/// treasury never becomes a voter.
/// @dev The regression tests use only calls that existed before the fix, so they also run (and fail) against
/// the old contracts.
contract TreasuryPaysTest is EconomyTestBase {
    function setUp() public override {
        super.setUp();
        // votes are read at the proposal snapshot, strictly in the past
        vm.warp(block.timestamp + 1);
    }

    /// @dev The issue's scenario: a proposal has the treasury hire bob through escrow — approve the escrow, open a
    /// funded deal as client. Before the fix `openDeal` reverted with `Escrow_NotMember` (the timelock had to
    /// join first, which delegated the whole reserve to it and put quorum out of reach). Now the deal opens with
    /// the timelock as client, the timelock stays outside the union and undelegated, and a later proposal still
    /// passes.
    function test_regression_timelockOpensDealWithoutJoining() public {
        uint256 total = uint256(M0) + M1;
        Escrow.DealParams memory p = _dealParams(bob, _milestones(M0, M1));
        // the proposal takes voting delay + period + timelock delay to run
        p.acceptBy = uint48(block.timestamp + 30 days);
        p.milestones[0].due = uint48(block.timestamp + 40 days);
        p.milestones[1].due = uint48(block.timestamp + 50 days);
        address[] memory t = new address[](2);
        uint256[] memory v = new uint256[](2);
        bytes[] memory c = new bytes[](2);
        t[0] = address(token);
        c[0] = abi.encodeCall(IERC20.approve, (address(escrow), total));
        t[1] = address(escrow);
        c[1] = abi.encodeCall(Escrow.openDeal, (p));
        uint256 reserve = token.balanceOf(address(timelock));
        uint256 delegatedBefore = token.delegatedSupply();

        assertEq(uint8(_pass(t, v, c, "hire bob")), uint8(IGovernor.ProposalState.Executed));

        uint256 dealId = escrow.dealCount();
        IEscrow.Deal memory d = escrow.getDeal(dealId);
        assertEq(d.client, address(timelock));
        assertEq(d.provider, bob);
        assertEq(token.balanceOf(address(escrow)), total);
        assertEq(token.balanceOf(address(timelock)), reserve - total);
        assertFalse(union.isMember(address(timelock)));
        assertEq(token.delegates(address(timelock)), address(0), "the treasury never delegates");
        assertEq(token.delegatedSupply(), delegatedBefore, "quorum base unchanged");

        // governance still works: a second proposal pays carol
        (address[] memory t2, uint256[] memory v2, bytes[] memory c2) =
            _one(address(token), abi.encodeCall(IERC20.transfer, (carol, 1e18)));
        assertEq(uint8(_pass(t2, v2, c2, "pay carol")), uint8(IGovernor.ProposalState.Executed));
    }

    function test_openDeal_byTimelockAsClient() public {
        uint256 total = uint256(M0) + M1;
        vm.startPrank(address(timelock));
        token.approve(address(escrow), total);
        uint256 dealId = escrow.openDeal(_dealParams(bob, _milestones(M0, M1)));
        vm.stopPrank();
        assertEq(escrow.getDeal(dealId).client, address(timelock));
        // the provider still has to be a member
        vm.prank(bob);
        escrow.accept(dealId);
    }

    function test_openDeal_revertWhen_TimelockHiresNonMember() public {
        vm.startPrank(address(timelock));
        token.approve(address(escrow), uint256(M0) + M1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotMember.selector, address(union), outsider));
        escrow.openDeal(_dealParams(outsider, _milestones(M0, M1)));
        vm.stopPrank();
    }

    function test_openDeal_revertWhen_ClientIsNotMemberNorTimelock() public {
        _fundAndApprove(outsider, address(escrow), uint256(M0) + M1);
        vm.expectRevert(abi.encodeWithSelector(IEscrow.Escrow_NotMember.selector, address(union), outsider));
        vm.prank(outsider);
        escrow.openDeal(_dealParams(bob, _milestones(M0, M1)));
    }
}

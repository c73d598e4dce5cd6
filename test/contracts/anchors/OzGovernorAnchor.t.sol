// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {AnchorGovernor, AnchorVotesToken} from "./OzGovernorAnchor.sol";

/// @dev The bench's OpenZeppelin anchor governs: a treasury payment is proposed, voted, queued and executed, so
/// the gas the bench prints beside the union's governor is that of a working Governor, not of reverts.
contract OzGovernorAnchorTest is Test {
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    AnchorVotesToken internal token;
    TimelockController internal timelock;
    AnchorGovernor internal governor;

    function setUp() public {
        vm.warp(1_000_000);
        address[] memory none = new address[](0);
        address[] memory anyone = new address[](1);
        timelock = new TimelockController(60, none, anyone, address(this));
        address[] memory holders = new address[](3);
        (holders[0], holders[1], holders[2]) = (alice, bob, address(timelock));
        uint256[] memory amounts = new uint256[](3);
        (amounts[0], amounts[1], amounts[2]) = (100 ether, 100 ether, 1000 ether);
        token = new AnchorVotesToken(holders, amounts);
        governor = new AnchorGovernor(token, timelock, 1, 600, 4);
        timelock.grantRole(timelock.PROPOSER_ROLE(), address(governor));
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(governor));
        vm.prank(alice);
        token.delegate(alice);
        vm.prank(bob);
        token.delegate(bob);
        vm.warp(block.timestamp + 2);
    }

    function test_anchor_proposeVoteQueueExecute_paysFromTheTimelock() public {
        address[] memory targets = new address[](1);
        targets[0] = address(token);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = abi.encodeCall(IERC20.transfer, (bob, 250 ether));
        string memory description = "Pay Bob";
        vm.prank(alice);
        uint256 id = governor.propose(targets, values, calldatas, description);
        vm.warp(block.timestamp + 2);
        vm.prank(alice);
        governor.castVote(id, 1);
        vm.prank(bob);
        governor.castVote(id, 1);
        vm.warp(block.timestamp + 601);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Succeeded), "succeeded");
        governor.queue(targets, values, calldatas, keccak256(bytes(description)));
        vm.warp(block.timestamp + 61);
        governor.execute(targets, values, calldatas, keccak256(bytes(description)));
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Executed), "executed");
        assertEq(token.balanceOf(bob), 350 ether, "bob paid");
        assertEq(token.balanceOf(address(timelock)), 750 ether, "treasury paid it");
    }

    function test_anchor_clock_isTheTimestamp() public view {
        assertEq(token.clock(), block.timestamp);
        assertEq(governor.CLOCK_MODE(), "mode=timestamp");
    }
}

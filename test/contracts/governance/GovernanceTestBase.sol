// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IUnion} from "../../../contracts/src/interfaces/IUnion.sol";
import {UnionTestBase} from "../utils/UnionTestBase.sol";

/// @dev A union with the default (large) treasury reserve and a vesting allocation, founder + alice + bob as
/// members, and helpers to propose, vote and run one-call proposals.
abstract contract GovernanceTestBase is UnionTestBase {
    function setUp() public virtual override {
        super.setUp();
        _joinTrusted(alice);
        _joinTrusted(bob);
        // votes are read at the proposal snapshot, strictly in the past
        vm.warp(block.timestamp + 1);
    }

    function _payment(address to, uint256 amount)
        internal
        view
        returns (address[] memory, uint256[] memory, bytes[] memory)
    {
        return _one(address(token), abi.encodeCall(IERC20.transfer, (to, amount)));
    }

    function _propose(address target, bytes memory data, string memory description) internal returns (uint256 id) {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _one(target, data);
        vm.prank(alice);
        id = governor.propose(t, v, c, description);
    }

    /// @dev Proposes, lets every member vote for, queues and executes after the delay.
    function _passOne(address target, bytes memory data, string memory description) internal returns (uint256 id) {
        (address[] memory t, uint256[] memory v, bytes[] memory c) = _one(target, data);
        id = _proposeAndVote(t, v, c, description, [FOR, FOR, FOR]);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Succeeded), "succeeded");
        _queueAndExecute(t, v, c, description);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Executed), "executed");
    }

    function _admission(IUnion.AdmissionRule rule) internal pure returns (uint8) {
        return uint8(rule);
    }
}

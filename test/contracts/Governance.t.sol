// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IUnion} from "../../contracts/src/interfaces/IUnion.sol";
import {UnionFactory} from "../../contracts/src/UnionFactory.sol";
import {Union} from "../../contracts/src/Union.sol";
import {UnionTestBase} from "./utils/UnionTestBase.sol";

/// @dev Governor + timelock wiring: proposals pass through the timelock, which holds the treasury and,
/// after the hand-over, the steward's powers.
contract GovernanceTest is UnionTestBase {
    uint256 internal constant SMALL_RESERVE = 2_000e18;

    function setUp() public override {
        super.setUp();
        // Quorum is a share of the delegated supply (members' votes), not of the treasury: see
        // governance/GovernanceQuorum.t.sol for a full-size reserve.
        UnionFactory.CreateParams memory p = _params(IUnion.AdmissionRule.Open);
        p.treasuryReserve = SMALL_RESERVE;
        p.allocations = new UnionFactory.Allocation[](0);
        _createUnion(p);
        _joinTrusted(alice);
        _joinTrusted(bob);
        // votes are read at the proposal snapshot, strictly in the past
        vm.warp(block.timestamp + 1);
    }

    function test_proposal_paysFromTreasury() public {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _one(address(token), abi.encodeCall(IERC20.transfer, (carol, 1_000e18)));
        _passSplit(targets, values, calldatas, "Pay carol for the website");
        assertEq(token.balanceOf(carol), 1_000e18);
        assertEq(token.balanceOf(address(timelock)), SMALL_RESERVE - 1_000e18);
    }

    function test_proposal_usesStewardPowersAfterHandOver() public {
        vm.prank(founder);
        union.handOverToGovernance();
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _one(address(union), abi.encodeCall(Union.setCharter, ("bafyvoted")));
        _passSplit(targets, values, calldatas, "New charter");
        assertEq(union.charterCid(), "bafyvoted");
    }

    function test_proposal_cannotExecuteBeforeTimelockDelay() public {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _one(address(token), abi.encodeCall(IERC20.transfer, (carol, 1e18)));
        bytes32 descriptionHash = keccak256("early");
        uint256 id = _voteSplit(targets, values, calldatas, "early");
        governor.queue(targets, values, calldatas, descriptionHash);
        vm.expectRevert();
        governor.execute(targets, values, calldatas, descriptionHash);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Queued));
    }

    function test_proposal_canBeCancelledByProposerBeforeVoting() public {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _one(address(token), abi.encodeCall(IERC20.transfer, (carol, 1e18)));
        vm.prank(alice);
        uint256 id = governor.propose(targets, values, calldatas, "oops");
        assertTrue(governor.proposalNeedsQueuing(id));
        vm.prank(alice);
        governor.cancel(targets, values, calldatas, keccak256("oops"));
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Canceled));
    }

    /// @dev alice proposes; founder and alice vote for, bob against, and the proposal succeeds.
    function _voteSplit(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) internal returns (uint256 id) {
        id = _proposeAndVote(targets, values, calldatas, description, [FOR, FOR, AGAINST]);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Succeeded));
    }

    /// @dev Passes a split vote, queues, and has carol (anyone) execute after the timelock delay.
    function _passSplit(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description
    ) internal {
        uint256 id = _voteSplit(targets, values, calldatas, description);
        bytes32 descriptionHash = keccak256(bytes(description));
        governor.queue(targets, values, calldatas, descriptionHash);
        vm.warp(block.timestamp + TIMELOCK_DELAY);
        vm.prank(carol);
        governor.execute(targets, values, calldatas, descriptionHash);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Executed));
    }
}

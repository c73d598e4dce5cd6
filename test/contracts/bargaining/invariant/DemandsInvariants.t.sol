// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IDemands} from "../../../../contracts/src/bargaining/IDemands.sol";
import {DemandsTestBase} from "../DemandsTestBase.sol";
import {DemandsHandler} from "./DemandsHandler.sol";
import {PathCoverage} from "../../utils/PathCoverage.sol";

/// @dev Six trusted members with known keys commit to, withdraw from, leave and rejoin around three demands
/// (thresholds 2, 3, 4); former members' commitments get pruned; activations are tried with lists that may count
/// someone who left. One campaign; path floors as for the escrow.
contract DemandsInvariantsTest is DemandsTestBase, PathCoverage {
    DemandsHandler internal handler;
    uint256 internal constant MEMBERS = 6;

    function setUp() public override {
        super.setUp();
        uint256[] memory keys = new uint256[](MEMBERS);
        for (uint256 i; i < MEMBERS; ++i) {
            keys[i] = uint256(keccak256(abi.encode("demands member", i)));
            _joinTrusted(vm.addr(keys[i]));
        }
        uint256[] memory ids = new uint256[](3);
        for (uint256 i; i < 3; ++i) {
            ids[i] = _create(uint32(2 + i));
        }
        handler = new DemandsHandler(demands, union, keys, ids);
        targetContract(address(handler));
    }

    function invariant_demandsCounting() public view {
        assertFalse(handler.ghostBroken());
        // no activation ever counted a committer who was not a trusted member at that moment
        assertEq(handler.ghostActivatedWithFormer(), 0);
        address[] memory members = handler.members();
        uint256[] memory ids = handler.demandIds();
        for (uint256 k; k < ids.length; ++k) {
            IDemands.Demand memory d = demands.getDemand(ids[k]);
            uint256 committed;
            for (uint256 i; i < members.length; ++i) {
                if (demands.isCommitted(ids[k], members[i])) ++committed;
            }
            // the counter is exactly the live commitments
            assertEq(d.commitments, committed);
            // Active only once the threshold was reached, for good
            if (demands.stateOf(ids[k]) == IDemands.DemandState.Active) {
                assertGe(d.commitments, d.threshold);
                assertGt(d.activatedBlock, 0);
            } else {
                assertEq(d.activatedBlock, 0);
            }
        }
    }

    function afterInvariant() external {
        _recordPaths({
            suite: "demands",
            pathList: "commit withdraw leave leftBeforeActivation prune rejoin activated",
            reachedIn: handler.reached
        });
    }
}

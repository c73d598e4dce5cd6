// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Demands} from "../../../../contracts/src/bargaining/Demands.sol";
import {IUnionRegistry} from "../../../../contracts/src/economy/IUnionRegistry.sol";
import {UnionTestBase} from "../../utils/UnionTestBase.sol";
import {DemandsHandler} from "./DemandsHandler.sol";

/// @dev The quorum base (delegated supply) always equals the sum of every voter's votes; a demand's count always
/// equals its live commitments, an activation never counts anyone who was not a trusted member then, and an
/// Active demand stays Active with its count.
contract DemandsInvariantsTest is UnionTestBase {
    DemandsHandler internal handler;
    Demands internal demands;
    uint256 internal demandId;
    uint32 internal constant THRESHOLD = 4;

    function setUp() public override {
        super.setUp();
        demands = new Demands(IUnionRegistry(address(factory)));
        vm.prank(founder);
        // far enough out that the warps the handler makes rarely expire it
        demandId =
            demands.create(address(union), "bafkreitext", "Target", THRESHOLD, uint48(block.timestamp + 300 days));
        address[] memory actors = new address[](6);
        uint256[] memory keys = new uint256[](6);
        actors[0] = founder;
        keys[0] = founderKey;
        for (uint256 i = 1; i < 6; ++i) {
            (actors[i], keys[i]) = makeAddrAndKey(string.concat("voter", vm.toString(i)));
        }
        handler = new DemandsHandler(union, demands, demandId, actors, keys);
        // two trusted members besides the founder from the start, so random runs do reach activation
        handler.joinTrusted(1);
        handler.joinTrusted(2);
        targetContract(address(handler));
    }

    function invariant_delegatedSupplyIsSumOfVotes() public view {
        address[] memory actors = handler.actors();
        uint256 sum;
        for (uint256 i; i < actors.length; ++i) {
            sum += token.getVotes(actors[i]);
        }
        // delegates are only ever actors; the treasury and the vesting wallet never delegate
        assertEq(token.delegatedSupply(), sum);
        assertLe(token.delegatedSupply(), token.totalSupply() - token.balanceOf(address(timelock)));
    }

    function invariant_commitmentsMatchLiveCommitments() public view {
        address[] memory actors = handler.actors();
        uint256 live;
        for (uint256 i; i < actors.length; ++i) {
            if (demands.isCommitted(demandId, actors[i])) ++live;
        }
        Demands.Demand memory d = demands.getDemand(demandId);
        assertEq(d.commitments, live);
    }

    function invariant_activationCountsOnlyTrustedMembers() public view {
        assertEq(handler.ghostUntrustedCounted(), 0);
    }

    function invariant_activeIsFinal() public view {
        if (!handler.ghostEverActive()) return;
        assertEq(uint8(demands.stateOf(demandId)), uint8(Demands.DemandState.Active));
        assertEq(demands.getDemand(demandId).commitments, handler.ghostCommitmentsAtActivation());
        assertGe(handler.ghostCommitmentsAtActivation(), THRESHOLD);
    }
}

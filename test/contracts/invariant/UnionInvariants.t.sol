// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {console} from "forge-std/console.sol";
import {IUnion} from "../../../contracts/src/interfaces/IUnion.sol";
import {UnionTestBase} from "../utils/UnionTestBase.sol";
import {UnionHandler} from "./UnionHandler.sol";

contract UnionInvariantsTest is UnionTestBase {
    UnionHandler internal handler;
    uint256 internal initialSupply;

    function setUp() public override {
        super.setUp();
        initialSupply = token.totalSupply();
        handler = new UnionHandler(union, token, founder, founderKey, 8);
        targetContract(address(handler));
    }

    /// @dev Every holder is an actor, the treasury or the vesting wallet; their balances add up to the supply.
    function invariant_balancesSumToTotalSupply() public view {
        address[] memory actors = handler.actors();
        uint256 sum = token.balanceOf(address(timelock)) + token.balanceOf(address(wallet));
        for (uint256 i; i < actors.length; ++i) {
            sum += token.balanceOf(actors[i]);
        }
        assertEq(sum, token.totalSupply());
    }

    /// @dev Grants went only to addresses that joined, exactly once each, and nothing else was minted.
    function invariant_joinGrantsOncePerMemberOrExMember() public view {
        address[] memory actors = handler.actors();
        uint256 everJoined;
        for (uint256 i; i < actors.length; ++i) {
            address a = actors[i];
            bool joined = union.hasEverJoined(a);
            assertEq(joined, handler.ghostEverJoined(a));
            assertEq(handler.ghostGrantMints(a), joined ? 1 : 0);
            assertEq(handler.ghostGrantMinted(a), joined ? GRANT : 0);
            if (joined) ++everJoined;
        }
        assertEq(token.totalSupply(), initialSupply - GRANT + everJoined * GRANT);
    }

    /// @dev The contract's membership equals the model's.
    function invariant_membershipMatchesModel() public view {
        address[] memory actors = handler.actors();
        for (uint256 i; i < actors.length; ++i) {
            assertEq(union.isMember(actors[i]), handler.ghostMember(actors[i]));
        }
        assertEq(union.memberCount(), handler.ghostMemberCount());
    }

    /// @dev The live edge set equals the model's for every ordered pair of actors.
    function invariant_backingEdgesMatchModel() public view {
        address[] memory actors = handler.actors();
        for (uint256 i; i < actors.length; ++i) {
            for (uint256 j; j < actors.length; ++j) {
                assertEq(
                    union.isBacking(actors[i], actors[j]),
                    handler.ghostEdge(actors[i], actors[j]),
                    "edge set differs from the model"
                );
            }
        }
    }

    /// @dev The union stays open (the handler never changes the rule), so `join` is always a valid action.
    function invariant_ruleUnchanged() public view {
        assertEq(uint8(union.admissionRule()), uint8(IUnion.AdmissionRule.Open));
    }

    /// @dev Shows (with -vv) that the campaign exercised every action, not only early returns.
    function afterInvariant() external view {
        console.log("join", handler.calls("join"), "joinWithInvite", handler.calls("joinWithInvite"));
        console.log("leave", handler.calls("leave"), "back", handler.calls("back"));
        console.log("unback", handler.calls("unback"), "transfer", handler.calls("transfer"));
    }
}

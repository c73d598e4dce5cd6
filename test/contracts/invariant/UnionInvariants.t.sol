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

    /// @dev Grants went only to addresses that were trusted at some point, exactly once each, and nothing else
    /// was minted; joining alone mints nothing.
    function invariant_joinGrantsOncePerEverTrustedAddress() public view {
        address[] memory actors = handler.actors();
        uint256 granted;
        for (uint256 i; i < actors.length; ++i) {
            address a = actors[i];
            assertEq(union.hasEverJoined(a), handler.ghostEverJoined(a));
            bool g = union.hasReceivedGrant(a);
            if (g) assertTrue(union.hasEverJoined(a));
            assertEq(handler.ghostGrantMints(a), g ? 1 : 0);
            assertEq(handler.ghostGrantMinted(a), g ? GRANT : 0);
            if (g) ++granted;
        }
        assertEq(token.totalSupply(), initialSupply - GRANT + granted * GRANT);
    }

    /// @dev Only trusted accounts have governor votes; an untrusted member never holds the grant unless it was
    /// trusted before (a rejoin).
    function invariant_onlyTrustedVote() public view {
        address[] memory actors = handler.actors();
        for (uint256 i; i < actors.length; ++i) {
            if (!union.isTrusted(actors[i])) assertEq(governor.getVotes(actors[i], block.timestamp - 1), 0);
        }
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

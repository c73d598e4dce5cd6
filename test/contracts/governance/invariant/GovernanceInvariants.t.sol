// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {console} from "forge-std/console.sol";
import {UnionTestBase} from "../../utils/UnionTestBase.sol";
import {GovernanceHandler} from "./GovernanceHandler.sol";

/// @dev Issue 12's governance invariants under random propose/vote/queue/execute/delegate/back/follow/join/
/// leave/ragequit/time.
contract GovernanceInvariantsTest is UnionTestBase {
    GovernanceHandler internal handler;

    function setUp() public override {
        super.setUp();
        vm.deal(address(timelock), 100 ether);
        handler = new GovernanceHandler(union, governor, timelock, founder, 7);
        targetContract(address(handler));
    }

    /// @dev Delegated supply equals the sum of every holder's votes, now and at every recorded past timestamp.
    function invariant_delegatedSupplyIsSumOfVotesNowAndPast() public view {
        address[] memory a = handler.actors();
        uint256 sum = token.getVotes(address(timelock)) + token.getVotes(address(wallet));
        for (uint256 i; i < a.length; ++i) {
            sum += token.getVotes(a[i]);
        }
        assertEq(token.delegatedSupply(), sum, "now");
        uint256[] memory ts = handler.stamps();
        for (uint256 j; j < ts.length; ++j) {
            if (ts[j] >= block.timestamp) continue;
            uint256 past = token.getPastVotes(address(timelock), ts[j]) + token.getPastVotes(address(wallet), ts[j]);
            for (uint256 i; i < a.length; ++i) {
                past += token.getPastVotes(a[i], ts[j]);
            }
            assertEq(token.getPastDelegatedSupply(ts[j]), past, "past");
        }
    }

    /// @dev No untrusted voter ever cast a vote with weight, so no proposal succeeds on untrusted votes.
    function invariant_untrustedVotesWeighNothing() public view {
        assertEq(handler.ghostUntrustedWeight(), 0);
        address[] memory a = handler.actors();
        for (uint256 i; i < a.length; ++i) {
            if (!union.isTrusted(a[i])) assertEq(governor.getVotes(a[i], block.timestamp - 1), 0);
        }
    }

    /// @dev The treasury's union tokens move only through executed proposals; its ETH only through exits.
    function invariant_treasuryMovesOnlyThroughExecutionAndExits() public view {
        assertEq(token.balanceOf(address(timelock)), handler.ghostTreasury(), "tokens");
        assertEq(address(timelock).balance, handler.ghostTreasuryEth(), "eth");
    }

    /// @dev The timelock is never a member, never trusted, never a delegate.
    function invariant_timelockNeverVotes() public view {
        assertFalse(union.isMember(address(timelock)));
        assertEq(token.delegates(address(timelock)), address(0));
    }

    function afterInvariant() external view {
        console.log("propose", handler.calls("propose"), "vote", handler.calls("vote"));
        console.log("queue", handler.calls("queue"), "execute", handler.calls("execute"));
        console.log("ragequit", handler.calls("ragequit"), "backAndFollow", handler.calls("backAndFollow"));
    }
}

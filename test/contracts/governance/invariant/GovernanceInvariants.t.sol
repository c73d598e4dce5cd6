// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {UnionTestBase} from "../../utils/UnionTestBase.sol";
import {PathCoverage} from "../../utils/PathCoverage.sol";
import {ExitToken, GovernanceHandler} from "./GovernanceHandler.sol";

/// @dev Issue 12's governance invariants under random propose/vote/queue/execute/delegate/back/follow/join/
/// leave/ragequit/time. Three actors start trusted (vouched by the founder), three are strangers; the treasury
/// holds the reserve, ETH and another token. `afterInvariant` counts in how many runs each path was reached and
/// the last run asserts every path in at least a fifth of the runs.
contract GovernanceInvariantsTest is UnionTestBase, PathCoverage {
    GovernanceHandler internal handler;
    ExitToken internal usd;

    function setUp() public override {
        super.setUp();
        vm.deal(address(timelock), 100 ether);
        usd = new ExitToken();
        usd.mint(address(timelock), 10_000e18);
        address[] memory a = new address[](7);
        a[0] = founder;
        for (uint256 i = 1; i < a.length; ++i) {
            a[i] = makeAddr(string.concat("gov actor", vm.toString(i)));
        }
        for (uint256 i = 1; i <= 3; ++i) {
            _joinTrusted(a[i]);
        }
        handler = new GovernanceHandler(union, governor, timelock, usd, a);
        targetContract(address(handler));
    }

    /// @dev One campaign checks every governance invariant after every call (one campaign, so the path tally
    /// counts each run once).
    function invariant_governance() public view {
        _delegatedSupplyIsSumOfVotesNowAndPast();
        _noProposalSucceedsOnUntrustedVotes();
        _treasuryMovesOnlyThroughExecutionAndExits();
        _timelockNeverVotes();
    }

    /// @dev Delegated supply equals the sum of every holder's votes, now and at every recorded past timestamp.
    function _delegatedSupplyIsSumOfVotesNowAndPast() internal view {
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

    /// @dev No untrusted voter ever cast a vote with weight; every proposal's tally is exactly what trusted voters
    /// cast, so a proposal that succeeded (or was queued or executed) met quorum and majority on trusted votes.
    function _noProposalSucceedsOnUntrustedVotes() internal view {
        assertEq(handler.ghostUntrustedWeight(), 0, "untrusted weight");
        address[] memory a = handler.actors();
        for (uint256 i; i < a.length; ++i) {
            if (!union.isTrusted(a[i])) assertEq(governor.getVotes(a[i], block.timestamp - 1), 0);
        }
        uint256[] memory ids = handler.proposals();
        for (uint256 i; i < ids.length; ++i) {
            (uint256 against, uint256 forVotes, uint256 abstain) = governor.proposalVotes(ids[i]);
            uint256 trustedFor = handler.ghostTrustedWeight(ids[i], 1);
            assertEq(against, handler.ghostTrustedWeight(ids[i], 0), "against");
            assertEq(forVotes, trustedFor, "for");
            assertEq(abstain, handler.ghostTrustedWeight(ids[i], 2), "abstain");
            IGovernor.ProposalState s = governor.state(ids[i]);
            if (
                s == IGovernor.ProposalState.Succeeded || s == IGovernor.ProposalState.Queued
                    || s == IGovernor.ProposalState.Executed
            ) {
                assertGe(trustedFor + abstain, governor.quorum(governor.proposalSnapshot(ids[i])), "quorum");
                assertGt(trustedFor, against, "majority");
            }
        }
    }

    /// @dev The treasury's union tokens move only through executed proposals; its ETH and other tokens only
    /// through executed proposals and exits, each exit paid exactly its share.
    function _treasuryMovesOnlyThroughExecutionAndExits() internal view {
        assertEq(token.balanceOf(address(timelock)), handler.ghostTreasury(), "tokens");
        assertEq(address(timelock).balance, handler.ghostTreasuryEth(), "eth");
        assertEq(usd.balanceOf(address(timelock)), handler.ghostTreasuryOther(), "other token");
        assertEq(handler.ghostExitMismatches(), 0, "exit share");
    }

    /// @dev The timelock is never a member, never trusted, never a delegate.
    function _timelockNeverVotes() internal view {
        assertFalse(union.isMember(address(timelock)));
        assertEq(token.delegates(address(timelock)), address(0));
    }

    function afterInvariant() external {
        _recordPaths({
            suite: "governance",
            pathList: string.concat(
                "propose vote untrustedVote queue execute delegate back backAndFollow ",
                "unback join leave ragequit warp defeated"
            ),
            reachedIn: handler.calls
        });
    }
}

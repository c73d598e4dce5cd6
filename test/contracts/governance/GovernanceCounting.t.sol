// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernanceTestBase} from "./GovernanceTestBase.sol";

/// @dev GovernorCountingBallots: OpenZeppelin's simple counting rules, with the For vote and the exits of each
/// voter in one ballot.
contract GovernanceCountingTest is GovernanceTestBase {
    uint8 internal constant ABSTAIN = 2;
    string internal constant DESC = "pay carol one ether";

    address[] internal t;
    uint256[] internal v;
    bytes[] internal c;

    function setUp() public override {
        super.setUp();
        vm.deal(address(timelock), 10 ether);
        (t, v, c) = _one(carol, "");
        v[0] = 1 ether;
    }

    function _votes(address account, uint256 id) internal view returns (uint256) {
        return governor.getVotes(account, governor.proposalSnapshot(id));
    }

    function test_COUNTING_MODE_isOpenZeppelinsSimpleCounting() public view {
        assertEq(governor.COUNTING_MODE(), "support=bravo&quorum=for,abstain");
    }

    function test_castVote_talliesEachSupportByWeight() public {
        uint256 id = _proposeAndVote(t, v, c, DESC, [FOR, AGAINST, ABSTAIN]);
        (uint256 against, uint256 inFavour, uint256 abstain) = governor.proposalVotes(id);
        assertEq(inFavour, _votes(founder, id), "for: founder");
        assertEq(against, _votes(alice, id), "against: alice");
        assertEq(abstain, _votes(bob, id), "abstain: bob");
        assertTrue(governor.hasVoted(id, founder) && governor.hasVoted(id, alice) && governor.hasVoted(id, bob));
        assertFalse(governor.hasVoted(id, carol), "carol did not vote");
    }

    function test_votedFor_isTrueOnlyForForVoters() public {
        uint256 id = _proposeAndVote(t, v, c, DESC, [FOR, AGAINST, ABSTAIN]);
        assertTrue(governor.votedFor(id, founder), "founder voted for");
        assertFalse(governor.votedFor(id, alice), "alice voted against");
        assertFalse(governor.votedFor(id, bob), "bob abstained");
        assertFalse(governor.votedFor(id, carol), "carol did not vote");
    }

    function test_castVote_revertWhen_SecondVoteAfterAbstaining() public {
        vm.prank(alice);
        uint256 id = governor.propose(t, v, c, DESC);
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        vm.prank(bob);
        governor.castVote(id, ABSTAIN);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, bob));
        vm.prank(bob);
        governor.castVote(id, FOR);
    }

    function test_castVote_revertWhen_SupportIsNotAVoteType() public {
        vm.prank(alice);
        uint256 id = governor.propose(t, v, c, DESC);
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        vm.expectRevert(IGovernor.GovernorInvalidVoteType.selector);
        vm.prank(bob);
        governor.castVote(id, 3);
        assertFalse(governor.hasVoted(id, bob), "a refused vote leaves no ballot");
    }

    /// @dev Abstentions count towards quorum, not towards passing: For must be strictly over Against.
    function test_state_defeatedWhenQuorumMetByAbstentionsAndForDoesNotExceedAgainst() public {
        uint256 id = _proposeAndVote(t, v, c, DESC, [ABSTAIN, ABSTAIN, NO_VOTE]);
        (uint256 against, uint256 inFavour, uint256 abstain) = governor.proposalVotes(id);
        assertEq(against + inFavour, 0);
        assertGe(abstain, governor.quorum(governor.proposalSnapshot(id)), "quorum met by abstentions");
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Defeated));
    }

    /// @dev A ragequit writes the exit into the Against voter's ballot and changes neither the vote nor tallies.
    function test_exited_isRecordedInTheBallotWithoutChangingTheVote() public {
        uint256 id = _proposeAndVote(t, v, c, DESC, [FOR, FOR, AGAINST]);
        governor.queue(t, v, c, keccak256(bytes(DESC)));
        (uint256 againstBefore, uint256 forBefore, uint256 abstainBefore) = governor.proposalVotes(id);
        vm.prank(bob);
        timelock.ragequit(id, GRANT / 4, new address[](0));
        assertEq(governor.exited(id, bob), GRANT / 4, "exit recorded");
        assertTrue(governor.hasVoted(id, bob), "still voted");
        assertFalse(governor.votedFor(id, bob), "still against");
        (uint256 against, uint256 inFavour, uint256 abstain) = governor.proposalVotes(id);
        assertEq(against, againstBefore);
        assertEq(inFavour, forBefore);
        assertEq(abstain, abstainBefore);
    }

    /// @dev A partial exit records exactly what it burnt, in the exiting voter's ballot only (one who did not vote).
    function testFuzz_exited_isWhatTheExitBurnt(uint256 first) public {
        first = bound(first, 1, GRANT - 1);
        uint256 id = _proposeAndVote(t, v, c, DESC, [FOR, FOR, NO_VOTE]);
        governor.queue(t, v, c, keccak256(bytes(DESC)));
        vm.prank(bob);
        timelock.ragequit(id, first, new address[](0));
        assertEq(governor.exited(id, bob), first);
        assertEq(governor.exited(id, alice), 0, "others' ballots untouched");
    }
}

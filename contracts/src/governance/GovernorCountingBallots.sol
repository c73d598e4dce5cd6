// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernorUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/GovernorUpgradeable.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title GovernorCountingBallots
/// @notice OpenZeppelin's simple counting (Against, For, Abstain; quorum counts For and Abstain; For must exceed
/// Against), with each voter's record under a proposal kept in one slot, a `Ballot`: which way they voted and
/// what they burnt in exits (ragequits) under the proposal.
/// @dev Same rules, interface and errors as `GovernorCountingSimpleUpgradeable` (`COUNTING_MODE`, `hasVoted`,
/// `proposalVotes`, `GovernorAlreadyCastVote`, `GovernorInvalidVoteType`). Why not that module: a union must
/// also know who voted For (they may not ragequit a proposal they passed) and how much each member already
/// exited under it. Kept beside OpenZeppelin's `hasVoted` flag, those take a second slot per voter; here all
/// three share one, so a first vote writes one new slot instead of two, and an exit reads the vote and adds
/// to the record in the same slot.
abstract contract GovernorCountingBallots is GovernorUpgradeable {
    /// @notice Supported vote types, in Governor Bravo's order.
    enum VoteType {
        Against,
        For,
        Abstain
    }

    /// @notice One account's record under one proposal, in one slot.
    /// @param cast Zero until the account votes, then its `VoteType` plus one.
    /// @param exited Union tokens it burnt in exits under the proposal.
    struct Ballot {
        uint8 cast;
        uint208 exited;
    }

    /// @dev `Ballot.cast` of a For vote.
    uint8 private constant _CAST_FOR = uint8(VoteType.For) + 1;

    /// @notice A proposal's tallies, in votes.
    struct Tally {
        uint256 againstVotes;
        uint256 forVotes;
        uint256 abstainVotes;
    }

    /// @custom:storage-location erc7201:networkunion.storage.GovernorCountingBallots
    struct GovernorCountingBallotsStorage {
        mapping(uint256 proposalId => Tally) tallies;
        mapping(uint256 proposalId => mapping(address account => Ballot)) ballots;
    }

    /// @dev keccak256(abi.encode(uint256(keccak256("networkunion.storage.GovernorCountingBallots")) - 1))
    /// & ~bytes32(uint256(0xff))
    bytes32 private constant _STORAGE_LOCATION = 0xdb8b88deffd775fb2f5cde5c5e49ea6d271515a2c303bb3cbebac093a3ff5800;

    function _countingStorage() private pure returns (GovernorCountingBallotsStorage storage $) {
        assembly {
            $.slot := _STORAGE_LOCATION
        }
    }

    /// @inheritdoc IGovernor
    // solhint-disable-next-line func-name-mixedcase
    function COUNTING_MODE() public pure virtual override returns (string memory) {
        return "support=bravo&quorum=for,abstain";
    }

    /// @inheritdoc IGovernor
    function hasVoted(uint256 proposalId, address account) public view virtual override returns (bool) {
        return _countingStorage().ballots[proposalId][account].cast != 0;
    }

    /// @notice A proposal's tallies.
    /// @param proposalId The proposal.
    /// @return againstVotes Votes against.
    /// @return forVotes Votes for.
    /// @return abstainVotes Abstentions.
    function proposalVotes(uint256 proposalId)
        public
        view
        virtual
        returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes)
    {
        Tally storage tally = _countingStorage().tallies[proposalId];
        return (tally.againstVotes, tally.forVotes, tally.abstainVotes);
    }

    /// @notice Whether `account` voted For `proposalId`.
    /// @param proposalId The proposal.
    /// @param account The voter.
    /// @return True iff `account` cast a For vote.
    function votedFor(uint256 proposalId, address account) public view returns (bool) {
        return _countingStorage().ballots[proposalId][account].cast == _CAST_FOR;
    }

    /// @notice Union tokens `account` already burnt in exits under `proposalId`.
    /// @param proposalId The proposal.
    /// @param account The member.
    /// @return The amount burnt.
    function exited(uint256 proposalId, address account) public view returns (uint256) {
        return _countingStorage().ballots[proposalId][account].exited;
    }

    /// @dev Adds `amount` to what `account` exited under `proposalId`, and answers whether it voted For and what
    /// it had exited before, reading and writing the ballot's one slot.
    function _recordExit(uint256 proposalId, address account, uint256 amount)
        internal
        returns (bool votedFor_, uint256 exitedBefore)
    {
        Ballot storage ballot = _countingStorage().ballots[proposalId][account];
        (votedFor_, exitedBefore) = (ballot.cast == _CAST_FOR, ballot.exited);
        ballot.exited = SafeCast.toUint208(exitedBefore + amount);
    }

    /// @inheritdoc GovernorUpgradeable
    function _quorumReached(uint256 proposalId) internal view virtual override returns (bool) {
        Tally storage tally = _countingStorage().tallies[proposalId];
        return quorum(proposalSnapshot(proposalId)) <= tally.forVotes + tally.abstainVotes;
    }

    /// @dev For must be strictly over Against.
    function _voteSucceeded(uint256 proposalId) internal view virtual override returns (bool) {
        Tally storage tally = _countingStorage().tallies[proposalId];
        return tally.forVotes > tally.againstVotes;
    }

    /// @dev Support follows `VoteType`; one vote per account per proposal.
    function _countVote(uint256 proposalId, address account, uint8 support, uint256 totalWeight, bytes memory)
        internal
        virtual
        override
        returns (uint256)
    {
        GovernorCountingBallotsStorage storage $ = _countingStorage();
        Ballot storage ballot = $.ballots[proposalId][account];
        if (ballot.cast != 0) revert GovernorAlreadyCastVote(account);
        Tally storage tally = $.tallies[proposalId];
        if (support == uint8(VoteType.Against)) {
            tally.againstVotes += totalWeight;
        } else if (support == uint8(VoteType.For)) {
            tally.forVotes += totalWeight;
        } else if (support == uint8(VoteType.Abstain)) {
            tally.abstainVotes += totalWeight;
        } else {
            revert GovernorInvalidVoteType();
        }
        ballot.cast = support + 1;
        return totalWeight;
    }
}

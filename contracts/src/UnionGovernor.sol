// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {GovernorUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/GovernorUpgradeable.sol";
import {
    GovernorSettingsUpgradeable
} from "@openzeppelin/contracts-upgradeable/governance/extensions/GovernorSettingsUpgradeable.sol";
import {
    GovernorCountingSimpleUpgradeable
} from "@openzeppelin/contracts-upgradeable/governance/extensions/GovernorCountingSimpleUpgradeable.sol";
import {
    GovernorVotesUpgradeable
} from "@openzeppelin/contracts-upgradeable/governance/extensions/GovernorVotesUpgradeable.sol";
import {
    GovernorVotesQuorumFractionUpgradeable
} from "@openzeppelin/contracts-upgradeable/governance/extensions/GovernorVotesQuorumFractionUpgradeable.sol";
import {
    GovernorTimelockControlUpgradeable
} from "@openzeppelin/contracts-upgradeable/governance/extensions/GovernorTimelockControlUpgradeable.sol";
import {
    TimelockControllerUpgradeable
} from "@openzeppelin/contracts-upgradeable/governance/TimelockControllerUpgradeable.sol";
import {ERC2771ContextUpgradeable} from "@openzeppelin/contracts-upgradeable/metatx/ERC2771ContextUpgradeable.sol";
import {ContextUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/ContextUpgradeable.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {UnionToken} from "./UnionToken.sol";
import {IUnion} from "./interfaces/IUnion.sol";

/// @title UnionGovernor
/// @notice A union's OpenZeppelin Governor (settings, simple counting, token votes, quorum fraction, timelock
/// control), used as an EIP-1167 clone. Times are in seconds: the token's clock is the timestamp.
///
/// Quorum: `quorumNumerator / 100` of the token's *delegated supply* at the proposal's snapshot
/// (`UnionToken.getPastDelegatedSupply`), not of its total supply. The total supply includes the treasury
/// reserve held by the timelock and unvested allocations, which no one can vote with, so a fraction of it can
/// be out of reach. The delegated supply is checkpointed like votes, read at the snapshot (strictly in the
/// past when voting opens), so tokens bought, borrowed or delegated afterwards move neither votes nor quorum.
/// Delegating just before the snapshot raises the quorum by exactly the votes it adds; undelegating lowers it
/// by exactly the votes it removes: nobody can change the quorum without changing their own votes equally.
///
/// Votes come only from trust: an account the union does not trust right now (`IUnion.isTrusted`: a stranger
/// holding bought or transferred tokens, a member nobody vouched for, a leader who left while holding followers'
/// delegation, the timelock) has zero votes, for voting and for the proposal threshold alike. Delegated
/// balances of untrusted accounts still count in the delegated supply, so they raise the quorum without adding
/// votes that can meet it (a stranger can make quorum harder to reach by buying and self-delegating tokens, but
/// can never add a vote).
contract UnionGovernor is
    Initializable,
    GovernorUpgradeable,
    GovernorSettingsUpgradeable,
    GovernorCountingSimpleUpgradeable,
    GovernorVotesUpgradeable,
    GovernorVotesQuorumFractionUpgradeable,
    GovernorTimelockControlUpgradeable,
    ERC2771ContextUpgradeable
{
    /// @dev The union whose trust decides who votes.
    IUnion private _union;
    /// @dev Who voted For each proposal (the ones who may not ragequit while it waits in the timelock).
    mapping(uint256 proposalId => mapping(address voter => bool)) private _votedFor;

    /// @dev Implementations are only used through clones; the trusted forwarder (the shared ERC-4337 relay
    /// account, ERC-2771) is an immutable of the implementation, so every clone shares it.
    /// @param trustedForwarder_ The relay whose calls carry the voter's address appended (zero: none).
    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(address trustedForwarder_) ERC2771ContextUpgradeable(trustedForwarder_) {
        _disableInitializers();
    }

    /// @notice Initialises a clone.
    /// @param name_ Governor name (EIP-712 domain for vote signatures).
    /// @param token_ The union's votes token.
    /// @param timelock_ The union's timelock (executor and treasury).
    /// @param votingDelay_ Seconds between proposing and voting.
    /// @param votingPeriod_ Seconds voting stays open.
    /// @param proposalThreshold_ Votes needed to propose.
    /// @param quorumPercent_ Quorum as a percentage of the delegated supply at the snapshot.
    /// @param union_ The union whose trusted members alone vote.
    function initialize(
        IUnion union_,
        string calldata name_,
        IVotes token_,
        TimelockControllerUpgradeable timelock_,
        uint48 votingDelay_,
        uint32 votingPeriod_,
        uint256 proposalThreshold_,
        uint256 quorumPercent_
    ) external initializer {
        __Governor_init(name_);
        __GovernorSettings_init(votingDelay_, votingPeriod_, proposalThreshold_);
        __GovernorCountingSimple_init();
        __GovernorVotes_init(token_);
        __GovernorVotesQuorumFraction_init(quorumPercent_);
        __GovernorTimelockControl_init(timelock_);
        _union = union_;
    }

    /// @notice The union whose trusted members vote.
    /// @return The union.
    function union() external view returns (IUnion) {
        return _union;
    }

    /// @notice Whether `account` voted For `proposalId`.
    /// @param proposalId The proposal.
    /// @param account The voter.
    /// @return True iff `account` cast a For vote.
    function votedFor(uint256 proposalId, address account) external view returns (bool) {
        return _votedFor[proposalId][account];
    }

    /// @dev Zero for any account the union does not trust now; the token's checkpointed votes otherwise.
    function _getVotes(address account, uint256 timepoint, bytes memory params)
        internal
        view
        override(GovernorUpgradeable, GovernorVotesUpgradeable)
        returns (uint256)
    {
        if (!_union.isTrusted(account)) return 0;
        return super._getVotes(account, timepoint, params);
    }

    /// @dev Simple counting, and remembers For voters.
    function _countVote(uint256 proposalId, address account, uint8 support, uint256 totalWeight, bytes memory params)
        internal
        override(GovernorUpgradeable, GovernorCountingSimpleUpgradeable)
        returns (uint256)
    {
        if (support == uint8(VoteType.For)) _votedFor[proposalId][account] = true;
        return super._countVote(proposalId, account, support, totalWeight, params);
    }

    /// @notice Votes needed (for + abstain) at `timepoint`: a fraction of the delegated supply then.
    /// @param timepoint A past timestamp (a proposal's snapshot).
    /// @return The quorum in votes.
    function quorum(uint256 timepoint)
        public
        view
        override(GovernorUpgradeable, GovernorVotesQuorumFractionUpgradeable)
        returns (uint256)
    {
        uint256 delegated = UnionToken(address(token())).getPastDelegatedSupply(timepoint);
        return Math.mulDiv(delegated, quorumNumerator(timepoint), quorumDenominator());
    }

    // The overrides below only resolve OpenZeppelin's multiple inheritance.

    /// @inheritdoc GovernorUpgradeable
    function state(uint256 proposalId)
        public
        view
        override(GovernorUpgradeable, GovernorTimelockControlUpgradeable)
        returns (ProposalState)
    {
        return super.state(proposalId);
    }

    /// @inheritdoc GovernorUpgradeable
    function proposalNeedsQueuing(uint256 proposalId)
        public
        view
        override(GovernorUpgradeable, GovernorTimelockControlUpgradeable)
        returns (bool)
    {
        return super.proposalNeedsQueuing(proposalId);
    }

    /// @inheritdoc GovernorUpgradeable
    function proposalThreshold()
        public
        view
        override(GovernorUpgradeable, GovernorSettingsUpgradeable)
        returns (uint256)
    {
        return super.proposalThreshold();
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(GovernorUpgradeable, GovernorTimelockControlUpgradeable) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(GovernorUpgradeable, GovernorTimelockControlUpgradeable) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(GovernorUpgradeable, GovernorTimelockControlUpgradeable) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor()
        internal
        view
        override(GovernorUpgradeable, GovernorTimelockControlUpgradeable)
        returns (address)
    {
        return super._executor();
    }

    // ---------------------------------------------------------------- ERC-2771

    function _msgSender() internal view override(ContextUpgradeable, ERC2771ContextUpgradeable) returns (address) {
        return ERC2771ContextUpgradeable._msgSender();
    }

    function _msgData() internal view override(ContextUpgradeable, ERC2771ContextUpgradeable) returns (bytes calldata) {
        return ERC2771ContextUpgradeable._msgData();
    }

    function _contextSuffixLength()
        internal
        view
        override(ContextUpgradeable, ERC2771ContextUpgradeable)
        returns (uint256)
    {
        return ERC2771ContextUpgradeable._contextSuffixLength();
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {GovernorUpgradeable} from "@openzeppelin/contracts-upgradeable/governance/GovernorUpgradeable.sol";
import {
    GovernorSettingsUpgradeable
} from "@openzeppelin/contracts-upgradeable/governance/extensions/GovernorSettingsUpgradeable.sol";
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
import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";
import {ERC2771ContextUpgradeable} from "@openzeppelin/contracts-upgradeable/metatx/ERC2771ContextUpgradeable.sol";
import {ContextUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/ContextUpgradeable.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {UnionToken} from "./UnionToken.sol";
import {IUnion} from "./interfaces/IUnion.sol";
import {CloneArgs} from "./utils/CloneArgs.sol";
import {GovernorCountingBallots} from "./governance/GovernorCountingBallots.sol";

/// @title UnionGovernor
/// @notice A union's OpenZeppelin Governor (settings, token votes, quorum fraction, timelock control) with
/// simple counting that also keeps each voter's exits (`GovernorCountingBallots`), used as an EIP-1167 clone.
/// Times are in seconds: the token's clock is the timestamp.
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
///
/// Per-union constants are the clone's immutable arguments, not storage (`CloneArgs`; packed as union (20 bytes),
/// token (20), treasury timelock (20), initial quorum percent (1), name length (2), name): the union, the token,
/// the timelock created with them (the treasury whose exits this governor records), the name (also the EIP-712
/// domain name) and the quorum percent set at creation. A quorum changed later by governance is checkpointed in
/// storage as OpenZeppelin does; until then (and for timepoints before the first change) the initial one applies.
/// Voting delay, voting period, proposal threshold and the timelock stay in OpenZeppelin's storage.
contract UnionGovernor is
    Initializable,
    GovernorUpgradeable,
    GovernorSettingsUpgradeable,
    GovernorCountingBallots,
    GovernorVotesUpgradeable,
    GovernorVotesQuorumFractionUpgradeable,
    GovernorTimelockControlUpgradeable,
    ERC2771ContextUpgradeable
{
    /// @dev Offsets of the clone's immutable arguments.
    uint256 private constant _ARG_UNION = 0;
    uint256 private constant _ARG_TOKEN = 20;
    uint256 private constant _ARG_TREASURY = 40;
    uint256 private constant _ARG_QUORUM = 60;
    uint256 private constant _ARG_NAME_LENGTH = 61;
    uint256 private constant _ARG_NAME = 63;
    /// @dev ERC-7201 location of OpenZeppelin's `GovernorTimelockControlStorage` (its `_timelockIds` mapping is
    /// the struct's second field), read by `recordExit`:
    /// keccak256(abi.encode(uint256(keccak256("openzeppelin.storage.GovernorTimelockControl")) - 1)) & ~0xff.
    bytes32 private constant _TIMELOCK_CONTROL_STORAGE =
        0x0d5829787b8befdbc6044ef7457d8a95c2a04bc99235349f1a212c063e59d400;

    /// @dev Implementations are only used through clones; the trusted forwarder (the shared ERC-4337 relay
    /// account, ERC-2771) is an immutable of the implementation, so every clone shares it.
    /// @param trustedForwarder_ The relay whose calls carry the voter's address appended (zero: none).
    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(address trustedForwarder_) ERC2771ContextUpgradeable(trustedForwarder_) {
        _disableInitializers();
    }

    /// @notice A quorum of zero would let any proposal with one For vote pass.
    error UnionGovernor_ZeroQuorum();
    /// @notice Only the union's timelock records exits.
    /// @param caller The caller.
    error UnionGovernor_NotTreasury(address caller);

    /// @notice Initialises a clone (union, token, name and quorum come from its immutable arguments).
    /// @param timelock_ The union's timelock (executor and treasury).
    /// @param votingDelay_ Seconds between proposing and voting.
    /// @param votingPeriod_ Seconds voting stays open.
    /// @param proposalThreshold_ Votes needed to propose.
    function initialize(
        TimelockControllerUpgradeable timelock_,
        uint48 votingDelay_,
        uint32 votingPeriod_,
        uint256 proposalThreshold_
    ) external initializer {
        uint256 quorumPercent = CloneArgs.uintAt(_ARG_QUORUM, 1);
        if (quorumPercent == 0) revert UnionGovernor_ZeroQuorum();
        __GovernorSettings_init(votingDelay_, votingPeriod_, proposalThreshold_);
        __GovernorTimelockControl_init(timelock_);
    }

    /// @notice The union whose trusted members vote.
    /// @return The union.
    function union() public view returns (IUnion) {
        return IUnion(CloneArgs.addressAt(_ARG_UNION));
    }

    /// @notice The union's votes token.
    /// @return The token.
    function token() public view override returns (IERC5805) {
        return IERC5805(CloneArgs.addressAt(_ARG_TOKEN));
    }

    /// @notice The governor's name (also its EIP-712 domain name).
    /// @return The name.
    function name() public view override returns (string memory) {
        return CloneArgs.stringAt(_ARG_NAME, CloneArgs.uintAt(_ARG_NAME_LENGTH, 2));
    }

    /// @notice The quorum percent now: the last one governance set, else the one set at creation.
    /// @return The numerator over `quorumDenominator()`.
    function quorumNumerator() public view override returns (uint256) {
        uint256 set = super.quorumNumerator();
        return set == 0 ? CloneArgs.uintAt(_ARG_QUORUM, 1) : set;
    }

    /// @notice The quorum percent at `timepoint`: the one governance had set by then, else the one set at creation.
    /// @dev Governance can never set zero (`_updateQuorumNumerator`), so zero from the checkpoints means "none yet".
    /// @param timepoint A timestamp.
    /// @return The numerator over `quorumDenominator()`.
    function quorumNumerator(uint256 timepoint) public view override returns (uint256) {
        uint256 set = super.quorumNumerator(timepoint);
        return set == 0 ? CloneArgs.uintAt(_ARG_QUORUM, 1) : set;
    }

    /// @notice Records an exit (ragequit) for the union's timelock, and answers what the exit needs to know, in
    /// one call: the timelock operation `proposalId` is queued as (zero if it is not queued, or no longer), the
    /// proposal's snapshot, whether `account` voted For it, and what it burnt in exits under it before this one.
    /// @dev The exit record sits beside the vote in one slot (`GovernorCountingBallots.Ballot`), so the exit reads
    /// and writes one slot here instead of a vote here and a record in the timelock. Written before the timelock's
    /// checks: a refused exit reverts the whole call, this write with it. Only the timelock the union was created
    /// with (this clone's argument), the one whose exits the union and the token accept.
    /// @param proposalId The proposal.
    /// @param account The member exiting.
    /// @param amount Union tokens the exit burns (the token checks the cap).
    /// @return operationId The timelock operation id (OpenZeppelin's `_timelockIds[proposalId]`).
    /// @return snapshot The proposal's snapshot timepoint (zero for an unknown proposal).
    /// @return votedFor_ True iff `account` cast a For vote.
    /// @return exitedBefore Union tokens `account` burnt in earlier exits under `proposalId`.
    function recordExit(uint256 proposalId, address account, uint256 amount)
        external
        returns (bytes32 operationId, uint256 snapshot, bool votedFor_, uint256 exitedBefore)
    {
        if (msg.sender != CloneArgs.addressAt(_ARG_TREASURY)) revert UnionGovernor_NotTreasury(msg.sender);
        bytes32 slot = keccak256(abi.encode(proposalId, uint256(_TIMELOCK_CONTROL_STORAGE) + 1));
        assembly ("memory-safe") {
            operationId := sload(slot)
        }
        snapshot = proposalSnapshot(proposalId);
        (votedFor_, exitedBefore) = _recordExit(proposalId, account, amount);
    }

    /// @dev Zero for any account the union does not trust now; the token's checkpointed votes otherwise.
    function _getVotes(address account, uint256 timepoint, bytes memory params)
        internal
        view
        override(GovernorUpgradeable, GovernorVotesUpgradeable)
        returns (uint256)
    {
        if (!union().isTrusted(account)) return 0;
        return super._getVotes(account, timepoint, params);
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

    /// @dev Governance may change the quorum, never to zero.
    function _updateQuorumNumerator(uint256 newQuorumNumerator) internal override {
        if (newQuorumNumerator == 0) revert UnionGovernor_ZeroQuorum();
        super._updateQuorumNumerator(newQuorumNumerator);
    }

    /// @dev The EIP-712 domain name is the governor's name, from the clone's arguments.
    function _EIP712Name() internal view override returns (string memory) {
        return name();
    }

    /// @dev The EIP-712 domain version (OpenZeppelin's Governor `version()`).
    function _EIP712Version() internal view override returns (string memory) {
        return version();
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

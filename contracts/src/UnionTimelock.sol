// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {
    TimelockControllerUpgradeable
} from "@openzeppelin/contracts-upgradeable/governance/TimelockControllerUpgradeable.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {UnionGovernor} from "./UnionGovernor.sol";
import {UnionToken} from "./UnionToken.sol";
import {Union} from "./Union.sol";
import {CloneArgs} from "./utils/CloneArgs.sol";

/// @title UnionTimelock
/// @notice A union's treasury and executor: OpenZeppelin's TimelockController, used as an EIP-1167 clone.
/// The governor is the only proposer and canceller, anyone may execute a ready operation, and there is no
/// admin but the timelock itself.
///
/// Exit rights (ragequit, as in Moloch): while a passed proposal waits here (its governor state is Queued), a
/// member who did not vote For it may leave with their share of the treasury: they burn `amount` of their union
/// tokens and receive `amount / memberSupply` of this contract's ETH and of each token they list (never the
/// union's own token), where memberSupply = the union token's total supply − this contract's own balance of it
/// (the supply outside the treasury: members' and former members' balances, and unvested allocations, which
/// only make each share smaller). The timelock delay is the exit window: an exit is paid at once, in full,
/// whatever the proposal moves when it later executes.
///
/// The governor, the union and the union's token are the clone's immutable arguments (`CloneArgs`; packed as
/// governor (20 bytes), union (20), token (20)); the delay stays in OpenZeppelin's storage. The four roles every
/// union's timelock starts with — the governor as proposer and canceller, anyone (the zero address) as executor,
/// the timelock itself as admin — are *default roles* read from those arguments, not four storage slots: `hasRole`
/// answers them from the arguments unless governance revoked one (one flag per role), and grants and revocations
/// of every other role are OpenZeppelin's as usual, with the same events.
contract UnionTimelock is Initializable, TimelockControllerUpgradeable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev Offsets of the clone's immutable arguments.
    uint256 private constant _ARG_GOVERNOR = 0;
    uint256 private constant _ARG_UNION = 20;
    uint256 private constant _ARG_TOKEN = 40;

    /// @dev A default role (see the contract's notice) that governance revoked; `_grantRole` restores it.
    mapping(bytes32 role => bool) private _defaultRoleRevoked;

    /// @notice The generic initialiser is disabled; use `initialize(minDelay)`.
    error UnionTimelock_UseGovernorInitializer();
    /// @notice Exits are open only while the proposal is queued here.
    /// @param proposalId The proposal.
    /// @param state Its governor state.
    error UnionTimelock_NotQueued(uint256 proposalId, IGovernor.ProposalState state);
    /// @notice Only current members may exit.
    /// @param account The caller.
    error UnionTimelock_NotMember(address account);
    /// @notice Members who voted For the proposal accepted it and cannot exit on it.
    /// @param proposalId The proposal.
    /// @param account The caller.
    error UnionTimelock_VotedFor(uint256 proposalId, address account);
    /// @notice Token lists must be strictly increasing and must not name the union's own token.
    /// @param index Position of the offending token.
    /// @param token The offending token.
    error UnionTimelock_BadTokenList(uint256 index, address token);
    /// @notice Nothing to burn.
    error UnionTimelock_ZeroExit();

    /// @notice `member` exited under `proposalId`: burnt `amount` union tokens, received `eth` wei and, of each
    /// token listed, `amount / memberSupply` of the treasury's balance (reported by that token's own `Transfer`
    /// log from this contract to `member`, which ERC-20 requires); they are no longer a member.
    /// @param member The member who left.
    /// @param proposalId The queued proposal they did not accept.
    /// @param amount Union tokens burnt.
    /// @param memberSupply The supply outside the treasury the share was taken of.
    /// @param eth ETH paid.
    event Ragequit(
        address indexed member, uint256 indexed proposalId, uint256 amount, uint256 memberSupply, uint256 eth
    );

    /// @dev Implementations are only used through clones.
    constructor() {
        _disableInitializers();
    }

    /// @notice Initialises a clone; the governor (from the clone's arguments) becomes sole proposer and canceller.
    /// @param minDelay Minimum delay (seconds) between queueing and executing: the exit window.
    function initialize(uint256 minDelay) external initializer {
        address[] memory proposers = new address[](1);
        proposers[0] = governor();
        // the zero address as executor opens execution to anyone
        address[] memory executors = new address[](1);
        // the default roles need no storage (`_grantRole` returns false for them), so their grants are logged here
        __TimelockController_init({minDelay: minDelay, proposers: proposers, executors: executors, admin: address(0)});
        emit RoleGranted(DEFAULT_ADMIN_ROLE, address(this), msg.sender);
        emit RoleGranted(PROPOSER_ROLE, proposers[0], msg.sender);
        emit RoleGranted(CANCELLER_ROLE, proposers[0], msg.sender);
        emit RoleGranted(EXECUTOR_ROLE, address(0), msg.sender);
    }

    /// @notice Whether `account` has `role`: a default role unless governance revoked it, else OpenZeppelin's record.
    /// @param role The role.
    /// @param account The account.
    /// @return True iff `account` holds `role`.
    function hasRole(bytes32 role, address account) public view override returns (bool) {
        if (_isDefaultRole(role, account)) return !_defaultRoleRevoked[role];
        return super.hasRole(role, account);
    }

    /// @dev A default role is held unless revoked: granting it only undoes a revocation.
    function _grantRole(bytes32 role, address account) internal override returns (bool) {
        if (!_isDefaultRole(role, account)) return super._grantRole(role, account);
        if (!_defaultRoleRevoked[role]) return false;
        _defaultRoleRevoked[role] = false;
        emit RoleGranted(role, account, _msgSender());
        return true;
    }

    /// @dev Revoking (or renouncing) a default role sets its flag.
    function _revokeRole(bytes32 role, address account) internal override returns (bool) {
        if (!_isDefaultRole(role, account)) return super._revokeRole(role, account);
        if (_defaultRoleRevoked[role]) return false;
        _defaultRoleRevoked[role] = true;
        emit RoleRevoked(role, account, _msgSender());
        return true;
    }

    /// @dev The governor proposes and cancels, anyone executes, the timelock administers itself.
    function _isDefaultRole(bytes32 role, address account) private view returns (bool) {
        if (role == PROPOSER_ROLE || role == CANCELLER_ROLE) return account == governor();
        if (role == EXECUTOR_ROLE) return account == address(0);
        return role == DEFAULT_ADMIN_ROLE && account == address(this);
    }

    /// @notice Disabled: use `initialize(minDelay)`.
    function initialize(uint256, address[] memory, address[] memory, address) public pure override {
        revert UnionTimelock_UseGovernorInitializer();
    }

    /// @notice Leave with your share of the treasury while `proposalId` waits here, if you did not vote For it.
    /// @dev "Waits here" is checked on this contract's own operation (the one the governor queued the proposal
    /// as, pending until executed or cancelled), which is the governor's `Queued` state without its vote
    /// and quorum arithmetic; the governor's `state` is read only to report a refusal. `amount` is capped by the
    /// caller's votes at the proposal's snapshot (`getPastVotes`, checkpointed before voting opened) less what
    /// they already burnt in exits under it, so tokens bought or borrowed after the vote cannot drain the
    /// treasury; the governor keeps that record beside the caller's vote (`recordExit`, one call for the terms
    /// and the record) and the token checks the cap as it burns (`UnionToken_ExitTooLarge`). A member whose votes sat with
    /// a leader at the snapshot (back and follow) had them cast by that leader and has no exit under this
    /// proposal. The caller leaves the union: the union checks membership and removes the member in one call
    /// (`removeOnExit`), and a refusal further on reverts the removal with everything else. Checks, in order:
    /// queued, member, did not vote For, non-zero, within the cap.
    /// @param proposalId A proposal in state Queued.
    /// @param amount Union tokens to burn (your share's numerator).
    /// @param tokens ERC-20s to be paid a share of, strictly increasing addresses, not the union's token.
    function ragequit(uint256 proposalId, uint256 amount, address[] calldata tokens) external nonReentrant {
        UnionGovernor gov = UnionGovernor(payable(governor()));
        (bytes32 operationId, uint256 snapshot, bool votedFor, uint256 done) =
            gov.recordExit(proposalId, msg.sender, amount);
        if (!isOperationPending(operationId)) revert UnionTimelock_NotQueued(proposalId, gov.state(proposalId));
        if (!Union(CloneArgs.addressAt(_ARG_UNION)).removeOnExit(msg.sender)) {
            revert UnionTimelock_NotMember(msg.sender);
        }
        if (votedFor) revert UnionTimelock_VotedFor(proposalId, msg.sender);
        if (amount == 0) revert UnionTimelock_ZeroExit();
        UnionToken token = UnionToken(CloneArgs.addressAt(_ARG_TOKEN));
        uint256 memberSupply =
            token.burnOnExit({account: msg.sender, amount: amount, snapshot: snapshot, exitedBefore: done});
        uint256 eth = Math.mulDiv(address(this).balance, amount, memberSupply);
        emit Ragequit({
            member: msg.sender, proposalId: proposalId, amount: amount, memberSupply: memberSupply, eth: eth
        });

        _payTokens({tokens: tokens, unionToken: address(token), amount: amount, memberSupply: memberSupply});
        if (eth != 0) Address.sendValue(payable(msg.sender), eth);
    }

    /// @dev Pays the caller `amount / memberSupply` of each listed token's balance here.
    function _payTokens(address[] calldata tokens, address unionToken, uint256 amount, uint256 memberSupply) private {
        address previous;
        for (uint256 i; i < tokens.length; ++i) {
            address t = tokens[i];
            if (t <= previous || t == unionToken) revert UnionTimelock_BadTokenList(i, t);
            previous = t;
            uint256 share = Math.mulDiv(IERC20(t).balanceOf(address(this)), amount, memberSupply);
            if (share != 0) IERC20(t).safeTransfer(msg.sender, share);
        }
    }

    /// @notice The governor whose queued proposals open exit windows.
    /// @return The governor.
    function governor() public view returns (address) {
        return CloneArgs.addressAt(_ARG_GOVERNOR);
    }
}

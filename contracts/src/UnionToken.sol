// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {ERC20Upgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC20/ERC20Upgradeable.sol";
import {
    ERC20PermitUpgradeable
} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20PermitUpgradeable.sol";
import {
    ERC20VotesUpgradeable
} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20VotesUpgradeable.sol";
import {NoncesUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/NoncesUpgradeable.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {CloneArgs} from "./utils/CloneArgs.sol";

/// @title UnionToken
/// @notice A union's ERC-20 with votes (timestamp clock) and permit. Used as an EIP-1167 clone with immutable
/// arguments: its union, its timelock, its name and its symbol live in the clone's code, not in storage
/// (`CloneArgs`; packed as union (20 bytes), timelock (20), name length (2), symbol length (2), name, symbol).
/// @dev Only the union mints. The factory that initialises the clone may also mint (the treasury reserve and
/// vesting allocations) until it calls `finishInitialMint`, which it does inside the same `createUnion`.
/// The token also checkpoints its *delegated supply* (the sum of all voting power: tokens whose holder has a
/// delegate), which the governor's quorum is taken from. Tokens nobody can vote with — the treasury reserve in
/// the timelock, unvested allocations in vesting wallets, balances of holders who never delegated — are not
/// in it, so a quorum fraction of it is reachable.
contract UnionToken is Initializable, ERC20Upgradeable, ERC20PermitUpgradeable, ERC20VotesUpgradeable {
    using Checkpoints for Checkpoints.Trace208;

    /// @dev Offsets of the clone's immutable arguments.
    uint256 private constant _ARG_UNION = 0;
    uint256 private constant _ARG_TIMELOCK = 20;
    uint256 private constant _ARG_NAME_LENGTH = 40;
    uint256 private constant _ARG_SYMBOL_LENGTH = 42;
    uint256 private constant _ARG_STRINGS = 44;

    /// @dev The initialiser (the factory) while the initial supply is minted; zero afterwards.
    address private _initialMinter;
    /// @dev Total voting power over time (keyed by timestamp), i.e. the sum of every delegate's votes.
    Checkpoints.Trace208 private _delegatedSupply;

    /// @notice `caller` may not mint.
    /// @param caller The rejected caller.
    error UnionToken_NotMinter(address caller);
    /// @notice Only the union may call this function.
    /// @param caller The rejected caller.
    error UnionToken_NotUnion(address caller);
    /// @notice Only the union's timelock may call this function.
    /// @param caller The rejected caller.
    error UnionToken_NotTimelock(address caller);
    /// @notice The exit burns more than the account's votes at the proposal's snapshot (less earlier exits).
    /// @param amount Tokens asked to burn.
    /// @param allowed Tokens still allowed.
    error UnionToken_ExitTooLarge(uint256 amount, uint256 allowed);
    /// @notice Only the initial minter may end the initial mint.
    /// @param caller The rejected caller.
    error UnionToken_NotInitialMinter(address caller);

    /// @notice The initial minter gave up minting; from now on only the union mints.
    /// @param minter The former initial minter.
    event InitialMintFinished(address indexed minter);

    /// @dev Implementations are only used through clones.
    constructor() {
        _disableInitializers();
    }

    /// @notice Initialises a clone. The caller becomes the initial minter until `finishInitialMint`.
    /// @dev Name, symbol and the EIP-712 domain (name, version "1") are read from the clone's arguments, so the
    /// ERC-20 and EIP-712 storage initialisers are not needed.
    function initialize() external initializer {
        __ERC20Votes_init();
        _initialMinter = msg.sender;
    }

    /// @notice The union that owns this token (the only permanent minter).
    /// @return The union's address.
    function union() public view returns (address) {
        return CloneArgs.addressAt(_ARG_UNION);
    }

    /// @notice The union's timelock (the only caller of `burnOnExit`).
    /// @return The timelock's address.
    function timelock() public view returns (address) {
        return CloneArgs.addressAt(_ARG_TIMELOCK);
    }

    /// @notice The ERC-20 name (also the EIP-712 domain name for permit).
    /// @return The name.
    function name() public view override returns (string memory) {
        return CloneArgs.stringAt(_ARG_STRINGS, CloneArgs.uintAt(_ARG_NAME_LENGTH, 2));
    }

    /// @notice The ERC-20 symbol.
    /// @return The symbol.
    function symbol() public view override returns (string memory) {
        uint256 nameLength = CloneArgs.uintAt(_ARG_NAME_LENGTH, 2);
        return CloneArgs.stringAt(_ARG_STRINGS + nameLength, CloneArgs.uintAt(_ARG_SYMBOL_LENGTH, 2));
    }

    /// @notice The address still allowed to mint the initial supply, or zero once it finished.
    /// @return The initial minter.
    function initialMinter() external view returns (address) {
        return _initialMinter;
    }

    /// @notice Mints `amount` to `to`. Only the union (or the initial minter during creation).
    /// @param to Recipient.
    /// @param amount Amount in wei units.
    function mint(address to, uint256 amount) external {
        // The union is checked first so its mints (every join) read one slot.
        if (msg.sender != union() && msg.sender != _initialMinter) revert UnionToken_NotMinter(msg.sender);
        _mint(to, amount);
    }

    /// @notice Self-delegates `account` if it has never delegated, so a newly trusted member votes without an
    /// extra transaction. Called by the union when trust reaches a member (never at a bare join).
    /// @param account The newly trusted member.
    function delegateOnTrust(address account) external {
        if (msg.sender != union()) revert UnionToken_NotUnion(msg.sender);
        if (delegates(account) == address(0)) _delegate(account, account);
    }

    /// @notice Delegates `account`'s votes to `delegatee` on the account's behalf: the union's "back and
    /// follow" and the return of a follower's votes. Only the union, only for the member acting (or a follower
    /// whose back died).
    /// @param account The delegator.
    /// @param delegatee The new delegate.
    function delegateFor(address account, address delegatee) external {
        if (msg.sender != union()) revert UnionToken_NotUnion(msg.sender);
        _delegate(account, delegatee);
    }

    /// @notice Burns `amount` of `account`'s tokens for an exit (ragequit) through the union's timelock only, if
    /// `amount` is within the account's votes at the proposal's `snapshot` less what it already burnt in exits
    /// under that proposal; returns the supply the exit's share is taken of, as it was before the burn. One call
    /// for the timelock's checks of the votes and supply and the burn itself.
    /// @param account The exiting member.
    /// @param amount Tokens burnt.
    /// @param snapshot The proposal's snapshot (a past timestamp): the cap is `getPastVotes(account, snapshot)`.
    /// @param exitedBefore Tokens `account` already burnt in exits under the same proposal (at most the cap).
    /// @return memberSupply Total supply less the timelock's own balance, before this burn.
    function burnOnExit(address account, uint256 amount, uint256 snapshot, uint256 exitedBefore)
        external
        returns (uint256 memberSupply)
    {
        address timelock_ = timelock();
        if (msg.sender != timelock_) revert UnionToken_NotTimelock(msg.sender);
        // cannot underflow: the timelock records every exit and burns nothing beyond the cap
        uint256 allowed = getPastVotes(account, snapshot) - exitedBefore;
        if (amount > allowed) revert UnionToken_ExitTooLarge(amount, allowed);
        memberSupply = totalSupply() - balanceOf(timelock_);
        _burn(account, amount);
    }

    /// @notice Ends the initial mint: the caller loses its minting right for good.
    function finishInitialMint() external {
        address minter = _initialMinter;
        // After the first call `minter` is zero, which no caller can be.
        if (msg.sender != minter) revert UnionToken_NotInitialMinter(msg.sender);
        _initialMinter = address(0);
        emit InitialMintFinished(minter);
    }

    /// @notice The account `account` delegates its votes to (zero: none).
    /// @dev The zero address never delegates (no call can make it the delegator: `delegate` and `delegateBySig`
    /// act for a real sender or signer, the union's calls for a member), so its answer needs no storage read —
    /// which every mint and burn asks for (`_transferVotingUnits` looks up the delegate of both sides).
    /// @param account The delegator.
    /// @return The delegate.
    function delegates(address account) public view override returns (address) {
        if (account == address(0)) return address(0);
        return super.delegates(account);
    }

    /// @notice The delegated supply now: the sum of every account's votes.
    /// @return Tokens whose holder has a delegate.
    function delegatedSupply() external view returns (uint256) {
        return _delegatedSupply.latest();
    }

    /// @notice The delegated supply at a past `timepoint` (a timestamp strictly before now), as checkpointed.
    /// @dev Same lookup rules as `getPastTotalSupply`, so it is safe to read at a proposal's snapshot.
    /// @param timepoint The timestamp.
    /// @return The sum of every account's votes at the end of `timepoint`.
    function getPastDelegatedSupply(uint256 timepoint) external view returns (uint256) {
        return _delegatedSupply.upperLookupRecent(_validateTimepoint(timepoint));
    }

    /// @notice Votes are checkpointed by timestamp (ERC-6372).
    /// @return The current timestamp.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 clock description.
    /// @return "mode=timestamp".
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @dev The EIP-712 domain name is the token's name, from the clone's arguments.
    function _EIP712Name() internal view override returns (string memory) {
        return name();
    }

    /// @dev The EIP-712 domain version.
    function _EIP712Version() internal pure override returns (string memory) {
        return "1";
    }

    /// @inheritdoc ERC20PermitUpgradeable
    function nonces(address owner) public view override(ERC20PermitUpgradeable, NoncesUpgradeable) returns (uint256) {
        return super.nonces(owner);
    }

    /// @dev Every change of voting power passes here (transfers, mints, burns and delegation changes). Power
    /// that moves from "no delegate" to a delegate joins the delegated supply; the reverse leaves it; power moving
    /// between two delegates (or between two undelegated holders) leaves it unchanged.
    function _moveDelegateVotes(address from, address to, uint256 amount) internal override {
        super._moveDelegateVotes(from, to, amount);
        if (amount == 0 || (from == address(0)) == (to == address(0))) return;
        uint208 current = _delegatedSupply.latest();
        uint208 delta = SafeCast.toUint208(amount);
        // cannot underflow: power leaving the delegated supply was counted in it when it entered
        _delegatedSupply.push(clock(), from == address(0) ? current + delta : current - delta);
    }

    /// @dev The single path for every balance change (ERC20 + Votes checkpoints).
    function _update(address from, address to, uint256 value)
        internal
        override(ERC20Upgradeable, ERC20VotesUpgradeable)
    {
        super._update(from, to, value);
    }
}

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

/// @title UnionToken
/// @notice A union's ERC-20 with votes (timestamp clock) and permit. Used as an EIP-1167 clone.
/// @dev Only the union mints. The factory that initialises the clone may also mint (the treasury reserve and
/// vesting allocations) until it calls `finishInitialMint`, which it does inside the same `createUnion`.
contract UnionToken is Initializable, ERC20Upgradeable, ERC20PermitUpgradeable, ERC20VotesUpgradeable {
    /// @dev The union this token belongs to: the only permanent minter.
    address private _union;
    /// @dev The initialiser (the factory) while the initial supply is minted; zero afterwards.
    address private _initialMinter;

    /// @notice `caller` may not mint.
    /// @param caller The rejected caller.
    error UnionToken_NotMinter(address caller);
    /// @notice Only the union may call this function.
    /// @param caller The rejected caller.
    error UnionToken_NotUnion(address caller);
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
    /// @param name_ ERC-20 name (also the EIP-712 domain name for permit).
    /// @param symbol_ ERC-20 symbol.
    /// @param union_ The union allowed to mint and to delegate on join.
    function initialize(string calldata name_, string calldata symbol_, address union_) external initializer {
        __ERC20_init(name_, symbol_);
        __ERC20Permit_init(name_);
        __ERC20Votes_init();
        _union = union_;
        _initialMinter = msg.sender;
    }

    /// @notice The union that owns this token.
    /// @return The union's address.
    function union() external view returns (address) {
        return _union;
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
        if (msg.sender != _union && msg.sender != _initialMinter) revert UnionToken_NotMinter(msg.sender);
        _mint(to, amount);
    }

    /// @notice Self-delegates `account` if it has never delegated, so a joiner votes without an extra transaction.
    /// @param account The new member.
    function delegateOnJoin(address account) external {
        if (msg.sender != _union) revert UnionToken_NotUnion(msg.sender);
        if (delegates(account) == address(0)) _delegate(account, account);
    }

    /// @notice Ends the initial mint: the caller loses its minting right for good.
    function finishInitialMint() external {
        address minter = _initialMinter;
        // After the first call `minter` is zero, which no caller can be.
        if (msg.sender != minter) revert UnionToken_NotInitialMinter(msg.sender);
        _initialMinter = address(0);
        emit InitialMintFinished(minter);
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

    /// @inheritdoc ERC20PermitUpgradeable
    function nonces(address owner) public view override(ERC20PermitUpgradeable, NoncesUpgradeable) returns (uint256) {
        return super.nonces(owner);
    }

    /// @dev The single path for every balance change (ERC20 + Votes checkpoints).
    function _update(address from, address to, uint256 value)
        internal
        override(ERC20Upgradeable, ERC20VotesUpgradeable)
    {
        super._update(from, to, value);
    }
}

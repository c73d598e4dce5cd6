// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IPaymaster} from "@account-abstraction/contracts/interfaces/IPaymaster.sol";
import {IEntryPoint} from "@account-abstraction/contracts/interfaces/IEntryPoint.sol";
import {PackedUserOperation} from "@account-abstraction/contracts/interfaces/PackedUserOperation.sol";
import {UserOperationLib} from "@account-abstraction/contracts/core/UserOperationLib.sol";
import {_packValidationData} from "@account-abstraction/contracts/core/Helpers.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {IUnion} from "../interfaces/IUnion.sol";
import {IUnionScoped} from "../interfaces/IUnionScoped.sol";
import {IUnionRegistry} from "../economy/IUnionRegistry.sol";
import {Union} from "../Union.sol";
import {IUnionRelayAccount} from "./IUnionRelayAccount.sol";
import {IUnionPaymaster} from "./IUnionPaymaster.sol";

/// @dev The one view of the timelock the paymaster needs (the union's governor).
interface ITimelockGovernor {
    function governor() external view returns (address);
}

/// @title UnionPaymaster
/// @notice Pays for trusted members' calls through the `UnionRelayAccount`, from their union's balance. Rules,
/// all checked in `validatePaymasterUserOp` (so a refused operation never executes and costs the union nothing):
/// the sender is the relay account and the call is `relay(member, union, target, data)` with nonce key `member`;
/// `union` is a union of this deployment and sponsors; `target`'s function is on the union's allow-list; the
/// member is trusted by the union (`IUnion.isTrusted`, the rule that gives votes), or is redeeming an invite the
/// union would accept from a trusted inviter; the member's spend this period plus the operation's maximum cost
/// stays within the budget; and the union's balance covers that maximum cost. The maximum cost is reserved in
/// validation and the unused part released in `postOp`, so operations in one bundle cannot overspend.
/// @dev The budget period comes in `paymasterAndData` (6 bytes after the gas limits) and is enforced through
/// `validAfter` / `validUntil`, since ERC-7562 forbids `TIMESTAMP` in validation. Reading union storage in
/// validation is allowed for a staked paymaster (ERC-7562); stake with `addStake`. The charge is the
/// EntryPoint's `actualGasCost` plus `POST_OP_OVERHEAD` and a bound of the unused-postOp-gas penalty at the
/// operation's gas price: an upper bound of what the EntryPoint takes from the deposit, so the unions' balances
/// never exceed it (the small surplus stays in the deposit and is `totalBalances()` below it).
contract UnionPaymaster is IPaymaster, IUnionPaymaster {
    using UserOperationLib for PackedUserOperation;

    /// @notice Gas of `postOp` itself and of the EntryPoint's accounting after it, charged on top of the
    /// EntryPoint's `actualGasCost` (measured: about 8,000 for `postOp`, see test/contracts/sponsor).
    uint256 public constant POST_OP_OVERHEAD = 15_000;

    /// @notice The EntryPoint (v0.8).
    IEntryPoint public immutable entryPoint;
    /// @notice The factory whose unions may sponsor.
    IUnionRegistry public immutable registry;
    /// @notice The only account this paymaster pays for.
    address public immutable relayAccount;
    /// @notice Who may unlock and withdraw the stake (never the unions' balances).
    address public immutable stakeOwner;
    /// @dev Shared contracts of this deployment a union may allow (crowdfund, demands, courses).
    address private immutable _shared0;
    address private immutable _shared1;
    address private immutable _shared2;

    /// @dev What `validatePaymasterUserOp` reserved, handed to `postOp` as the context.
    struct Charge {
        address union;
        address member;
        address target;
        bytes4 selector;
        uint256 periodIndex;
        uint256 maxCost;
        uint256 postOpGasLimit;
    }

    uint256 private _totalBalances;
    mapping(address union => uint256) private _balances;
    mapping(address union => Rules) private _rules;
    mapping(address union => mapping(address target => mapping(bytes4 selector => bool))) private _allowed;
    mapping(address union => mapping(address member => mapping(uint256 periodIndex => uint256))) private _spent;

    /// @param entryPoint_ The EntryPoint (v0.8).
    /// @param registry_ The union factory (`isUnion`).
    /// @param relayAccount_ The relay account (the unions' trusted forwarder).
    /// @param shared The shared contracts unions may allow (zero entries are ignored).
    /// @param stakeOwner_ Who manages the stake.
    constructor(
        IEntryPoint entryPoint_,
        IUnionRegistry registry_,
        address relayAccount_,
        address[3] memory shared,
        address stakeOwner_
    ) {
        entryPoint = entryPoint_;
        registry = registry_;
        relayAccount = relayAccount_;
        _shared0 = shared[0];
        _shared1 = shared[1];
        _shared2 = shared[2];
        stakeOwner = stakeOwner_;
    }

    modifier onlyEntryPoint() {
        if (msg.sender != address(entryPoint)) revert UnionPaymaster_NotEntryPoint(msg.sender);
        _;
    }

    modifier onlyGovernance(address union) {
        _checkUnion(union);
        if (msg.sender != IUnion(union).steward() && msg.sender != IUnion(union).timelock()) {
            revert UnionPaymaster_NotGovernance(union, msg.sender);
        }
        _;
    }

    // ---------------------------------------------------------------- unions' money and rules

    /// @inheritdoc IUnionPaymaster
    function depositFor(address union) external payable {
        _checkUnion(union);
        if (msg.value == 0) revert UnionPaymaster_ZeroAmount();
        uint256 balance = _balances[union] + msg.value;
        _balances[union] = balance;
        _totalBalances += msg.value;
        emit Deposited(union, msg.sender, msg.value, balance);
        entryPoint.depositTo{value: msg.value}(address(this));
    }

    /// @inheritdoc IUnionPaymaster
    function withdraw(address union, address payable to, uint256 amount) external onlyGovernance(union) {
        if (amount == 0) revert UnionPaymaster_ZeroAmount();
        uint256 balance = _balances[union];
        if (balance < amount) revert UnionPaymaster_InsufficientBalance(union, balance, amount);
        unchecked {
            balance -= amount;
        }
        _balances[union] = balance;
        _totalBalances -= amount;
        emit Withdrawn(union, to, amount, balance);
        entryPoint.withdrawTo(to, amount);
    }

    /// @inheritdoc IUnionPaymaster
    function setRules(address union, uint128 budgetPerMember, uint32 period) external onlyGovernance(union) {
        if (period == 0) revert UnionPaymaster_ZeroPeriod();
        _rules[union] = Rules({budgetPerMember: budgetPerMember, period: period});
        emit RulesSet(union, budgetPerMember, period);
    }

    /// @inheritdoc IUnionPaymaster
    function setAllowed(address union, address target, bytes4[] calldata selectors, bool allowed)
        external
        onlyGovernance(union)
    {
        if (!_isOwnOrShared(union, target)) revert UnionPaymaster_ForeignContract(union, target);
        uint256 n = selectors.length;
        for (uint256 i; i < n; ++i) {
            _allowed[union][target][selectors[i]] = allowed;
            emit FunctionAllowed(union, target, selectors[i], allowed);
        }
    }

    // ---------------------------------------------------------------- stake (ERC-7562)

    /// @notice Add stake for this paymaster (anyone; locked in the EntryPoint).
    /// @param unstakeDelaySec The unstake delay.
    function addStake(uint32 unstakeDelaySec) external payable {
        entryPoint.addStake{value: msg.value}(unstakeDelaySec);
    }

    /// @notice Start the unstake delay (stake owner).
    function unlockStake() external {
        if (msg.sender != stakeOwner) revert UnionPaymaster_NotStakeOwner(msg.sender);
        entryPoint.unlockStake();
    }

    /// @notice Withdraw the unlocked stake (stake owner); the unions' balances are not stake and stay.
    /// @param to The receiver.
    function withdrawStake(address payable to) external {
        if (msg.sender != stakeOwner) revert UnionPaymaster_NotStakeOwner(msg.sender);
        entryPoint.withdrawStake(to);
    }

    // ---------------------------------------------------------------- ERC-4337

    /// @inheritdoc IPaymaster
    function validatePaymasterUserOp(PackedUserOperation calldata userOp, bytes32, uint256 maxCost)
        external
        onlyEntryPoint
        returns (bytes memory context, uint256 validationData)
    {
        if (userOp.sender != relayAccount) revert UnionPaymaster_UnknownAccount(userOp.sender);
        Charge memory c;
        bytes memory data;
        (c.member, c.union, c.target, data) = _decodeRelay(userOp);
        c.periodIndex = _periodOf(userOp);
        c.selector = bytes4(data);
        c.maxCost = maxCost;
        c.postOpGasLimit = userOp.unpackPostOpGasLimit();
        (uint256 validAfter, uint256 validUntil) = _checkRules(c.union, c.member, c.target, data, c.periodIndex);
        _reserve(c.union, c.member, c.periodIndex, maxCost);
        context = abi.encode(c);
        // forge-lint: disable-next-line(unsafe-typecast)
        validationData = _packValidationData(false, uint48(validUntil), uint48(validAfter));
    }

    /// @inheritdoc IPaymaster
    function postOp(PostOpMode mode, bytes calldata context, uint256 actualGasCost, uint256 actualUserOpFeePerGas)
        external
        onlyEntryPoint
    {
        Charge memory c = abi.decode(context, (Charge));
        uint256 charged = _chargeOf(c, actualGasCost, actualUserOpFeePerGas);
        uint256 released;
        unchecked {
            released = c.maxCost - charged;
        }
        _balances[c.union] += released;
        _totalBalances += released;
        _spent[c.union][c.member][c.periodIndex] -= released;
        emit Sponsored(c.union, c.member, c.target, c.selector, c.periodIndex, charged, mode == PostOpMode.opSucceeded);
    }

    /// @dev The EntryPoint's cost so far plus what it adds after this call: the postOp gas (at most
    /// POST_OP_OVERHEAD) and its penalty on unused postOp gas (10 % of it, only above 40,000 unused, so at most a
    /// tenth of the limit); never above the reserved maximum.
    function _chargeOf(Charge memory c, uint256 actualGasCost, uint256 feePerGas) private pure returns (uint256) {
        uint256 penalty = c.postOpGasLimit > 40_000 ? c.postOpGasLimit / 10 : 0;
        uint256 charged = actualGasCost + (POST_OP_OVERHEAD + penalty) * feePerGas;
        return charged > c.maxCost ? c.maxCost : charged;
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IUnionPaymaster
    function balanceOf(address union) external view returns (uint256) {
        return _balances[union];
    }

    /// @inheritdoc IUnionPaymaster
    function rulesOf(address union) external view returns (Rules memory) {
        return _rules[union];
    }

    /// @inheritdoc IUnionPaymaster
    function spentOf(address union, address member, uint256 periodIndex) external view returns (uint256) {
        return _spent[union][member][periodIndex];
    }

    /// @inheritdoc IUnionPaymaster
    function isAllowed(address union, address target, bytes4 selector) external view returns (bool) {
        return _allowed[union][target][selector];
    }

    /// @inheritdoc IUnionPaymaster
    function totalBalances() external view returns (uint256) {
        return _totalBalances;
    }

    // ---------------------------------------------------------------- internal

    /// @dev `relay(member, union, target, data)` with nonce key `member`.
    function _decodeRelay(PackedUserOperation calldata userOp)
        private
        pure
        returns (address member, address union, address target, bytes memory data)
    {
        bytes calldata callData = userOp.callData;
        if (callData.length < 4 || bytes4(callData) != IUnionRelayAccount.relay.selector) {
            revert UnionPaymaster_NotRelayCall(bytes4(callData));
        }
        (member, union, target, data) = abi.decode(callData[4:], (address, address, address, bytes));
        uint192 key = uint192(userOp.nonce >> 64);
        if (key != uint192(uint160(member))) revert UnionPaymaster_WrongNonceKey(member, key);
    }

    /// @dev The budget period index, the 6 bytes after the paymaster gas limits.
    function _periodOf(PackedUserOperation calldata userOp) private pure returns (uint256) {
        bytes calldata pmData = userOp.paymasterAndData;
        if (pmData.length < UserOperationLib.PAYMASTER_DATA_OFFSET + 6) revert UnionPaymaster_MissingPeriod();
        return uint48(bytes6(pmData[UserOperationLib.PAYMASTER_DATA_OFFSET:UserOperationLib.PAYMASTER_DATA_OFFSET + 6]));
    }

    /// @dev Union, allow-list and trust (or invite) rules; the validity window of the period (and invite).
    function _checkRules(address union, address member, address target, bytes memory data, uint256 periodIndex)
        private
        view
        returns (uint256 validAfter, uint256 validUntil)
    {
        _checkUnion(union);
        Rules memory r = _rules[union];
        if (r.budgetPerMember == 0) revert UnionPaymaster_NotSponsoring(union);
        bytes4 selector = bytes4(data);
        if (!_allowed[union][target][selector]) revert UnionPaymaster_NotAllowed(union, target, selector);
        uint256 start = periodIndex * r.period;
        validUntil = start + r.period - 1;
        if (validUntil > type(uint48).max) revert UnionPaymaster_PeriodOutOfRange(periodIndex);
        // the EntryPoint accepts only `validAfter < block.timestamp`, so the period's first second needs `start - 1`
        validAfter = start == 0 ? 0 : start - 1;
        if (_isShared(target)) {
            address acting = IUnionScoped(target).unionOfCall(data);
            if (acting != union) revert UnionPaymaster_OtherUnion(union, target, selector, acting);
        }
        if (target == union && selector == Union.joinWithInvite.selector) {
            (uint256 deadline, uint256 notBefore) = _checkInvite(union, member, data, validUntil);
            if (deadline < validUntil) validUntil = deadline;
            if (notBefore > validAfter) validAfter = notBefore;
        } else if (!IUnion(union).isTrusted(member)) {
            revert UnionPaymaster_NotTrusted(union, member);
        }
    }

    /// @dev Reserves `maxCost` of the member's budget and the union's balance.
    function _reserve(address union, address member, uint256 periodIndex, uint256 maxCost) private {
        uint256 budget = _rules[union].budgetPerMember;
        uint256 spent = _spent[union][member][periodIndex];
        if (spent + maxCost > budget) {
            revert UnionPaymaster_BudgetExceeded(union, member, spent, maxCost, budget);
        }
        uint256 balance = _balances[union];
        if (balance < maxCost) revert UnionPaymaster_InsufficientBalance(union, balance, maxCost);
        unchecked {
            _balances[union] = balance - maxCost;
            _totalBalances -= maxCost;
        }
        _spent[union][member][periodIndex] = spent + maxCost;
    }

    function _checkUnion(address union) private view {
        if (!registry.isUnion(union)) revert UnionPaymaster_UnknownUnion(union);
    }

    /// @dev A shared contract of this deployment (a nonzero one).
    function _isShared(address target) private view returns (bool) {
        return target != address(0) && (target == _shared0 || target == _shared1 || target == _shared2);
    }

    /// @dev The union itself, its token, its governor, or a shared contract of this deployment.
    function _isOwnOrShared(address union, address target) private view returns (bool) {
        if (target == address(0)) return false;
        if (target == union || _isShared(target)) return true;
        if (target == IUnion(union).token()) return true;
        return target == ITimelockGovernor(IUnion(union).timelock()).governor();
    }

    /// @dev Every check `Union.joinWithInvite` makes, with a trusted inviter, in a form validation may run (no
    /// clock): the deadline becomes `validUntil` (returned as `deadline`) and an inviter whose quota is used up
    /// until it refills within the period makes the operation due only then (`notBefore`, for `validAfter`).
    function _checkInvite(address union, address redeemer, bytes memory data, uint256 periodEnd)
        private
        view
        returns (uint256 deadline, uint256 notBefore)
    {
        // the arguments after the selector, in place: a length word written over the selector's word (`data`
        // is not read again)
        bytes memory args;
        assembly ("memory-safe") {
            args := add(data, 4)
            mstore(args, sub(mload(data), 4))
        }
        (Union.Invite memory invite, bytes memory signature, bytes memory claimSignature) =
            abi.decode(args, (Union.Invite, bytes, bytes));
        Union u = Union(union);
        bool ok = u.admissionRule() != IUnion.AdmissionRule.Approval && u.isTrusted(invite.inviter)
            && !u.isMember(redeemer) && redeemer != u.timelock() && !u.inviteUsed(invite.inviter, invite.nonce)
            && SignatureChecker.isValidSignatureNow(invite.inviter, u.hashInvite(invite), signature);
        if (ok && invite.invitee != redeemer) {
            ok = invite.invitee == address(0) && invite.claimKey != address(0)
                && SignatureChecker.isValidSignatureNow(invite.claimKey, u.hashClaim(redeemer), claimSignature);
        }
        if (!ok) revert UnionPaymaster_InvalidInvite(union, invite.inviter, redeemer);
        notBefore = _inviteQuotaDue(u, invite.inviter, periodEnd);
        deadline = invite.deadline > type(uint48).max ? type(uint48).max : invite.deadline;
    }

    /// @dev 0 while `inviter` has redemptions left in its stored window; otherwise the `validAfter` that makes the
    /// operation due when the window ends (the union then opens a fresh one), or a refusal if that is after
    /// `periodEnd` or the quota is zero.
    function _inviteQuotaDue(Union u, address inviter, uint256 periodEnd) private view returns (uint256) {
        Union.TrustParams memory t = u.trustParams();
        (uint64 start, uint32 used) = u.inviteWindowOf(inviter);
        if (used < t.inviteQuota) return 0;
        uint256 refillsAt = uint256(start) + t.invitePeriod;
        if (t.inviteQuota == 0 || refillsAt > periodEnd) {
            revert UnionPaymaster_InviteQuotaExhausted(address(u), inviter, t.inviteQuota, refillsAt);
        }
        // the EntryPoint accepts only `validAfter < block.timestamp`; the union refills at `refillsAt`
        return refillsAt - 1;
    }
}

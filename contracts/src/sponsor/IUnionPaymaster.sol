// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IUnionPaymaster
/// @notice One ERC-4337 paymaster for every union: it pays the gas of trusted members' calls to their union's own
/// contracts, from that union's balance (topped up from its treasury), within a per-member budget per period
/// that the union's governance sets. Every rule is checked in validation, so the EntryPoint never executes (and
/// the union never pays for) an operation the rules refuse.
interface IUnionPaymaster {
    /// @notice A union's sponsorship rules.
    /// @param budgetPerMember Wei of gas each member may spend per period (0: sponsorship off).
    /// @param period Length of a budget period in seconds (periods are `timestamp / period`).
    struct Rules {
        uint128 budgetPerMember;
        uint32 period;
    }

    /// @notice A call came from somewhere other than the EntryPoint.
    /// @param caller The caller.
    error UnionPaymaster_NotEntryPoint(address caller);
    /// @notice The user operation's sender is not the relay account.
    /// @param sender The refused sender.
    error UnionPaymaster_UnknownAccount(address sender);
    /// @notice The user operation's call is not `relay(member, union, target, data)`.
    /// @param selector The refused selector.
    error UnionPaymaster_NotRelayCall(bytes4 selector);
    /// @notice The user operation's nonce key is not its member (`uint192(member)`).
    /// @param member The member named in the call.
    /// @param key The nonce key given.
    error UnionPaymaster_WrongNonceKey(address member, uint192 key);
    /// @notice `paymasterAndData` lacks the 6-byte budget period index.
    error UnionPaymaster_MissingPeriod();
    /// @notice The period index is past what `validUntil` can express.
    /// @param periodIndex The refused index.
    error UnionPaymaster_PeriodOutOfRange(uint256 periodIndex);
    /// @notice The address is not a union of this deployment's factory.
    /// @param union The refused address.
    error UnionPaymaster_UnknownUnion(address union);
    /// @notice `union` does not sponsor (no budget set).
    /// @param union The union.
    error UnionPaymaster_NotSponsoring(address union);
    /// @notice `union` does not sponsor calls to `target`'s `selector`.
    /// @param union The union.
    /// @param target The contract.
    /// @param selector The function.
    error UnionPaymaster_NotAllowed(address union, address target, bytes4 selector);
    /// @notice `target` is neither one of `union`'s own contracts nor a shared contract of this deployment.
    /// @param union The union.
    /// @param target The refused contract.
    error UnionPaymaster_ForeignContract(address union, address target);
    /// @notice The call to the shared contract `target` acts in another union than the one paying (say, a pledge
    /// to another union's campaign).
    /// @param union The union asked to pay.
    /// @param target The shared contract.
    /// @param selector The function.
    /// @param actingUnion The union the call acts in (zero: an unknown record or a function that is not scoped).
    error UnionPaymaster_OtherUnion(address union, address target, bytes4 selector, address actingUnion);
    /// @notice `member` is not a trusted member of `union` (the rule that gives votes bounds sponsorship too).
    /// @param union The union.
    /// @param member The refused account.
    error UnionPaymaster_NotTrusted(address union, address member);
    /// @notice The invite being redeemed would not admit `redeemer` (wrong invitee or claim, used or revoked, bad
    /// signature, an inviter the union does not trust, a redeemer already a member or the timelock, or a union
    /// that admits by approval only).
    /// @param union The union.
    /// @param inviter The invite's inviter.
    /// @param redeemer The account redeeming.
    error UnionPaymaster_InvalidInvite(address union, address inviter, address redeemer);
    /// @notice The invite's inviter has no redemptions left before the budget period ends (the join would revert
    /// with `Union_InviteQuotaExhausted`).
    /// @param union The union.
    /// @param inviter The inviter.
    /// @param quota Redemptions per invite period.
    /// @param refillsAt When the inviter's quota refills.
    error UnionPaymaster_InviteQuotaExhausted(address union, address inviter, uint32 quota, uint256 refillsAt);
    /// @notice `member`'s budget for this period cannot cover the operation's maximum cost.
    /// @param union The union.
    /// @param member The member.
    /// @param spent Wei already spent (or reserved) this period.
    /// @param maxCost The operation's maximum cost.
    /// @param budget The per-member budget.
    error UnionPaymaster_BudgetExceeded(address union, address member, uint256 spent, uint256 maxCost, uint256 budget);
    /// @notice `union`'s sponsorship balance cannot cover the operation's maximum cost.
    /// @param union The union.
    /// @param balance Its balance.
    /// @param needed The operation's maximum cost (or the amount asked to withdraw).
    error UnionPaymaster_InsufficientBalance(address union, uint256 balance, uint256 needed);
    /// @notice Only the union's steward or timelock may change its sponsorship.
    /// @param union The union.
    /// @param caller The refused caller.
    error UnionPaymaster_NotGovernance(address union, address caller);
    /// @notice A budget period of zero seconds.
    error UnionPaymaster_ZeroPeriod();
    /// @notice Only the stake owner manages the stake.
    /// @param caller The refused caller.
    error UnionPaymaster_NotStakeOwner(address caller);
    /// @notice A deposit or withdrawal of zero.
    error UnionPaymaster_ZeroAmount();

    /// @notice `from` added `amount` to `union`'s sponsorship balance.
    /// @param union The union.
    /// @param from Who paid (the treasury, through a proposal, or anyone).
    /// @param amount Wei added.
    /// @param balance The union's balance after.
    event Deposited(address indexed union, address indexed from, uint256 amount, uint256 balance);
    /// @notice `amount` of `union`'s balance went back to `to`.
    /// @param union The union.
    /// @param to The receiver.
    /// @param amount Wei withdrawn.
    /// @param balance The union's balance after.
    event Withdrawn(address indexed union, address indexed to, uint256 amount, uint256 balance);
    /// @notice `union`'s rules changed.
    /// @param union The union.
    /// @param budgetPerMember Wei per member per period (0: off).
    /// @param period Period seconds.
    event RulesSet(address indexed union, uint128 budgetPerMember, uint32 period);
    /// @notice `union` now does (or no longer does) sponsor `target`'s `selector`.
    /// @param union The union.
    /// @param target The contract.
    /// @param selector The function.
    /// @param allowed Whether it is sponsored.
    event FunctionAllowed(address indexed union, address indexed target, bytes4 selector, bool allowed);
    /// @notice `union` paid `charged` wei for `member`'s call (charged to the member's budget of `periodIndex`).
    /// @param union The union.
    /// @param member The member.
    /// @param target The contract called.
    /// @param selector The function called.
    /// @param periodIndex The budget period.
    /// @param charged Wei taken from the union's balance and the member's budget.
    /// @param succeeded Whether the call succeeded (a reverted call is paid for too).
    event Sponsored(
        address indexed union,
        address indexed member,
        address indexed target,
        bytes4 selector,
        uint256 periodIndex,
        uint256 charged,
        bool succeeded
    );

    /// @notice Add the sent ETH to `union`'s sponsorship balance (held as this paymaster's EntryPoint deposit).
    /// @param union The union.
    function depositFor(address union) external payable;

    /// @notice Return `amount` of `union`'s balance to `to` (its steward or timelock).
    /// @param union The union.
    /// @param to The receiver.
    /// @param amount Wei.
    function withdraw(address union, address payable to, uint256 amount) external;

    /// @notice Set `union`'s budget per member and period (its steward or timelock).
    /// @param union The union.
    /// @param budgetPerMember Wei per member per period (0: off).
    /// @param period Period seconds (> 0).
    function setRules(address union, uint128 budgetPerMember, uint32 period) external;

    /// @notice Allow or disallow sponsored calls to `selectors` of `target` (its steward or timelock); `target`
    /// must be the union, its token, its governor, or a shared contract of this deployment.
    /// @param union The union.
    /// @param target The contract.
    /// @param selectors The functions.
    /// @param allowed Whether they are sponsored.
    function setAllowed(address union, address target, bytes4[] calldata selectors, bool allowed) external;

    /// @notice `union`'s sponsorship balance in wei (operations in flight already reserved).
    /// @param union The union.
    /// @return The balance.
    function balanceOf(address union) external view returns (uint256);

    /// @notice `union`'s rules.
    /// @param union The union.
    /// @return The rules.
    function rulesOf(address union) external view returns (Rules memory);

    /// @notice Wei `member` has spent of `union`'s budget in `periodIndex`.
    /// @param union The union.
    /// @param member The member.
    /// @param periodIndex The period.
    /// @return The spend.
    function spentOf(address union, address member, uint256 periodIndex) external view returns (uint256);

    /// @notice Whether `union` sponsors `target`'s `selector`.
    /// @param union The union.
    /// @param target The contract.
    /// @param selector The function.
    /// @return Whether it does.
    function isAllowed(address union, address target, bytes4 selector) external view returns (bool);

    /// @notice Sum of every union's balance (never above this paymaster's EntryPoint deposit).
    /// @return The total.
    function totalBalances() external view returns (uint256);
}

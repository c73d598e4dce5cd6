// Sentences for the sponsorship contracts (UnionPaymaster, UnionRelayAccount), by exact error name; typed
// from the generated ABI so a missing or misspelt name does not compile. A refusal means the union paid
// nothing; each sentence says what the member can do instead (usually: pay the gas yourself).
import type { ErrorSentences, ErrorsNamed } from '$lib/chain/errorSentences';

export const sponsorErrors: ErrorSentences<ErrorsNamed<'UnionPaymaster_' | 'UnionRelayAccount_'>> = {
	UnionPaymaster_BudgetExceeded:
		'Your sponsored gas for this period is spent: the union pays no more for you until the next period. You can pay this one yourself with a little ETH',
	UnionPaymaster_ForeignContract: 'The union can only sponsor its own contracts',
	UnionPaymaster_InsufficientBalance:
		'The union’s sponsorship balance is empty: a proposal can top it up from the treasury. Until then, pay the gas yourself',
	UnionPaymaster_InvalidInvite:
		'The union does not sponsor this invite: it is used or revoked, meant for someone else, badly signed, from an inviter the union does not trust yet, for an account that is already a member, or the union now admits by approval only',
	UnionPaymaster_InviteQuotaExhausted:
		'Your inviter has used all the invites they may have redeemed this period, so the union cannot admit you with it yet: ask another member for an invite, or try again when their quota refills',
	UnionPaymaster_MissingPeriod: 'The sponsored request was malformed (no budget period); reload and try again',
	UnionPaymaster_NotAllowed: 'The union does not sponsor this action; pay the gas yourself',
	UnionPaymaster_NotEntryPoint: 'Only the ERC-4337 EntryPoint can call the paymaster',
	UnionPaymaster_NotGovernance: 'Only the union’s steward or its governance can change its gas sponsorship',
	UnionPaymaster_NotRelayCall: 'The sponsored request was malformed; reload and try again',
	UnionPaymaster_NotSponsoring: 'This union does not sponsor its members’ gas; pay the gas yourself',
	UnionPaymaster_NotStakeOwner: 'Only the stake owner manages the paymaster’s stake',
	UnionPaymaster_NotTrusted:
		'The union sponsors gas only for trusted members (the same rule that gives votes), and this account is not one yet: ask two members to vouch for you, or pay the gas yourself',
	UnionPaymaster_OtherUnion:
		'The union sponsors only what you do in this union: this campaign, demand or course belongs to another union, whose own sponsorship (if any) would pay. You can pay the gas yourself',
	UnionPaymaster_PeriodOutOfRange: 'The sponsored request named a budget period too far away; reload and try again',
	UnionPaymaster_UnknownAccount: 'The paymaster only pays for the union relay account',
	UnionPaymaster_UnknownUnion: 'The paymaster does not know this union',
	UnionPaymaster_WrongNonceKey: 'The sponsored request was malformed (wrong nonce key); reload and try again',
	UnionPaymaster_ZeroAmount: 'Enter an amount above zero',
	UnionPaymaster_ZeroPeriod: 'The budget period must be at least one second',
	UnionRelayAccount_ExecuteDisabled: 'The relay account only makes calls a member signed',
	UnionRelayAccount_ForbiddenTarget: 'The relay account cannot call itself or the EntryPoint',
	UnionRelayAccount_NotEntryPoint: 'Only the ERC-4337 EntryPoint can make the relay account act'
};

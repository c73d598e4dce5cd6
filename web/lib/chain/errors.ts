// Turns anything a chain call can throw (viem BaseError trees, wallet RPC errors, contract custom
// errors) into one plain sentence for the member. Contract errors are decoded from the generated
// ABIs, so a new custom error gets a readable fallback without code changes here.
import {
	BaseError,
	ContractFunctionRevertedError,
	UserRejectedRequestError,
	ChainMismatchError,
	HttpRequestError,
	TimeoutError,
	InsufficientFundsError,
	decodeErrorResult,
	type Hex
} from 'viem';
// The custom errors of every contract a write can reach, generated once per signature: decoding needs
// only these, and pages that only read should not download every contract's whole ABI.
import { contractErrorsAbi } from './abi/generated';
import { describeProviderError } from '../sync/errors';

export interface ErrorContext {
	rpcUrl: string;
	chainId: number;
	chainName: string;
}

/** An error whose message is already a sentence fit for the member; `cause` keeps the original. */
export class ChainActionError extends Error {
	/** Decoded contract error name, when the chain refused with one. */
	readonly errorName: string | undefined;
	constructor(message: string, options: { cause?: unknown; errorName?: string } = {}) {
		super(message, { cause: options.cause });
		this.name = 'ChainActionError';
		this.errorName = options.errorName;
	}
}

/**
 * Sentences for contract errors, matched on the decoded error name (contract prefix stripped).
 * Patterns rather than exact names so both `Union_InviteUsed` and `Union_InviteAlreadyUsed` read well.
 */
const CONTRACT_SENTENCES: Array<[RegExp, string]> = [
	// Market (escrow, arbiters)
	[/NotEnoughArbiters/i, 'This union needs at least three arbiters who are not party to the deal before a dispute can open'],
	[/ERC20InsufficientBalance/i, 'You do not have enough tokens for this'],
	[/ERC20InsufficientAllowance/i, 'The escrow is not allowed to take these tokens yet (approve first)'],
	[/Escrow_SelfDeal/i, 'You cannot hire yourself'],
	[/Escrow_AcceptanceWindowClosed/i, 'The time to accept this deal has passed'],
	[/Escrow_AcceptanceWindowOpen/i, 'The provider may still accept; you can reclaim after the acceptance deadline'],
	[/Escrow_ReviewPeriodNotOver/i, 'The client’s review period is not over yet'],
	[/Escrow_ReviewPeriodOver/i, 'The review period is over; the provider may now claim this milestone'],
	[/Escrow_NotOverdue/i, 'This milestone is not overdue yet'],
	[/Escrow_WrongMilestoneStatus/i, 'This milestone is not in a state that allows this'],
	[/Escrow_WrongDealStatus/i, 'This deal is not in a state that allows this'],
	[/Escrow_NotClient/i, 'Only the client of this deal can do this'],
	[/Escrow_NotProvider/i, 'Only the provider of this deal can do this'],
	[/Escrow_NotParty/i, 'Only the client or the provider of this deal can do this'],
	[/Escrow_NotPanelist/i, 'You do not sit on this dispute’s panel'],
	[/Escrow_AlreadyVoted/i, 'You already voted on this dispute'],
	[/Escrow_VotingClosed/i, 'The panel’s time to vote is over; the dispute can now be settled by timeout'],
	[/Escrow_VotingOpen/i, 'The panel may still vote on this dispute'],
	[/Escrow_InvalidSplit/i, 'The provider’s share must be between 0 and 100 percent'],
	[/Escrow_DueInPast/i, 'Every milestone must be due in the future'],
	[/Escrow_NothingToWithdraw/i, 'There is nothing to withdraw'],
	[/AlreadyArbiter/i, 'This member already is an arbiter'],
	[/InviteUsed|InviteAlreadyUsed|InviteRevoked/i, 'This invite was already used'],
	[/InviteExpired/i, 'This invite has expired'],
	[/InviteNotForCaller|WrongInvitee/i, 'This invite was made for a different account'],
	[/InvitesNotAccepted/i, 'This union does not accept invites'],
	[/InvalidInviteSignature/i, 'This invite’s signature is not valid (or its inviter is no longer a member)'],
	[/AlreadyMember/i, 'You are already a member'],
	[/NotMember/i, 'Only members can do this'],
	[/NotSteward/i, 'Only the union’s steward can do this'],
	[/RequestPending/i, 'You already asked to join; the steward has not answered yet'],
	[/NoPendingRequest/i, 'There is no pending request to answer'],
	[/WrongAdmissionRule/i, 'This union does not accept members this way'],
	[/SelfBacking/i, 'You cannot back yourself'],
	[/AlreadyBacking/i, 'You already back this member'],
	[/NotBacking/i, 'You do not back this member'],
	[/AlreadyGoverned/i, 'This union is already run by its governance'],
	[/TooManyAllocations/i, 'At most 16 founder allocations are allowed'],
	[/ZeroBeneficiary/i, 'Every allocation needs a beneficiary address'],
	[/ZeroAllocation/i, 'Every allocation needs an amount above zero'],
	[/CliffAfterEnd/i, 'The vesting cliff must not be longer than the vesting period'],
	// Crowdfund
	[/Crowdfund_CampaignEnded/, 'This campaign’s deadline has passed: pledges can no longer change'],
	[/Crowdfund_CampaignNotEnded/, 'This campaign is still running: wait for its deadline'],
	[/Crowdfund_GoalNotMet/, 'This campaign did not reach its goal'],
	[/Crowdfund_GoalTooLarge/, 'The goal is larger than a campaign can hold (79 billion tokens)'],
	[/Crowdfund_GoalMet/, 'This campaign reached its goal, so pledges are not refunded'],
	[/Crowdfund_AlreadyClaimed/, 'The funds of this campaign were already paid out'],
	[/Crowdfund_NothingToRefund/, 'You have no pledge to take back here'],
	[/Crowdfund_InsufficientPledge/, 'You cannot take back more than you pledged'],
	[/Crowdfund_BadDeadline/, 'The deadline must be in the future and within a year'],
	[/Crowdfund_DeadlineOutsideRound/, 'The deadline must fall inside the matching round'],
	[/Crowdfund_RoundEnded/, 'This matching round has ended'],
	[/Crowdfund_FinalizationOpen/, 'Matches can be paid once the round’s finalisation week is over'],
	// governance (OpenZeppelin Governor / TimelockController) and collective demands
	[/GovernorAlreadyCastVote/i, 'You already voted on this proposal'],
	[/GovernorInsufficientProposerVotes/i, 'You do not have enough votes to make a proposal'],
	[/GovernorUnexpectedProposalState/i, 'The proposal is not in the right state for this (voting may not be open yet, or it already moved on)'],
	[/GovernorOnlyProposer|GovernorRestrictedProposer/i, 'Only the proposer can do this'],
	[/TimelockUnexpectedOperationState|TimelockUnexecutedPredecessor/i, 'The timelock delay has not passed yet'],
	[/Demands_AlreadyCommitted/i, 'You are already committed to this demand'],
	[/Demands_NotCommitted/i, 'You have no commitment to withdraw'],
	[/Demands_AlreadyActive/i, 'This demand already reached its threshold; commitments are locked'],
	[/Demands_Expired/i, 'This demand is past its deadline'],
	[/Demands_InvalidSignature/i, 'The commitment signature does not match this demand'],
	[/Demands_BadDeadline/i, 'The deadline must be in the future and at most a year away'],
	[/Demands_ZeroThreshold/i, 'The threshold must be at least one member'],
	[/Demands_UnknownDemand/i, 'This demand does not exist']
];

/**
 * Sentences for plain `require(…, "reason")` strings of contracts we do not own (Uniswap V2), keyed
 * on the exact reason the contract gives.
 */
const REVERT_REASONS: Record<string, string> = {
	'UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT':
		'The price moved beyond your slippage tolerance: you would receive less than your minimum. Nothing was swapped — get a new quote or allow more slippage',
	'UniswapV2Router: EXPIRED': 'The swap’s deadline passed before it was mined. Nothing was swapped — try again',
	'UniswapV2Router: INSUFFICIENT_A_AMOUNT': 'The pool price moved beyond your slippage tolerance while adding liquidity',
	'UniswapV2Router: INSUFFICIENT_B_AMOUNT': 'The pool price moved beyond your slippage tolerance while adding liquidity',
	'UniswapV2Library: INSUFFICIENT_LIQUIDITY': 'The pool has no liquidity yet',
	'UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT': 'Enter an amount above zero',
	'UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED': 'That is too little liquidity to remove',
	'TransferHelper: TRANSFER_FROM_FAILED': 'The router could not take your tokens: check your balance and approval'
};

/** Sentence for a require() reason string, or undefined when we have none. */
export function revertReasonSentence(reason: string): string | undefined {
	return REVERT_REASONS[reason.trim()];
}

/** "Union_InviteAlreadyUsed" → "invite already used". */
function humanise(errorName: string): string {
	const bare = errorName.includes('_') ? errorName.slice(errorName.indexOf('_') + 1) : errorName;
	return bare
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.toLowerCase();
}

/** Sentence for a decoded contract error name. */
export function contractErrorSentence(errorName: string): string {
	for (const [pattern, sentence] of CONTRACT_SENTENCES) if (pattern.test(errorName)) return sentence;
	return `The contract refused: ${humanise(errorName)}`;
}

/** Tries to decode raw revert data against every known ABI. */
export function decodeRevertData(data: Hex): string | undefined {
	try {
		return decodeErrorResult({ abi: contractErrorsAbi, data }).errorName;
	} catch {
		return undefined;
	}
}

function hasCode(e: unknown, code: number): boolean {
	return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === code;
}

/** Finds hex revert data anywhere in an error chain (wallets nest it differently). */
function findRevertData(err: unknown): Hex | undefined {
	let cur: unknown = err;
	for (let depth = 0; depth < 8 && typeof cur === 'object' && cur !== null; depth++) {
		const data = (cur as { data?: unknown }).data;
		if (typeof data === 'string' && /^0x[0-9a-f]{8}/i.test(data)) return data as Hex;
		if (typeof data === 'object' && data !== null) {
			const inner = (data as { data?: unknown }).data;
			if (typeof inner === 'string' && /^0x[0-9a-f]{8}/i.test(inner)) return inner as Hex;
		}
		cur = (cur as { cause?: unknown }).cause;
	}
	return undefined;
}

/** The decoded contract error name in an error, if any. */
export function contractErrorName(err: unknown): string | undefined {
	if (err instanceof BaseError) {
		const reverted = err.walk((e) => e instanceof ContractFunctionRevertedError);
		if (reverted instanceof ContractFunctionRevertedError) {
			if (reverted.data?.errorName) return reverted.data.errorName;
			if (reverted.raw) return decodeRevertData(reverted.raw);
		}
	}
	const raw = findRevertData(err);
	return raw ? decodeRevertData(raw) : undefined;
}

/** The reason string of a `require(…, "reason")` revert anywhere in an error chain. */
export function revertReason(err: unknown): string | undefined {
	if (err instanceof BaseError) {
		const reverted = err.walk((e) => e instanceof ContractFunctionRevertedError);
		if (reverted instanceof ContractFunctionRevertedError && reverted.reason) return reverted.reason;
	}
	const raw = findRevertData(err);
	if (!raw || !raw.startsWith('0x08c379a0')) return undefined;
	try {
		const decoded = decodeErrorResult({ abi: [], data: raw });
		const [first] = decoded.args ?? [];
		return typeof first === 'string' ? first : undefined;
	} catch {
		return undefined;
	}
}

/** One sentence describing what went wrong, for any error thrown by a chain read or write. */
export function describeChainError(err: unknown, ctx: ErrorContext): string {
	if (err instanceof ChainActionError) return err.message;

	const name = contractErrorName(err);
	// Error(string) / Panic(uint256) decode to these names; the reason string says more (below).
	if (name && name !== 'Error' && name !== 'Panic') return contractErrorSentence(name);
	const reason = revertReason(err);
	if (reason) return revertReasonSentence(reason) ?? `The contract refused: ${reason}`;

	// A provider's refusal (rate limit, 5xx, range, timeout) in words, never its own text ("Request
	// exceeds defined limit." is what viem says for a 429). Wallet rejections are not refusals.
	if (!hasCode(err, 4001) && !(err instanceof BaseError && err.walk((e) => e instanceof UserRejectedRequestError || hasCode(e, 4001)))) {
		const provider = describeProviderError(err, ctx.rpcUrl);
		if (provider) return provider;
	}

	if (err instanceof BaseError) {
		if (err.walk((e) => e instanceof UserRejectedRequestError) || err.walk((e) => hasCode(e, 4001)))
			return 'You rejected the request in your wallet';
		const mismatch = err.walk((e) => e instanceof ChainMismatchError);
		if (mismatch) return `Your wallet is on a different network; switch it to ${ctx.chainName} (chain ${ctx.chainId})`;
		if (err.walk((e) => e instanceof InsufficientFundsError))
			return 'Your account does not have enough funds to pay for this transaction';
		if (err.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError)) return `Cannot reach the chain at ${ctx.rpcUrl}`;
		return err.shortMessage || err.message;
	}

	// Raw EIP-1193 errors straight from a wallet (not wrapped by viem).
	if (hasCode(err, 4001)) return 'You rejected the request in your wallet';
	if (hasCode(err, 4902)) return `Your wallet does not know ${ctx.chainName} (chain ${ctx.chainId}) yet`;
	if (err instanceof TypeError && /fetch|network/i.test(err.message)) return `Cannot reach the chain at ${ctx.rpcUrl}`;
	if (err instanceof Error) return err.message;
	return String(err);
}

/** Wraps any thrown value into a ChainActionError with a readable message. */
export function toChainActionError(err: unknown, ctx: ErrorContext): ChainActionError {
	if (err instanceof ChainActionError) return err;
	return new ChainActionError(describeChainError(err, ctx), { cause: err, errorName: contractErrorName(err) });
}

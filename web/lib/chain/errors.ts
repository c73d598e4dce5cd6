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
	type Abi,
	type Hex
} from 'viem';
import { unionAbi, unionFactoryAbi } from './abi';
import { demandsAbi, unionGovernorAbi, unionTimelockAbi } from './abi/generated';

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

// The token's errors never surface in these flows; leaving its ABI out keeps the read chunk small.
const ALL_ABIS: Abi = [...unionAbi, ...unionFactoryAbi, ...unionGovernorAbi, ...unionTimelockAbi, ...demandsAbi] as Abi;

/**
 * Sentences for contract errors, matched on the decoded error name (contract prefix stripped).
 * Patterns rather than exact names so both `Union_InviteUsed` and `Union_InviteAlreadyUsed` read well.
 */
const CONTRACT_SENTENCES: Array<[RegExp, string]> = [
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
		return decodeErrorResult({ abi: ALL_ABIS, data }).errorName;
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

/** One sentence describing what went wrong, for any error thrown by a chain read or write. */
export function describeChainError(err: unknown, ctx: ErrorContext): string {
	if (err instanceof ChainActionError) return err.message;

	const name = contractErrorName(err);
	if (name) return contractErrorSentence(name);

	if (err instanceof BaseError) {
		if (err.walk((e) => e instanceof UserRejectedRequestError) || err.walk((e) => hasCode(e, 4001)))
			return 'You rejected the request in your wallet';
		const mismatch = err.walk((e) => e instanceof ChainMismatchError);
		if (mismatch) return `Your wallet is on a different network; switch it to ${ctx.chainName} (chain ${ctx.chainId})`;
		if (err.walk((e) => e instanceof InsufficientFundsError))
			return 'Your account does not have enough funds to pay for this transaction';
		if (err.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError)) return `Cannot reach the chain at ${ctx.rpcUrl}`;
		const reverted = err.walk((e) => e instanceof ContractFunctionRevertedError);
		if (reverted instanceof ContractFunctionRevertedError && reverted.reason) return `The contract refused: ${reverted.reason}`;
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

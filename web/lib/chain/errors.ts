// Turns anything a chain call can throw (viem BaseError trees, wallet RPC errors, contract custom
// errors) into one plain sentence for the member. Contract errors are decoded from the generated
// errors ABI and looked up by exact name in the registered tables; a name without a sentence (a
// contract deployed ahead of the site) still reads as words.
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
import { causeChain } from '../rpc/causeChain';
import { contractErrorSentence } from './errorSentences';

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

export type { ContractErrorName, ErrorSentences, ErrorsNamed, LibraryErrorName } from './errorSentences';

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

export { contractErrorSentence, registerErrorSentences } from './errorSentences';

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
	for (const link of causeChain(err)) {
		const data = (link as { data?: unknown }).data;
		if (typeof data === 'string' && /^0x[0-9a-f]{8}/i.test(data)) return data as Hex;
		if (typeof data === 'object' && data !== null) {
			const inner = (data as { data?: unknown }).data;
			if (typeof inner === 'string' && /^0x[0-9a-f]{8}/i.test(inner)) return inner as Hex;
		}
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

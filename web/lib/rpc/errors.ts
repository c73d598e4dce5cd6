// Sentences for what can go wrong in a minimal-path read, for the member: a wrong chain, an RPC that
// is down, rate-limiting, a provider that refuses even small ranges. The provider's own text is never
// shown (sync/errors.ts has the words for each refusal).
import { describeProviderError, SyncError } from '../sync/errors';
import { WrongChainError } from './eventLogs';

export interface ReadErrorContext {
	rpcUrl: string;
	chainId: number;
	chainName: string;
}

/** An error whose message is a sentence for the member; `cause` keeps what happened. */
export class ReadError extends Error {
	override name = 'ReadError';
}

/** The sentence for a failed read. */
export function describeReadError(error: unknown, ctx: ReadErrorContext): string {
	if (error instanceof WrongChainError)
		return `The chain at ${ctx.rpcUrl} is chain ${error.actual}, not ${ctx.chainName} (chain ${ctx.chainId}) that this site's contracts live on. The site's config.json points at the wrong RPC.`;
	// A one-off read keeps nothing, so a refusal is described as itself, not as a resumable sync's
	// ("what was read so far is kept"); a range refused down to one block keeps the walk's words.
	const gaveUpOnRange = error instanceof SyncError && error.refusal === 'range';
	const refusal = describeProviderError(error instanceof SyncError && !gaveUpOnRange ? error.cause : error, ctx.rpcUrl);
	if (refusal) return refusal;
	return `The chain at ${ctx.rpcUrl} answered with an error this site does not recognise. Try again later.`;
}

/** Wraps a failed read in a ReadError with its sentence. */
export function toReadError(error: unknown, ctx: ReadErrorContext): ReadError {
	return error instanceof ReadError ? error : new ReadError(describeReadError(error, ctx), { cause: error });
}

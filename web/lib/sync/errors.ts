// How to react to a failed eth_getLogs, and what to tell the member about it.
//
// RPC providers refuse big queries in many wordings (geth "query returned more than 10000 results",
// Alchemy "Log response size exceeded", Infura -32005 "query returned more than 10000 results",
// others "block range is too large", "exceed maximum block range", "query exceeds max block range
// 2000", and viem's "HTTP response body exceeded the size limit"): those mean "ask for fewer blocks".
// Rate limits (HTTP 429, and -32005 "Request exceeds defined limit." — the same code Infura uses for
// "too many results", so the words decide), 5xx, timeouts and dropped connections mean "wait and ask
// again". Anything else is a real error. The member never sees the provider's own text: every kind
// has a sentence here (describeSyncRetry while the sync waits, describeProviderError when it gave up).

import { causeChain, primitiveCause } from '../rpc/causeChain';

/** What kind of refusal an error is, from the provider's point of view. */
export type ProviderRefusal = 'range' | 'rate-limited' | 'server' | 'timeout' | 'unreachable';

const RANGE_PATTERNS = [
	/too many (results|logs|blocks)/i,
	/more than \d+ (results|logs)/i,
	/(block )?range (is )?too (large|wide|big)/i,
	/exceed(s|ed)? (the )?(max(imum)?|limit)/i,
	/(?<!rate )limit exceeded/i,
	/response size (exceeded|is larger)/i,
	/max(imum)? block range/i,
	// viem's own cap on an HTTP response (10 MB by default): a range with too many logs.
	/response body exceeded the size limit/i
];

// "rate limit exceeded" is a rate limit, not a big range (the range pattern skips it).
const RATE_PATTERNS = [/rate[- ]?limit/i, /too many requests/i, /request exceeds defined limit/i, /requests? per second|compute units? per second/i, /capacity exceeded/i];

const SERVER_PATTERNS = [/service (temporarily )?unavailable|bad gateway|gateway timeout|internal server error/i];
const TIMEOUT_PATTERNS = [/timed? ?out/i, /took too long to respond/i, /ETIMEDOUT/];
const NETWORK_PATTERNS = [/fetch failed/i, /failed to fetch/i, /network ?error/i, /socket hang up/i, /ECONNRESET|ECONNREFUSED|EPIPE|EAI_AGAIN/];

interface Link {
	text: string;
	code?: number;
	status?: number;
	headers?: { get(name: string): string | null };
}

/** Messages, codes, statuses and headers along an error's cause chain (viem nests the RPC error as cause). */
function chain(error: unknown): Link[] {
	const out: Link[] = causeChain(error).map((link) => {
		const o = link as { message?: unknown; details?: unknown; shortMessage?: unknown; code?: unknown; status?: unknown; headers?: unknown };
		const headers = typeof o.headers === 'object' && o.headers !== null && typeof (o.headers as { get?: unknown }).get === 'function' ? (o.headers as Link['headers']) : undefined;
		return {
			text: [o.shortMessage, o.details, o.message].filter((v) => typeof v === 'string').join(' | '),
			code: typeof o.code === 'number' ? o.code : undefined,
			status: typeof o.status === 'number' ? o.status : undefined,
			headers
		};
	});
	// a thrown string (or a string cause) is words too
	const words = primitiveCause(error);
	if (words !== undefined) out.push({ text: words });
	return out;
}

/** The HTTP status a provider answered with, if the error came from a non-2xx response. */
export function httpStatus(error: unknown): number | undefined {
	return chain(error).find((l) => l.status !== undefined)?.status;
}

/** Which kind of refusal `error` is, or undefined for a real error (a revert, a bad argument). */
export function providerRefusal(error: unknown): ProviderRefusal | undefined {
	const links = chain(error);
	const status = links.find((l) => l.status !== undefined)?.status;
	const any = (patterns: RegExp[]): boolean => links.some(({ text }) => patterns.some((p) => p.test(text)));
	// The status decides first; then the provider's words. Range words before rate words: viem labels
	// every -32005 "Request exceeds defined limit.", also Infura's "query returned more than 10000 results".
	if (status === 429 || links.some((l) => l.code === 429)) return 'rate-limited';
	if (status === 413 || any(RANGE_PATTERNS)) return 'range';
	if (any(RATE_PATTERNS)) return 'rate-limited';
	if ((status !== undefined && status >= 500) || any(SERVER_PATTERNS)) return status === 504 ? 'timeout' : 'server';
	if (status === 408 || status === 425 || isClientTimeoutError(error) || any(TIMEOUT_PATTERNS)) return 'timeout';
	if (any(NETWORK_PATTERNS)) return 'unreachable';
	return undefined;
}

/** The provider refused the query as too big: retry with a smaller block range. */
export function isRangeTooLargeError(error: unknown): boolean {
	return providerRefusal(error) === 'range';
}

/**
 * Our own client gave up waiting (viem's TimeoutError, 10 s by default). For a multi-block range
 * this is the node being slow on a big answer (anvil returns ~3k logs/s), so the caller asks for
 * fewer blocks rather than repeating the same slow query; a one-block range is retried as transient.
 */
export function isClientTimeoutError(error: unknown): boolean {
	return causeChain(error).some((link) => {
		const o = link as { name?: unknown; shortMessage?: unknown };
		return o.name === 'TimeoutError' || (typeof o.shortMessage === 'string' && /took too long to respond/i.test(o.shortMessage));
	});
}

/** A failure worth retrying unchanged after a pause (-32603 too: nodes answer it for a hiccup). */
export function isTransientError(error: unknown): boolean {
	const kind = providerRefusal(error);
	return (kind !== undefined && kind !== 'range') || chain(error).some((l) => l.code === -32603);
}

/** Seconds the provider asked us to wait (a Retry-After header in seconds), if it said. */
export function retryAfterMs(error: unknown): number | undefined {
	for (const { headers } of chain(error)) {
		const value = headers?.get('retry-after');
		if (value && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
	}
	return undefined;
}

/** The sync gave up: carries the block range it was fetching and the last refusal's kind. */
export class SyncError extends Error {
	readonly refusal: ProviderRefusal | undefined;
	constructor(
		message: string,
		readonly fromBlock: number,
		readonly toBlock: number,
		options?: { cause?: unknown; attempts?: number }
	) {
		super(message, options);
		this.name = 'SyncError';
		this.refusal = providerRefusal(options?.cause);
		this.attempts = options?.attempts ?? 1;
	}
	/** Tries made on the failing range. */
	readonly attempts: number;
}

/** The sync is waiting before asking again (or asking for fewer blocks). */
export interface SyncRetry {
	refusal: ProviderRefusal;
	/** How long it waits before the next try (0 for a range refusal: it asks again at once, smaller). */
	delayMs: number;
	/** The try that failed, 1-based. */
	attempt: number;
	fromBlock: number;
	toBlock: number;
	/** Blocks per request from now on (changes only on range refusals). */
	chunkSize: number;
	status?: number;
}

function seconds(ms: number): string {
	const s = Math.max(1, Math.round(ms / 1000));
	return `${s} s`;
}

/** A sentence for the progress line while the sync waits out a refusal. */
export function describeSyncRetry(r: SyncRetry): string {
	switch (r.refusal) {
		case 'rate-limited':
			return `The chain provider is rate-limiting this site; retrying in ${seconds(r.delayMs)}…`;
		case 'range':
			return `The chain provider answers only smaller queries; now reading ${r.chunkSize.toLocaleString('en')} blocks at a time…`;
		case 'server':
			return `The chain provider had a server error${r.status ? ` (HTTP ${r.status})` : ''}; retrying in ${seconds(r.delayMs)}…`;
		case 'timeout':
			return `The chain provider is slow to answer; retrying in ${seconds(r.delayMs)}…`;
		case 'unreachable':
			return `The chain provider cannot be reached; retrying in ${seconds(r.delayMs)}…`;
	}
}

/**
 * A sentence for a read that failed on the provider's side (a SyncError or any viem error whose
 * cause is a refusal), or undefined when the error is not the provider's doing.
 */
export function describeProviderError(error: unknown, rpcUrl: string): string | undefined {
	let kind = error instanceof SyncError ? error.refusal : providerRefusal(error);
	// Range words ("limit exceeded") can turn up in a failed write too; outside the sync they count
	// only on an eth_getLogs request.
	if (kind === 'range' && !(error instanceof SyncError) && !chain(error).some((l) => l.text.includes('eth_getLogs'))) kind = undefined;
	const kept = error instanceof SyncError ? ' What was read so far is kept, so trying again continues from there.' : '';
	const tries = error instanceof SyncError && error.attempts > 1 ? ` after ${error.attempts} tries` : '';
	switch (kind) {
		case 'rate-limited':
			return `The chain provider is rate-limiting this site and still refused${tries}. Wait a minute and try again.${kept}`;
		case 'range': {
			const where = error instanceof SyncError ? ` (block ${error.fromBlock.toLocaleString('en')})` : '';
			return `The chain provider refused to send this many events at once, even for the smallest query${where}. It limits answers more tightly than this site can work with: use another RPC endpoint.`;
		}
		case 'server': {
			const status = httpStatus(error);
			return `The chain provider is having trouble${status ? ` (HTTP ${status})` : ''} and failed${tries}. Try again later.${kept}`;
		}
		case 'timeout':
			return `The chain provider at ${rpcUrl} took too long to answer${tries}. Try again later.${kept}`;
		case 'unreachable':
			return kept ? `Cannot reach the chain at ${rpcUrl}.${kept}` : `Cannot reach the chain at ${rpcUrl}`;
		default:
			// A sync that gave up on something unrecognised still gets words, not the provider's text.
			return error instanceof SyncError
				? `The chain provider answered blocks ${error.fromBlock.toLocaleString('en')}–${error.toBlock.toLocaleString('en')} with an error this site does not recognise. Try again later.${kept}`
				: undefined;
	}
}

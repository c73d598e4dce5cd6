// Walking a block span in eth_getLogs-sized ranges, the way public providers accept them: ranges
// start at `chunkSize` blocks; a range the provider refuses as too big (or our client timed out on)
// is halved and the same start retried, down to one block. A refusal of the block span itself
// ("max block range 2000") or a timeout also lowers the ceiling; a refusal of the answer's size
// ("more than 10000 results") does not, so after a dense stretch the range doubles back (on answers
// under GROW_BELOW logs) instead of crawling the rest a few blocks at a time. Transient failures
// (429, 5xx, timeouts, dropped connections) are retried with exponential backoff (or the provider's
// Retry-After, within maxDelayMs). Used by the cached sync (syncLogs.ts) and by one-off chunked
// reads (chunkedEvents.ts).
import { SyncError, httpStatus, isClientTimeoutError, isRangeTooLargeError, isTransientError, providerRefusal, retryAfterMs, type SyncRetry } from './errors';
import { causeChain } from '../rpc/causeChain';

export const DEFAULT_CHUNK_SIZE = 2_000;
/** An answer with fewer logs than this lets the range double back towards its ceiling. */
const GROW_BELOW = 1_000;
/** Range refusals that are about the block span (or our timeout), not the number of logs. */
const SPAN_REFUSAL = /block range|range (is )?too|blocks? (range )?(is )?(too|more than)/i;
/**
 * A span cap the provider names: "query exceeds max block range 2000", "exceed maximum block range:
 * 5000", "block range limit (500)", "eth_getLogs is limited to a 10,000 range" — not the size asked
 * for ("block range too large: 5000 > 2000" names both; the halving handles it).
 */
const SPAN_CAP = /(?:max(?:imum)?\s+block\s+range|block\s+range\s+limit|limited\s+to\s+(?:a\s+)?)[^\d]{0,12}(\d[\d,]*)/i;

export interface RetryOptions {
	/** Tries per range, the first included (default 5). */
	attempts?: number;
	/** Delay before the first retry (default 250 ms), doubling each time. */
	baseDelayMs?: number;
	/** Longest single delay (default 8 s). */
	maxDelayMs?: number;
}

export interface RangeOptions {
	chunkSize?: number;
	retry?: RetryOptions;
	/** Called before every wait on a refusal (and on every range halving), e.g. to say why it is slow. */
	onRetry?: (retry: SyncRetry) => void;
	signal?: AbortSignal;
	/** Injected in tests to skip real waiting. */
	sleep?: (ms: number) => Promise<void>;
}

export interface RangeWalk {
	/** eth_getLogs calls made, failed ones included. */
	requests: number;
	/** The range size in use at the end (smaller than asked if the provider forced halving). */
	chunkSize: number;
}

/**
 * Fetches [fromBlock, toBlock] range by range, in order; `done` runs after each range (commit it
 * there, so an interrupted walk resumes after the last one done).
 */
export async function walkRanges<T>(
	fromBlock: number,
	toBlock: number,
	opts: RangeOptions,
	fetch: (from: number, to: number) => Promise<T[]>,
	done: (from: number, to: number, items: T[]) => Promise<void> | void
): Promise<RangeWalk> {
	let chunkSize = Math.max(1, Math.floor(opts.chunkSize ?? DEFAULT_CHUNK_SIZE));
	let ceiling = chunkSize;
	let requests = 0;
	let from = fromBlock;
	while (from <= toBlock) {
		opts.signal?.throwIfAborted();
		const to = Math.min(from + chunkSize - 1, toBlock);
		let items: T[];
		try {
			items = await withRetry(opts, from, to, () => {
				requests++;
				return fetch(from, to);
			});
		} catch (e) {
			const timedOut = isClientTimeoutError(e) && to > from;
			if ((isRangeTooLargeError(e) || timedOut) && chunkSize > 1) {
				const words = refusalText(e);
				// A named cap is taken at its word (one refusal instead of halving down to it); else halve.
				const cap = namedCap(words);
				chunkSize = cap !== undefined && cap < to - from + 1 ? cap : Math.max(1, Math.floor((to - from + 1) / 2));
				if (timedOut || words.some((t) => SPAN_REFUSAL.test(t))) ceiling = Math.min(ceiling, chunkSize);
				opts.onRetry?.({ refusal: timedOut ? 'timeout' : 'range', delayMs: 0, attempt: 1, fromBlock: from, toBlock: to, chunkSize });
				continue;
			}
			throw e instanceof SyncError ? e : new SyncError(`eth_getLogs failed for blocks ${from}–${to}`, from, to, { cause: e });
		}
		await done(from, to, items);
		from = to + 1;
		if (items.length < GROW_BELOW && chunkSize < ceiling) chunkSize = Math.min(ceiling, chunkSize * 2);
	}
	return { requests, chunkSize };
}

/** Runs `run`, retrying transient failures; range refusals and real errors go to the caller. */
export async function withRetry<T>(opts: RangeOptions, from: number, to: number, run: () => Promise<T>): Promise<T> {
	const attempts = Math.max(1, opts.retry?.attempts ?? 5);
	const base = opts.retry?.baseDelayMs ?? 250;
	const max = opts.retry?.maxDelayMs ?? 8_000;
	const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
	for (let attempt = 1; ; attempt++) {
		try {
			return await run();
		} catch (e) {
			// Range errors are handled by the caller (halving); only transient ones are retried here.
			if (isRangeTooLargeError(e) || (isClientTimeoutError(e) && to > from) || !isTransientError(e)) throw e;
			if (attempt >= attempts) throw new SyncError(`eth_getLogs for blocks ${from}–${to} failed ${attempts} times`, from, to, { cause: e, attempts });
			opts.signal?.throwIfAborted();
			// A provider's Retry-After is honoured (within maxDelayMs): asking sooner only earns another 429.
			const delayMs = Math.min(max, Math.max(base * 2 ** (attempt - 1), retryAfterMs(e) ?? 0));
			opts.onRetry?.({ refusal: providerRefusal(e) ?? 'server', delayMs, attempt, fromBlock: from, toBlock: to, chunkSize: to - from + 1, status: httpStatus(e) });
			await sleep(delayMs);
		}
	}
}

function namedCap(words: string[]): number | undefined {
	for (const t of words) {
		const m = SPAN_CAP.exec(t);
		const n = m ? Number(m[1].replace(/,/g, '')) : NaN;
		if (Number.isInteger(n) && n >= 1) return n;
	}
	return undefined;
}

/** The words along an error's cause chain (to tell a span refusal from a size refusal). */
function refusalText(error: unknown): string[] {
	const out: string[] = [];
	for (const link of causeChain(error)) {
		const o = link as { details?: unknown; message?: unknown };
		for (const v of [o.details, o.message]) if (typeof v === 'string') out.push(v);
	}
	return out;
}

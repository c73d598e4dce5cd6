// Event sync without an indexer: eth_getLogs from the deployment block to the head in block ranges,
// cached per (chainId, contract) so a reload fetches only what is new.
//
// - Ranges start at `chunkSize` blocks (default 2,000). When the provider refuses a range as too big,
//   the range is halved and the same start retried (down to one block). A refusal of the block span
//   itself ("max block range 2000") or a client timeout also lowers the ceiling; a refusal of the
//   answer's size ("more than 10000 results") does not, so after a dense stretch of history the range
//   doubles back (on answers under GROW_BELOW logs) instead of crawling the rest at a few blocks a call.
// - A multi-block range our client timed out on is halved too (a slow node on a big answer).
// - Transient failures (timeouts, 429, 5xx, dropped connections) are retried with exponential
//   backoff: baseDelayMs · 2^attempt, capped at maxDelayMs (or longer if the provider's Retry-After
//   says so), at most `attempts` tries per range. `onRetry` hears every wait, so the page can say why.
// - Each range is committed to the store as soon as it arrives, so an interrupted sync resumes
//   where it stopped.
// - Reorgs: every sync re-fetches the last `reorgDepth` (default 12) blocks before the cursor and
//   replaces the cached logs of those blocks; logs are identified by (blockNumber, logIndex). If the
//   re-fetched window differs from the cache, `reorged` tells the caller to rebuild derived state.
import { getAbiItem, type Address, type PublicClient } from 'viem';
import { unionAbi } from '../chain/abi/generated';
import { SyncError, isClientTimeoutError, isRangeTooLargeError, isTransientError, providerRefusal, retryAfterMs, httpStatus, type SyncRetry } from './errors';
import type { SyncStore } from './store';
import { compareLogs, type SyncCursor, type SyncScope, type UnionLog } from './types';

export const DEFAULT_CHUNK_SIZE = 2_000;
export const DEFAULT_REORG_DEPTH = 12;
/** An answer with fewer logs than this lets the range double back towards its ceiling. */
const GROW_BELOW = 1_000;
/** Range refusals that are about the block span (or our timeout), not the number of logs. */
const SPAN_REFUSAL = /block range|range (is )?too|blocks? (range )?(is )?(too|more than)/i;

/** The union events the client derives its views from (one getLogs call fetches all four). */
const UNION_EVENTS = [
	getAbiItem({ abi: unionAbi, name: 'MemberJoined' }),
	getAbiItem({ abi: unionAbi, name: 'MemberLeft' }),
	getAbiItem({ abi: unionAbi, name: 'Backed' }),
	getAbiItem({ abi: unionAbi, name: 'Unbacked' })
] as const;

export interface RetryOptions {
	/** Tries per range, the first included (default 5). */
	attempts?: number;
	/** Delay before the first retry (default 250 ms), doubling each time. */
	baseDelayMs?: number;
	/** Longest single delay (default 8 s). */
	maxDelayMs?: number;
}

export interface SyncProgress {
	fromBlock: number;
	toBlock: number;
	/** Blocks up to this one are done. */
	syncedTo: number;
	/** Logs fetched so far in this sync. */
	fetched: number;
}

export interface SyncOptions {
	client: Pick<PublicClient, 'getLogs' | 'getBlockNumber' | 'getChainId'>;
	/** The union contract. */
	address: Address;
	/** First block to read on a cold start (the factory's deployment block, or the union's creation block). */
	startBlock: number | bigint;
	store: SyncStore;
	/** Defaults to asking the client (one eth_chainId call). */
	chainId?: number;
	/** Stop here instead of the current head. */
	toBlock?: number | bigint;
	chunkSize?: number;
	reorgDepth?: number;
	retry?: RetryOptions;
	onProgress?: (progress: SyncProgress) => void;
	/** Called before every wait on a refusal (and on every range halving), e.g. to say why it is slow. */
	onRetry?: (retry: SyncRetry) => void;
	signal?: AbortSignal;
	/**
	 * Read only the cached logs of the reorg window instead of the whole cache (default false).
	 * For callers that keep their derived state elsewhere (a rank snapshot): `logs` then holds only
	 * the window and what is new, and a reload no longer reads every cached log.
	 */
	windowOnly?: boolean;
	/** Injected in tests to skip real waiting. */
	sleep?: (ms: number) => Promise<void>;
}

export interface SyncResult {
	/** Every cached log of this contract, in chain order. */
	logs: UnionLog[];
	/** Logs after the last one known before this sync: apply these to existing derived state. */
	newLogs: UnionLog[];
	/** The re-fetched window differed from the cache: rebuild derived state from `logs`. */
	reorged: boolean;
	/** The block range fetched this time (fromBlock > toBlock when there was nothing to fetch). */
	fromBlock: number;
	toBlock: number;
	/** eth_getLogs calls made, failed ones included. */
	requests: number;
	/** The range size in use at the end (smaller than asked if the provider forced halving). */
	chunkSize: number;
}

export async function syncUnionLogs(opts: SyncOptions): Promise<SyncResult> {
	const chainId = opts.chainId ?? (await opts.client.getChainId());
	const scope: SyncScope = { chainId, address: opts.address };
	const startBlock = Number(opts.startBlock);
	const reorgDepth = opts.reorgDepth ?? DEFAULT_REORG_DEPTH;
	const storedCursor = await opts.store.loadCursor(scope);
	// A cache made from another start block is not a prefix of this sync: start over.
	const cursor: SyncCursor | undefined = storedCursor?.startBlock === startBlock ? storedCursor : undefined;
	if (storedCursor && !cursor) await opts.store.clear(scope);
	const windowStart = cursor ? Math.max(startBlock, cursor.lastSyncedBlock + 1 - reorgDepth) : startBlock;
	const previous = cursor ? await opts.store.loadLogs(scope, opts.windowOnly ? windowStart : startBlock) : [];

	// The head read meets the same rate limits and 5xx as eth_getLogs, so it is retried the same way.
	const head =
		opts.toBlock !== undefined ? Number(opts.toBlock) : Number(await withRetry(opts, windowStart, windowStart, () => opts.client.getBlockNumber({ cacheTime: 0 })));
	const fromBlock = windowStart;
	let chunkSize = Math.max(1, Math.floor(opts.chunkSize ?? DEFAULT_CHUNK_SIZE));
	let ceiling = chunkSize;
	let requests = 0;
	const fetched: UnionLog[] = [];

	let from = fromBlock;
	while (from <= head) {
		opts.signal?.throwIfAborted();
		const to = Math.min(from + chunkSize - 1, head);
		let logs: UnionLog[];
		try {
			logs = await withRetry(opts, from, to, () => {
				requests++;
				return fetchRange(opts, from, to);
			});
		} catch (e) {
			const timedOut = isClientTimeoutError(e) && to > from;
			if ((isRangeTooLargeError(e) || timedOut) && chunkSize > 1) {
				chunkSize = Math.max(1, Math.floor((to - from + 1) / 2));
				if (timedOut || refusalText(e).some((t) => SPAN_REFUSAL.test(t))) ceiling = Math.min(ceiling, chunkSize);
				opts.onRetry?.({ refusal: timedOut ? 'timeout' : 'range', delayMs: 0, attempt: 1, fromBlock: from, toBlock: to, chunkSize });
				continue;
			}
			throw e instanceof SyncError ? e : new SyncError(`eth_getLogs failed for blocks ${from}–${to}`, from, to, { cause: e });
		}
		await opts.store.commit(scope, { fromBlock: from, toBlock: to }, logs, { startBlock, lastSyncedBlock: to });
		for (const log of logs) fetched.push(log);
		opts.onProgress?.({ fromBlock, toBlock: head, syncedTo: to, fetched: fetched.length });
		from = to + 1;
		if (logs.length < GROW_BELOW && chunkSize < ceiling) chunkSize = Math.min(ceiling, chunkSize * 2);
	}

	// Merge: cached logs outside the re-fetched range, then everything fetched now. Keyed by position,
	// so a log on both sides is kept once.
	const byPosition = new Map<string, UnionLog>();
	for (const log of previous) if (log.blockNumber < fromBlock || log.blockNumber > head) byPosition.set(positionKey(log), log);
	for (const log of fetched) byPosition.set(positionKey(log), log);
	const logs = [...byPosition.values()].sort(compareLogs);

	const lastKnown = previous.length > 0 ? previous[previous.length - 1] : undefined;
	const newLogs = lastKnown ? logs.filter((l) => compareLogs(l, lastKnown) > 0) : logs;
	const reorged = cursor !== undefined && windowChanged(previous, fetched, fromBlock, Math.min(head, cursor.lastSyncedBlock));
	return { logs, newLogs, reorged, fromBlock, toBlock: head, requests, chunkSize };
}

async function fetchRange(opts: SyncOptions, fromBlock: number, toBlock: number): Promise<UnionLog[]> {
	const raw = await opts.client.getLogs({
		address: opts.address,
		events: UNION_EVENTS,
		fromBlock: BigInt(fromBlock),
		toBlock: BigInt(toBlock),
		strict: true
	});
	const logs: UnionLog[] = [];
	for (const log of raw) {
		if (log.blockNumber === null || log.logIndex === null || log.blockHash === null || log.transactionHash === null) continue;
		const base = { blockNumber: Number(log.blockNumber), logIndex: log.logIndex, blockHash: log.blockHash, transactionHash: log.transactionHash };
		switch (log.eventName) {
			case 'MemberJoined':
				logs.push({ ...base, eventName: 'MemberJoined', args: { ...log.args, path: Number(log.args.path) } });
				break;
			case 'MemberLeft':
				logs.push({ ...base, eventName: 'MemberLeft', args: log.args });
				break;
			case 'Backed':
				logs.push({ ...base, eventName: 'Backed', args: log.args });
				break;
			case 'Unbacked':
				logs.push({ ...base, eventName: 'Unbacked', args: log.args });
				break;
		}
	}
	return logs;
}

/** The words along an error's cause chain (to tell a span refusal from a size refusal). */
function refusalText(error: unknown): string[] {
	const out: string[] = [];
	let e: unknown = error;
	for (let depth = 0; e !== null && typeof e === 'object' && depth < 8; depth++) {
		const o = e as { details?: unknown; message?: unknown; cause?: unknown };
		for (const v of [o.details, o.message]) if (typeof v === 'string') out.push(v);
		e = o.cause;
	}
	return out;
}

async function withRetry<T>(opts: SyncOptions, from: number, to: number, run: () => Promise<T>): Promise<T> {
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

function positionKey(log: UnionLog): string {
	return `${log.blockNumber}:${log.logIndex}`;
}

/** Whether the logs fetched for blocks [fromBlock, toBlock] differ from what the cache held for them. */
function windowChanged(previous: readonly UnionLog[], fetched: readonly UnionLog[], fromBlock: number, toBlock: number): boolean {
	const inWindow = (l: UnionLog): boolean => l.blockNumber >= fromBlock && l.blockNumber <= toBlock;
	const before = previous.filter(inWindow);
	const after = fetched.filter(inWindow);
	if (before.length !== after.length) return true;
	return before.some(
		(l, i) => positionKey(l) !== positionKey(after[i]) || l.transactionHash !== after[i].transactionHash || l.blockHash !== after[i].blockHash
	);
}

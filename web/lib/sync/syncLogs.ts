// Event sync without an indexer: eth_getLogs from the deployment block to the head in block ranges,
// cached per (chainId, contract) so a reload fetches only what is new.
//
// - Ranges, halving on refusals, growing back, retry with backoff: ranges.ts.
// - Each range is committed to the store as soon as it arrives, so an interrupted sync resumes
//   where it stopped.
// - Reorgs: every sync re-fetches the last `reorgDepth` (default 12) blocks before the cursor and
//   replaces the cached logs of those blocks; logs are identified by (blockNumber, logIndex). If the
//   re-fetched window differs from the cache, `reorged` tells the caller to rebuild derived state.
//
// The client is viem's public client or an RpcLogClient (rpcLogs.ts: the minimal JSON-RPC path, so
// a page can sync without downloading viem). Nothing here imports viem at run time.
import type { Address, PublicClient } from 'viem';
import { rpcBlockNumber, rpcChainId, rpcUnionLogs, unionEvent, type RpcLogClient } from './rpcLogs';
import type { SyncRetry } from './errors';
import { DEFAULT_CHUNK_SIZE, walkRanges, withRetry, type RetryOptions } from './ranges';
import type { SyncStore } from './store';
import { compareLogs, type SyncCursor, type SyncScope, type SyncStream, type UnionLog } from './types';

export { DEFAULT_CHUNK_SIZE, type RetryOptions };
export const DEFAULT_REORG_DEPTH = 12;

/** The union events the client derives its views from (one getLogs call fetches all four). */
const UNION_EVENTS = [unionEvent('MemberJoined'), unionEvent('MemberLeft'), unionEvent('Backed'), unionEvent('Unbacked')] as const;
/** Only joins and leaves: the member list needs no backing events (1M backs beside 100k joins). */
const MEMBERSHIP_EVENTS = [UNION_EVENTS[0], UNION_EVENTS[1]] as const;

export interface SyncProgress {
	fromBlock: number;
	toBlock: number;
	/** Blocks up to this one are done. */
	syncedTo: number;
	/** Logs fetched so far in this sync. */
	fetched: number;
}

/** viem's public client, or the minimal JSON-RPC path's URL (rpcLogs.ts). */
export type SyncClient = Pick<PublicClient, 'getLogs' | 'getBlockNumber' | 'getChainId'> | RpcLogClient;

const isRpcClient = (c: SyncClient): c is RpcLogClient => 'rpcUrl' in c;

export interface SyncOptions {
	client: SyncClient;
	/** The union contract. */
	address: Address;
	/**
	 * Which events to keep: all four (default, the leaders page) or only joins and leaves (the member
	 * list). Each stream has its own cache and cursor.
	 */
	stream?: SyncStream;
	/** First block to read on a cold start (the factory's deployment block, or the union's creation block). */
	startBlock: number | bigint;
	/** The cache, or its opening: the head read goes out without waiting for it (one round trip less). */
	store: SyncStore | Promise<SyncStore>;
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
	const client = opts.client;
	const startBlock = Number(opts.startBlock);
	// The head needs nothing from the cache, so it is asked for while the cache opens and its cursor is
	// read (on the union page that was ~70 ms of IndexedDB before the first request). It meets the same
	// rate limits and 5xx as eth_getLogs, so it is retried the same way.
	const headRead: Promise<number> =
		opts.toBlock !== undefined
			? Promise.resolve(Number(opts.toBlock))
			: withRetry(opts, startBlock, startBlock, () => (isRpcClient(client) ? rpcBlockNumber(client) : client.getBlockNumber({ cacheTime: 0 }))).then(Number);
	// Awaited below; if the cache fails first, that error is the one reported.
	headRead.catch(() => undefined);
	const store = await opts.store;
	const chainId = opts.chainId ?? (isRpcClient(client) ? await rpcChainId(client) : await client.getChainId());
	const scope: SyncScope = opts.stream === 'membership' ? { chainId, address: opts.address, stream: 'membership' } : { chainId, address: opts.address };
	const reorgDepth = opts.reorgDepth ?? DEFAULT_REORG_DEPTH;
	const storedCursor = await store.loadCursor(scope);
	// A cache made from another start block is not a prefix of this sync: start over.
	const cursor: SyncCursor | undefined = storedCursor?.startBlock === startBlock ? storedCursor : undefined;
	if (storedCursor && !cursor) await store.clear(scope);
	const windowStart = cursor ? Math.max(startBlock, cursor.lastSyncedBlock + 1 - reorgDepth) : startBlock;
	const previous = cursor ? await store.loadLogs(scope, opts.windowOnly ? windowStart : startBlock) : [];

	const head = await headRead;
	const fromBlock = windowStart;
	const fetched: UnionLog[] = [];
	const { requests, chunkSize } = await walkRanges(fromBlock, head, opts, (from, to) => fetchRange(opts, from, to), async (from, to, logs) => {
		await store.commit(scope, { fromBlock: from, toBlock: to }, logs, { startBlock, lastSyncedBlock: to });
		for (const log of logs) fetched.push(log);
		opts.onProgress?.({ fromBlock, toBlock: head, syncedTo: to, fetched: fetched.length });
	});

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
	const client = opts.client;
	if (isRpcClient(client))
		return rpcUnionLogs(client, opts.address, opts.stream === 'membership' ? ['MemberJoined', 'MemberLeft'] : ['MemberJoined', 'MemberLeft', 'Backed', 'Unbacked'], fromBlock, toBlock);
	const raw = await client.getLogs({
		address: opts.address,
		events: opts.stream === 'membership' ? MEMBERSHIP_EVENTS : UNION_EVENTS,
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

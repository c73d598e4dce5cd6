// Event-sync benchmark (`npm run bench`, or alone: node --import tsx scripts/bench/sync.ts).
// A throwaway anvil holds one real Union with `events` real Backed events (default 100k): 5,000
// members (random addresses, impersonated) each send 20 real Union.back transactions
// (scripts/lib/unionHistory.ts: JSON-RPC batches of 2,000, one evm_mine each, so 2,000-log blocks).
// The chain is made once and cached with anvil --dump-state under .data/bench/chains/ (bigChain.ts,
// keyed by the contract build), so later runs load it instead. Then, through the app's own code
// (web/lib/leaders/syncSupport.ts, the
// rank worker's handler) with fake-indexeddb standing in for the browser's IndexedDB:
//   cold: chunked eth_getLogs from the creation block into the log cache, packed into one
//         snapshot row, replayed and ranked;
//   warm: a reload — open the stores, read the snapshot row and the 12-block reorg window, fetch
//         what is new, hand the packed events (+ last scores) to the rank handler, rank, and take
//         the top of the list: the path the leaders page runs.
// fake-indexeddb is pure JS in Node; a browser's IndexedDB costs differ (usually faster for bulk
// writes, similar for one structured-clone read). Last, the same cold sync through a proxy that
// behaves like a public RPC provider (block-range cap, 10,000 logs an answer, 429s, 503s), and a
// sync stopped halfway that a reload resumes. NU_BENCH_SYNC_EVENTS=10000 for a quick run.
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { relative } from 'node:path';
import { createPublicClient, http, type Address, type PublicClient } from 'viem';
import { IdbSyncStore } from '../../web/lib/sync/idbStore';
import { syncUnionLogs, type SyncProgress } from '../../web/lib/sync/syncLogs';
import type { ProviderRefusal } from '../../web/lib/sync/errors';
import { createRankHandler } from '../../web/lib/leaders/rank/protocol';
import { SnapshotStore } from '../../web/lib/leaders/snapshotStore';
import { syncSupport } from '../../web/lib/leaders/syncSupport';
import { scoresFor } from '../../web/lib/leaders/scores';
import { startPublicRpcProxy } from '../lib/publicRpcProxy.ts';
import { projectRoot } from '../lib/tools.ts';
import { portShift } from '../stack/config.ts';
import { bigChain, type BigChain } from './bigChain.ts';
import { readMembers } from '../../web/lib/union/memberList';
import { MemorySyncStore } from '../../web/lib/sync/store';
import { printTable, type Row } from './table.ts';

export interface BenchSyncOptions {
	/** Backed events to create (default: NU_BENCH_SYNC_EVENTS or 100,000). */
	events?: number;
	/** Each member backs this many others (members = events / backsPerMember). */
	backsPerMember?: number;
	port?: number;
	log?: (line: string) => void;
}

const TX_PER_BLOCK = 2000;
const LEADERS_SHOWN = 50;

/** What the proxy plays: a free public endpoint's limits (scripts/lib/publicRpcProxy.ts). */
const PUBLIC_PROVIDER = { maxBlockRange: 2_000, maxLogs: 10_000, ratePerSecond: 10, burst: 10, maxResponseBytes: 10 * 1024 * 1024, failEvery: 25 };

interface BenchChain {
	publicClient: PublicClient;
	union: Address;
	createdBlock: number;
}

export async function benchSync(options: BenchSyncOptions = {}): Promise<Row[]> {
	const events = options.events ?? Number(process.env.NU_BENCH_SYNC_EVENTS ?? 100_000);
	const backsPerMember = options.backsPerMember ?? 20;
	const members = Math.ceil(events / backsPerMember);
	const log = options.log ?? ((line: string) => console.error(line));
	const port = options.port ?? Number(process.env.NU_BENCH_SYNC_ANVIL_PORT ?? 18745 + portShift());
	const big = await bigChain(port, { members, backsPerMember, events, txPerBlock: TX_PER_BLOCK }, log);
	try {
		const chain = { publicClient: big.publicClient, union: big.union, createdBlock: big.createdBlock };
		const rows: Row[] = [
			big.createMs === null
				? { name: `sync: ${short(events)} Backed on anvil (cached chain)`, value: sec(big.loadMs), note: `anvil --load-state ${relative(projectRoot, big.file)} · ${big.head - big.createdBlock} blocks` }
				: {
						name: `sync: create ${short(events)} Backed on anvil`,
						value: sec(big.createMs),
						note: `${members} joins + ${short(events)} real Union.back txs, ${TX_PER_BLOCK}/block, ${big.head - big.createdBlock} blocks; cached for next runs (load took ${sec(big.loadMs)})`
					}
		];
		const direct = await measure(chain, events, members, log);
		rows.push(...direct.rows);
		rows.push(...(await measureThroughProxy(big, events, members, direct.coldSyncMs, log)));
		return rows;
	} finally {
		await big.anvil.stop();
	}
}

async function measure(chain: BenchChain, events: number, members: number, log: (line: string) => void): Promise<{ rows: Row[]; coldSyncMs: number }> {
	const name = `bench-sync-${Date.now()}`;
	const label = short(events);
	const scope = { chainId: 31337, address: chain.union };
	const base = { client: chain.publicClient, union: chain.union, startBlock: chain.createdBlock, chainId: 31337 };
	let requests = 0;
	const counting = { ...base.client, getLogs: ((args) => (requests++, chain.publicClient.getLogs(args))) as typeof chain.publicClient.getLogs };

	// Cold: empty browser storage.
	let t = performance.now();
	let logs = await IdbSyncStore.open(`${name}-logs`);
	let snapshots = await SnapshotStore.open(`${name}-snap`);
	const cold = await syncSupport({ ...base, client: counting, logs, snapshots });
	const coldSync = performance.now() - t;
	const coldRequests = requests;
	const expected = 1 + members + events;
	if (cold.compact.count !== expected) throw new Error(`synced ${cold.compact.count} events, expected ${expected}`);
	t = performance.now();
	let handle = createRankHandler();
	handle({ id: 1, type: 'load', compact: structuredClone(cold.compact) });
	const coldRanked = handle({ id: 2, type: 'rank' });
	if (coldRanked.type !== 'ranked') throw new Error(coldRanked.type);
	const coldRank = performance.now() - t;
	await snapshots.putScores(scope, cold.compact, scoresFor(cold.compact, coldRanked.ranking));
	logs.close();
	snapshots.close();
	log(`sync bench: cold done (${cold.compact.count} events)`);

	// For comparison: what a reload costs if it reads every cached log back (the per-log cache).
	logs = await IdbSyncStore.open(`${name}-logs`);
	t = performance.now();
	const allRows = await logs.load(scope);
	const perLogRead = performance.now() - t;
	logs.close();

	// Warm: a reload of the leaders page.
	const t0 = performance.now();
	logs = await IdbSyncStore.open(`${name}-logs`);
	snapshots = await SnapshotStore.open(`${name}-snap`);
	requests = 0;
	const warm = await syncSupport({ ...base, client: counting, logs, snapshots });
	const t1 = performance.now();
	handle = createRankHandler();
	// structuredClone stands in for postMessage to the worker.
	handle({ id: 1, type: 'load', compact: structuredClone(warm.compact), scores: warm.scores && structuredClone(warm.scores) });
	const t2 = performance.now();
	const ranked = handle({ id: 2, type: 'rank', limit: LEADERS_SHOWN });
	if (ranked.type !== 'ranked') throw new Error(ranked.type);
	const top = structuredClone(ranked.ranking.leaders);
	const t3 = performance.now();
	logs.close();
	snapshots.close();
	if (!warm.warm) throw new Error('the reload did not use the snapshot');
	if (top[0].address !== coldRanked.ranking.leaders[0].address) throw new Error('warm and cold rankings differ');

	const rows: Row[] = [
		{ name: `sync ${label}: cold sync (getLogs → IndexedDB)`, value: sec(coldSync), note: `${cold.compact.count} events in ${coldRequests} eth_getLogs (anvil answers ~3k logs/s), log cache + packed snapshot` },
		{ name: `sync ${label}: cold replay + rank`, value: sec(coldRank), note: `${coldRanked.ranking.members} members, ${coldRanked.ranking.edges} edges, ${coldRanked.ranking.iterations} iterations` },
		{ name: `sync ${label}: cold total to ranked list`, value: sec(coldSync + coldRank) },
		{ name: `sync ${label}: (per-log cache read, for comparison)`, value: sec(perLogRead), note: `${allRows.logs.length} rows read back one object each` },
		{ name: `sync ${label}: warm — snapshot + reorg-window sync`, value: sec(t1 - t0), note: `${requests} eth_getLogs, ${warm.added} new events` },
		{ name: `sync ${label}: warm — load into rank worker`, value: sec(t2 - t1), note: 'clone + unpack + replay' },
		{ name: `sync ${label}: warm — rank + top ${LEADERS_SHOWN}`, value: sec(t3 - t2), note: `${ranked.ranking.iterations} iterations (warm start from saved scores)` },
		{ name: `sync ${label}: warm reload to ranked leaders`, value: sec(t3 - t0), note: `target < 500 ms at 100k events · machine load average ${loadavg()[0].toFixed(1)}` }
	];
	return { rows, coldSyncMs: coldSync };
}

/**
 * Cold sync of the same history through the public-RPC-like proxy, with the app's transport
 * (web/lib/chain/client.ts: batching, one viem retry, 15 s timeout), into the IndexedDB log cache;
 * then a cold sync stopped halfway (a closed tab) and the reload that resumes it.
 */
async function measureThroughProxy(big: BigChain, events: number, members: number, directMs: number, log: (line: string) => void): Promise<Row[]> {
	const label = short(events);
	const expected = 1 + members + events;
	const scope = { chainId: 31337, address: big.union };
	const proxy = await startPublicRpcProxy({ upstream: big.anvil.rpcUrl, ...PUBLIC_PROVIDER });
	try {
		const client = createPublicClient({ chain: big.anvil.chain, transport: http(proxy.url, { batch: { wait: 10 }, retryCount: 1, timeout: 15_000 }) });
		const name = `bench-sync-proxy-${Date.now()}`;
		const waits = new Map<ProviderRefusal, number>();
		const base = { client, address: big.union, startBlock: big.createdBlock, chainId: 31337, onRetry: (r: { refusal: ProviderRefusal }) => waits.set(r.refusal, (waits.get(r.refusal) ?? 0) + 1) };
		// Progress as the page shows it, every fifth of the blocks.
		let shown = 0;
		const onProgress = (p: SyncProgress): void => {
			const pct = Math.floor(((p.syncedTo - p.fromBlock + 1) / (p.toBlock - p.fromBlock + 1)) * 100);
			if (pct >= shown + 20) log(`sync bench (public-RPC proxy): ${(shown = pct)}% of blocks, ${p.fetched} events`);
		};

		let store = await IdbSyncStore.open(`${name}-cold`);
		let t = performance.now();
		const cold = await syncUnionLogs({ ...base, store, onProgress });
		const coldMs = performance.now() - t;
		store.close();
		if (cold.logs.length !== expected) throw new Error(`through the proxy: synced ${cold.logs.length} events, expected ${expected}`);
		const c = { ...proxy.counters };
		const refusals = `${c.tooManyResults} "more than 10000 results", ${c.rangeRefused} range, ${c.rateLimited} 429, ${c.serverErrors} 503, ${c.bodyTooLarge} over 10 MB`;

		// Interrupted once half the events are in (a closed tab), then a reload resumes.
		const controller = new AbortController();
		store = await IdbSyncStore.open(`${name}-resume`);
		await syncUnionLogs({ ...base, store, signal: controller.signal, onProgress: (p) => p.fetched >= expected / 2 && controller.abort() }).catch((e: unknown) => {
			if (!controller.signal.aborted) throw e;
		});
		const stoppedAt = (await store.loadCursor(scope))?.lastSyncedBlock ?? big.createdBlock;
		const cachedBefore = (await store.loadLogs(scope, big.createdBlock)).length;
		store.close();
		const getLogsBefore = proxy.counters.getLogs;
		t = performance.now();
		store = await IdbSyncStore.open(`${name}-resume`);
		const resumed = await syncUnionLogs({ ...base, store });
		const resumeMs = performance.now() - t;
		store.close();
		if (resumed.logs.length !== expected) throw new Error(`resumed sync holds ${resumed.logs.length} events, expected ${expected}`);
		// The union page's member list: the membership stream only (joins and leaves), so the backs are never fetched.
		const membersBefore = proxy.counters.getLogs;
		t = performance.now();
		const list = await readMembers({ client, union: big.union, startBlock: big.createdBlock, chainId: 31337, store: new MemorySyncStore() });
		const membersMs = performance.now() - t;
		if (list.length !== members + 1) throw new Error(`member list holds ${list.length}, expected ${members + 1}`);
		const waited = [...waits].map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
		return [
			{
				name: `sync ${label}: cold sync through the public-RPC-like proxy`,
				value: sec(coldMs),
				note: `target ≤ 60 s · direct to anvil ${sec(directMs)} (row above) · ${c.getLogs} eth_getLogs, refused: ${refusals}; ends at ${cold.chunkSize} blocks/request`
			},
			{
				name: `sync ${label}: resume after a cold sync stopped halfway (proxy)`,
				value: sec(resumeMs),
				note: `stopped at block ${stoppedAt} with ${cachedBefore} events cached; resume asked ${membersBefore - getLogsBefore} eth_getLogs from block ${resumed.fromBlock} (the 12-block reorg window holds 2,000 events a block here) · sync waits on: ${waited}`
			},
			{
				name: `sync ${label}: union page member list, cold (proxy)`,
				value: sec(membersMs),
				note: `${list.length} members from the joins-and-leaves stream in ${proxy.counters.getLogs - membersBefore} eth_getLogs (the ${short(events)} backs are not fetched) · load ${loadavg()[0].toFixed(1)}`
			}
		];
	} finally {
		await proxy.close();
	}
}

function short(x: number): string {
	return x >= 1000 ? `${x / 1000}k` : String(x);
}

function sec(ms: number): string {
	return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	printTable('Social layer — event sync to a ranked list', await benchSync());
	process.exit(0);
}

// Event-sync benchmark (`npm run bench`, or alone: node --import tsx scripts/bench/sync.ts).
// A throwaway anvil holds one real Union with `events` real Backed events (default 100k): 5,000
// members (random addresses, impersonated) each send 20 real Union.back transactions. Creation is
// fast because anvil's automine is off: transactions go in as JSON-RPC batches of 2,000 with
// explicit nonces and one evm_mine per batch (--order fifo keeps submission order), so the chain
// has 2,000-log blocks. Then, through the app's own code (web/lib/leaders/syncSupport.ts, the
// rank worker's handler) with fake-indexeddb standing in for the browser's IndexedDB:
//   cold: chunked eth_getLogs from the creation block into the log cache, packed into one
//         snapshot row, replayed and ranked;
//   warm: a reload — open the stores, read the snapshot row and the 12-block reorg window, fetch
//         what is new, hand the packed events (+ last scores) to the rank handler, rank, and take
//         the top of the list: the path the leaders page runs.
// fake-indexeddb is pure JS in Node; a browser's IndexedDB costs differ (usually faster for bulk
// writes, similar for one structured-clone read). NU_BENCH_SYNC_EVENTS=10000 for a quick run.
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { encodeFunctionData, type Address, type Hex } from 'viem';
import { unionAbi } from '../../web/lib/chain/abi/generated';
import { IdbSyncStore } from '../../web/lib/sync/idbStore';
import { createRankHandler } from '../../web/lib/leaders/rank/protocol';
import { SnapshotStore } from '../../web/lib/leaders/snapshotStore';
import { syncSupport } from '../../web/lib/leaders/syncSupport';
import { scoresFor } from '../../web/lib/leaders/scores';
import { deployUnion, startAnvil, type UnionChain } from '../../test/unit/sync/localChain';
import { portShift } from '../stack/config.ts';
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

export async function benchSync(options: BenchSyncOptions = {}): Promise<Row[]> {
	const events = options.events ?? Number(process.env.NU_BENCH_SYNC_EVENTS ?? 100_000);
	const backsPerMember = options.backsPerMember ?? 20;
	const members = Math.ceil(events / backsPerMember);
	const log = options.log ?? ((line: string) => console.error(line));
	const port = options.port ?? Number(process.env.NU_BENCH_SYNC_ANVIL_PORT ?? 18745 + portShift());
	const anvil = await startAnvil(port, ['--gas-limit', '2000000000', '--order', 'fifo']);
	try {
		const chain = await deployUnion(anvil);
		const t0 = performance.now();
		await createHistory(anvil.rpcUrl, chain, members, backsPerMember, events, log);
		const createMs = performance.now() - t0;
		const head = Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 }));
		const rows: Row[] = [
			{
				name: `sync: create ${short(events)} Backed on anvil`,
				value: sec(createMs),
				note: `${members} joins + ${short(events)} real Union.back txs, ${TX_PER_BLOCK}/block, ${head - chain.createdBlock} blocks`
			}
		];
		rows.push(...(await measure(chain, events, members, log)));
		return rows;
	} finally {
		await anvil.stop();
	}
}

async function measure(chain: UnionChain, events: number, members: number, log: (line: string) => void): Promise<Row[]> {
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

	return [
		{ name: `sync ${label}: cold sync (getLogs → IndexedDB)`, value: sec(coldSync), note: `${cold.compact.count} events in ${coldRequests} eth_getLogs (anvil answers ~3k logs/s), log cache + packed snapshot` },
		{ name: `sync ${label}: cold replay + rank`, value: sec(coldRank), note: `${coldRanked.ranking.members} members, ${coldRanked.ranking.edges} edges, ${coldRanked.ranking.iterations} iterations` },
		{ name: `sync ${label}: cold total to ranked list`, value: sec(coldSync + coldRank) },
		{ name: `sync ${label}: (per-log cache read, for comparison)`, value: sec(perLogRead), note: `${allRows.logs.length} rows read back one object each` },
		{ name: `sync ${label}: warm — snapshot + reorg-window sync`, value: sec(t1 - t0), note: `${requests} eth_getLogs, ${warm.added} new events` },
		{ name: `sync ${label}: warm — load into rank worker`, value: sec(t2 - t1), note: 'clone + unpack + replay' },
		{ name: `sync ${label}: warm — rank + top ${LEADERS_SHOWN}`, value: sec(t3 - t2), note: `${ranked.ranking.iterations} iterations (warm start from saved scores)` },
		{ name: `sync ${label}: warm reload to ranked leaders`, value: sec(t3 - t0), note: `target < 500 ms at 100k events · machine load average ${loadavg()[0].toFixed(1)}` }
	];
}

type Rpc = (calls: Array<{ method: string; params: unknown[] }>) => Promise<unknown[]>;

/** Members join, then each backs the next `backsPerMember` members (a ring-like lattice). */
async function createHistory(url: string, chain: UnionChain, members: number, backsPerMember: number, events: number, log: (line: string) => void): Promise<void> {
	const rpc = batchRpc(url);
	const accounts = Array.from({ length: members }, (_, i) => `0x${(0x100000 + i).toString(16).padStart(40, '0')}` as Address);
	await rpc([{ method: 'evm_setAutomine', params: [false] }, { method: 'anvil_autoImpersonateAccount', params: [true] }]);
	const join = encodeFunctionData({ abi: unionAbi, functionName: 'join' });
	for (let i = 0; i < members; i += TX_PER_BLOCK) {
		const slice = accounts.slice(i, i + TX_PER_BLOCK);
		await rpc(slice.map((a) => ({ method: 'anvil_setBalance', params: [a, '0x56bc75e2d63100000'] })));
		await rpc(slice.map((a) => ({ method: 'eth_sendTransaction', params: [{ from: a, to: chain.union, data: join, gas: '0x7a120', nonce: '0x0' }] })));
		await mineAll(rpc);
	}
	let batch: Array<{ method: string; params: unknown[] }> = [];
	let sent = 0;
	for (let k = 1; k <= backsPerMember && sent < events; k++) {
		// Round k: every member sends its k-th back (nonce k), so one batch never holds two txs of a sender.
		for (let i = 0; i < members && sent < events; i++, sent++) {
			const data = encodeFunctionData({ abi: unionAbi, functionName: 'back', args: [accounts[(i + k) % members]] });
			batch.push({ method: 'eth_sendTransaction', params: [{ from: accounts[i], to: chain.union, data, gas: '0x30d40', nonce: `0x${k.toString(16)}` }] });
			if (batch.length === TX_PER_BLOCK) {
				await rpc(batch);
				await mineAll(rpc);
				batch = [];
				if ((sent + 1) % 20_000 === 0) log(`sync bench: ${sent + 1} Backed created`);
			}
		}
	}
	if (batch.length > 0) {
		await rpc(batch);
		await mineAll(rpc);
	}
	// A live chain moves on: leave the reorg window (12 blocks) behind the dense history, or every
	// reload would re-fetch the last 24k events as if they were fresh.
	await rpc([{ method: 'anvil_mine', params: ['0x10'] }]);
	await rpc([{ method: 'evm_setAutomine', params: [true] }]);
}

/** JSON-RPC batches over fetch (viem's client would send them one by one). */
function batchRpc(url: string): Rpc {
	let id = 0;
	return async (calls) => {
		const body = calls.map((c) => ({ jsonrpc: '2.0', id: ++id, method: c.method, params: c.params }));
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const out = (await res.json()) as Array<{ result?: unknown; error?: { message: string } }>;
		const failed = out.find((r) => r.error);
		if (failed?.error) throw new Error(`${calls[0].method}: ${failed.error.message}`);
		return out.map((r) => r.result);
	};
}

/** Mines one block with everything pending and checks none of it reverted (first and last tx). */
async function mineAll(rpc: Rpc): Promise<void> {
	await rpc([{ method: 'evm_mine', params: [] }]);
	const [block] = (await rpc([{ method: 'eth_getBlockByNumber', params: ['latest', false] }])) as Array<{ transactions: Hex[] }>;
	const ends = [block.transactions[0], block.transactions.at(-1)].filter((h): h is Hex => h !== undefined);
	const receipts = (await rpc(ends.map((h) => ({ method: 'eth_getTransactionReceipt', params: [h] })))) as Array<{ status: Hex }>;
	if (receipts.some((r) => r.status !== '0x1')) throw new Error(`a bench transaction reverted in block with ${block.transactions.length} txs`);
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

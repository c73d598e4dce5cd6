// Sync benchmark: a real anvil holding one union with `events` Backed events (default 100k) spread
// 1,000 per block with 20 empty blocks between, then
//   cold: sync every log from the creation block (2,000-block ranges) into IndexedDB, replay, rank;
//   warm: a reload — open the cache, re-sync the 12-block reorg window, replay, rank.
// IndexedDB is fake-indexeddb in Node (pure JS, in memory): browsers' IndexedDB costs differ.
//   node --import tsx scripts/bench/sync-model.ts       NU_BENCH_SYNC_EVENTS=10000 for a quick run
import 'fake-indexeddb/auto';
import { pathToFileURL } from 'node:url';
import { encodeFunctionData, type Address, type Hex } from 'viem';
import { unionAbi } from '../../web/lib/chain/abi/generated';
import { IdbSyncStore } from '../../web/lib/sync/idbStore';
import { syncUnionLogs } from '../../web/lib/sync/syncLogs';
import { socialEventsFromLogs } from '../../web/lib/rank/fromLogs';
import { SupportRank } from '../../web/lib/rank/supportRank';
import { deployUnion, startAnvil, type UnionChain } from '../../test/unit/sync/localChain';
import { printTable, type Row } from './table.ts';

export interface BenchSyncOptions {
	/** Backed events to emit (default: NU_BENCH_SYNC_EVENTS or 100,000). */
	events?: number;
	/** Each member backs this many others (members = events / backsPerMember). */
	backsPerMember?: number;
	port?: number;
	log?: (line: string) => void;
}

const TX_PER_BLOCK = 1000;
// Empty blocks between batches spread the logs out a little; anvil mines an empty block in ~10 ms
// once it holds this much state, so a realistic spread (one event every few blocks) is out of reach.
const EMPTY_BLOCKS_BETWEEN = 20;

export async function benchSync(options: BenchSyncOptions = {}): Promise<Row[]> {
	const events = options.events ?? Number(process.env.NU_BENCH_SYNC_EVENTS ?? 100_000);
	const backsPerMember = options.backsPerMember ?? 20;
	const members = Math.ceil(events / backsPerMember);
	const log = options.log ?? ((line: string) => console.error(line));
	// A big block gas limit so each evm_mine takes a whole batch; fifo keeps submission order.
	const anvil = await startAnvil(options.port ?? Number(process.env.NU_BENCH_ANVIL_PORT ?? 18745), ['--gas-limit', '2000000000', '--order', 'fifo']);
	const rows: Row[] = [];
	try {
		const chain = await deployUnion(anvil);
		const rpc = batchRpc(anvil.rpcUrl);
		const t0 = performance.now();
		const accounts = Array.from({ length: members }, (_, i) => `0x${(0x100000 + i).toString(16).padStart(40, '0')}` as Address);
		await rpc([{ method: 'evm_setAutomine', params: [false] }, { method: 'anvil_autoImpersonateAccount', params: [true] }]);
		for (let i = 0; i < members; i += TX_PER_BLOCK) {
			const slice = accounts.slice(i, i + TX_PER_BLOCK);
			await rpc(slice.map((a) => ({ method: 'anvil_setBalance', params: [a, '0x56bc75e2d63100000'] })));
			await rpc(slice.map((a) => ({ method: 'eth_sendTransaction', params: [{ from: a, to: chain.union, data: encodeFunctionData({ abi: unionAbi, functionName: 'join' }), gas: '0x7a120' }] })));
			await mineAll(rpc);
		}
		let sent = 0;
		let batch: Array<{ method: string; params: unknown[] }> = [];
		for (let i = 0; i < members && sent < events; i++) {
			for (let k = 1; k <= backsPerMember && sent < events; k++, sent++) {
				const leader = accounts[(i + k) % members];
				// Explicit nonces: a sender has several transactions in one JSON-RPC batch (nonce 0 was its join).
				const tx = { from: accounts[i], to: chain.union, data: encodeFunctionData({ abi: unionAbi, functionName: 'back', args: [leader] }), gas: '0x30d40', nonce: `0x${k.toString(16)}` };
				batch.push({ method: 'eth_sendTransaction', params: [tx] });
				if (batch.length === TX_PER_BLOCK) {
					await flush(rpc, batch);
					batch = [];
					if ((sent + 1) % 10_000 === 0) log(`sync bench: ${sent + 1} Backed sent`);
				}
			}
		}
		if (batch.length > 0) await flush(rpc, batch);
		await rpc([{ method: 'evm_setAutomine', params: [true] }]);
		const generateMs = performance.now() - t0;
		const head = Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 }));
		rows.push({ name: `sync: generate ${short(events)} Backed on anvil`, value: sec(generateMs), note: `${members} members joined, ${short(events)} backs, ${head - chain.createdBlock} blocks (${TX_PER_BLOCK} tx/block, ${EMPTY_BLOCKS_BETWEEN} empty blocks between batches)` });
		rows.push(...(await measure(chain, events, members, log)));
	} finally {
		await anvil.stop();
	}
	return rows;
}

async function measure(chain: UnionChain, events: number, members: number, log: (line: string) => void): Promise<Row[]> {
	const dbName = `bench-sync-${Date.now()}`;
	const label = short(events);

	// Cold: empty cache.
	let t = performance.now();
	let store = await IdbSyncStore.open(dbName);
	let requests = 0;
	const cold = await syncUnionLogs({ client: chain.publicClient, address: chain.union, startBlock: chain.createdBlock, store, chainId: 31337 });
	requests = cold.requests;
	const coldSync = performance.now() - t;
	const expected = 1 + members + events;
	if (cold.logs.length !== expected) throw new Error(`synced ${cold.logs.length} logs, expected ${expected}`);
	let t2 = performance.now();
	const rank = new SupportRank();
	rank.apply(socialEventsFromLogs(cold.logs));
	const coldRanking = rank.rank();
	const coldRank = performance.now() - t2;
	store.close();
	log(`sync bench: cold done (${cold.logs.length} logs)`);

	// The same cold sync with 20-block ranges: what many requests cost (a real chain spreads a
	// union's logs over far more blocks than this dense anvil history).
	t = performance.now();
	const small = await syncUnionLogs({ client: chain.publicClient, address: chain.union, startBlock: chain.createdBlock, store: await IdbSyncStore.open(`${dbName}-small`), chainId: 31337, chunkSize: 20 });
	const smallSync = performance.now() - t;

	// Warm: a reload; everything but the reorg window comes from the cache.
	t = performance.now();
	store = await IdbSyncStore.open(dbName);
	const loadStart = performance.now();
	await store.load({ chainId: 31337, address: chain.union });
	const loadOnly = performance.now() - loadStart;
	const t1 = performance.now();
	const warm = await syncUnionLogs({ client: chain.publicClient, address: chain.union, startBlock: chain.createdBlock, store, chainId: 31337 });
	const warmSync = performance.now() - t1;
	t2 = performance.now();
	const again = new SupportRank();
	again.apply(socialEventsFromLogs(warm.logs));
	const warmRanking = again.rank();
	const warmRank = performance.now() - t2;
	const warmTotal = performance.now() - t - loadOnly; // the standalone load() was only to time it apart
	store.close();
	if (warmRanking.leaders[0].address !== coldRanking.leaders[0].address) throw new Error('warm and cold rankings differ');

	return [
		{ name: `sync ${label}: cold sync (getLogs → fake-indexeddb)`, value: sec(coldSync), note: `${cold.logs.length} logs, ${requests} eth_getLogs of ≤2,000 blocks` },
		{ name: `sync ${label}: cold sync, 20-block ranges`, value: sec(smallSync), note: `${small.requests} eth_getLogs` },
		{ name: `sync ${label}: cold replay + rank`, value: sec(coldRank), note: `${coldRanking.members} members, ${coldRanking.edges} edges, ${coldRanking.iterations} iterations` },
		{ name: `sync ${label}: cold total to ranked list`, value: sec(coldSync + coldRank) },
		{ name: `sync ${label}: warm reload, cache read alone`, value: sec(loadOnly), note: 'IdbSyncStore.load of all cached logs' },
		{ name: `sync ${label}: warm reload sync (cache + reorg window)`, value: sec(warmSync), note: `${warm.requests} eth_getLogs (blocks ${warm.fromBlock}–${warm.toBlock})` },
		{ name: `sync ${label}: warm total to ranked list`, value: sec(warmTotal), note: `replay + rank ${sec(warmRank)}` }
	];
}

type Rpc = (calls: Array<{ method: string; params: unknown[] }>) => Promise<unknown[]>;

/** JSON-RPC batches over fetch (viem's client would send them one by one here). */
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

async function flush(rpc: Rpc, batch: Array<{ method: string; params: unknown[] }>): Promise<void> {
	const t0 = performance.now();
	await rpc(batch);
	const t1 = performance.now();
	await mineAll(rpc);
	const t2 = performance.now();
	await rpc([{ method: 'anvil_mine', params: [`0x${EMPTY_BLOCKS_BETWEEN.toString(16)}`] }]);
	if (process.env.NU_BENCH_DEBUG) console.error(`send ${(t1 - t0).toFixed(0)} mine ${(t2 - t1).toFixed(0)} empty ${(performance.now() - t2).toFixed(0)}`);
}

/** Mines one block with everything pending and checks none of it reverted. */
async function mineAll(rpc: Rpc): Promise<void> {
	await rpc([{ method: 'evm_mine', params: [] }]);
	const [block] = (await rpc([{ method: 'eth_getBlockByNumber', params: ['latest', false] }])) as Array<{ transactions: Hex[] }>;
	const last = block.transactions.at(-1);
	if (!last) return;
	const [receipt] = (await rpc([{ method: 'eth_getTransactionReceipt', params: [last] }])) as Array<{ status: Hex }>;
	if (receipt.status !== '0x1') throw new Error(`a bench transaction reverted (${last})`);
}

function short(x: number): string {
	return x >= 1000 ? `${x / 1000}k` : String(x);
}

function sec(ms: number): string {
	return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	printTable('Social layer — event sync to a ranked list', await benchSync());
}

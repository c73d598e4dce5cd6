// @vitest-environment node
// The log sync against a real anvil with a real Union: chunking, halving on "range too large",
// retry with backoff, resume from the IndexedDB cache (fake-indexeddb in Node), dedupe, reorgs.
import 'fake-indexeddb/auto';
import { getAbiItem } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdbSyncStore } from '../../../web/lib/sync/idbStore';
import { MemorySyncStore } from '../../../web/lib/sync/store';
import { syncUnionLogs } from '../../../web/lib/sync/syncLogs';
import { isRangeTooLargeError, isTransientError, SyncError } from '../../../web/lib/sync/errors';
import type { UnionLog } from '../../../web/lib/sync/types';
import { unionAbi } from '../../../web/lib/chain/abi/generated';
import { socialEventsFromLogs } from '../../../web/lib/leaders/rank/fromLogs';
import { rankEvents } from '../../../web/lib/leaders/rank/supportRank';
import { deployUnion, startAnvil, unionCall, type Anvil, type UnionChain } from './localChain';
import { countingClient } from './rpc';
import { testPort } from '../ports.ts';

const PORT = Number(process.env.NU_SYNC_TEST_ANVIL_PORT ?? testPort(18645));
let anvil: Anvil;
let chain: UnionChain;
const noSleep = async (): Promise<void> => undefined;

const key = (l: UnionLog): string => `${l.blockNumber}:${l.logIndex}`;

/** Every union event on chain, in one eth_getLogs call (the answer the sync must reproduce). */
async function allLogsAtOnce(): Promise<string[]> {
	const events = [
		getAbiItem({ abi: unionAbi, name: 'MemberJoined' }),
		getAbiItem({ abi: unionAbi, name: 'MemberLeft' }),
		getAbiItem({ abi: unionAbi, name: 'Backed' }),
		getAbiItem({ abi: unionAbi, name: 'Unbacked' })
	] as const;
	const logs = await chain.publicClient.getLogs({ address: chain.union, events, fromBlock: BigInt(chain.createdBlock), toBlock: 'latest' });
	return logs.map((l) => `${Number(l.blockNumber)}:${l.logIndex}`);
}

const lower = (account: number): string => chain.wallets[account].account.address.toLowerCase();
const joinedMembers = (logs: UnionLog[]): string[] => logs.flatMap((l) => (l.eventName === 'MemberJoined' ? [l.args.member.toLowerCase()] : []));

async function head(): Promise<number> {
	return Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 }));
}

beforeAll(async () => {
	anvil = await startAnvil(PORT);
	chain = await deployUnion(anvil);
	const [founder, ...others] = chain.wallets;
	const addr = (i: number) => chain.wallets[i].account.address;
	// History spread over ~400 blocks: joins, backs, a leave and rejoin, an unback.
	for (const w of others.slice(0, 8)) await unionCall(chain, w, { functionName: 'join' });
	await chain.testClient.mine({ blocks: 150 });
	for (let i = 1; i <= 8; i++) await unionCall(chain, chain.wallets[i], { functionName: 'back', leader: addr(i === 8 ? 1 : i + 1) });
	await unionCall(chain, founder, { functionName: 'back', leader: addr(1) });
	await chain.testClient.mine({ blocks: 200 });
	await unionCall(chain, chain.wallets[3], { functionName: 'leave' });
	await unionCall(chain, chain.wallets[3], { functionName: 'join' });
	await unionCall(chain, chain.wallets[5], { functionName: 'unback', leader: addr(6) });
	await chain.testClient.mine({ blocks: 30 });
});

afterAll(async () => {
	await anvil?.stop();
});

describe('syncUnionLogs', () => {
	it('fetches every log exactly once in small chunks, in chain order', async () => {
		const { client, ranges } = countingClient(anvil.rpcUrl, anvil.chain);
		const to = await head();
		const result = await syncUnionLogs({ client, address: chain.union, startBlock: chain.createdBlock, store: new MemorySyncStore(), chunkSize: 25 });

		expect(result.logs.map(key)).toEqual(await allLogsAtOnce());
		expect(new Set(result.logs.map(key)).size).toBe(result.logs.length);
		expect(result.logs.length).toBe(1 + 8 + 9 + 3); // founder + 8 joins, 9 backs, leave + rejoin + unback
		expect(ranges.length).toBe(Math.ceil((to - chain.createdBlock + 1) / 25));
		// Contiguous, non-overlapping ranges covering [createdBlock, head].
		expect(ranges[0][0]).toBe(chain.createdBlock);
		for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1] + 1);
		expect(ranges.at(-1)?.[1]).toBe(to);
		expect(result.newLogs).toEqual(result.logs);
		expect(result.reorged).toBe(false);
	});

	it('halves the range when the provider says it is too large, and keeps the smaller size', async () => {
		const { client, ranges } = countingClient(anvil.rpcUrl, anvil.chain, { maxRange: 40 });
		const result = await syncUnionLogs({ client, address: chain.union, startBlock: chain.createdBlock, store: new MemorySyncStore(), chunkSize: 200 });
		expect(result.logs.map(key)).toEqual(await allLogsAtOnce());
		// 200 → 100 → 50 → 25 refused/accepted in that order at the first range, then 25 throughout.
		expect(ranges.slice(0, 4).map(([a, b]) => b - a + 1)).toEqual([200, 100, 50, 25]);
		expect(result.chunkSize).toBe(25);
		expect(ranges.slice(3).every(([a, b]) => b - a + 1 <= 25)).toBe(true);
	});

	it('halves a range the client timed out on instead of repeating the slow query', async () => {
		const { client, ranges } = countingClient(anvil.rpcUrl, anvil.chain, { timeoutAbove: 60 });
		const result = await syncUnionLogs({ client, address: chain.union, startBlock: chain.createdBlock, store: new MemorySyncStore(), chunkSize: 200, sleep: noSleep });
		expect(result.logs.map(key)).toEqual(await allLogsAtOnce());
		expect(ranges.slice(0, 3).map(([a, b]) => b - a + 1)).toEqual([200, 100, 50]);
		expect(result.chunkSize).toBe(50);
	});

	it('retries transient failures with exponential backoff, then gives up with the range', async () => {
		const delays: number[] = [];
		const sleep = async (ms: number): Promise<void> => void delays.push(ms);
		const flaky = countingClient(anvil.rpcUrl, anvil.chain, { transientFailures: 3 });
		const result = await syncUnionLogs({ client: flaky.client, address: chain.union, startBlock: chain.createdBlock, store: new MemorySyncStore(), sleep });
		expect(delays).toEqual([250, 500, 1000]);
		expect(result.logs.map(key)).toEqual(await allLogsAtOnce());

		const down = countingClient(anvil.rpcUrl, anvil.chain, { transientFailures: 100, transientMessage: 'fetch failed' });
		const failing = syncUnionLogs({ client: down.client, address: chain.union, startBlock: chain.createdBlock, store: new MemorySyncStore(), sleep: noSleep, retry: { attempts: 4 } });
		await expect(failing).rejects.toBeInstanceOf(SyncError);
		expect(down.ranges.length).toBe(4);
	});

	it('resumes from the IndexedDB cache after a reload: only new blocks (plus the reorg window) are fetched', async () => {
		const dbName = `sync-test-${Date.now()}`;
		const first = countingClient(anvil.rpcUrl, anvil.chain);
		let store = await IdbSyncStore.open(dbName);
		const cold = await syncUnionLogs({ client: first.client, address: chain.union, startBlock: chain.createdBlock, store, chunkSize: 100 });
		const syncedTo = cold.toBlock;
		store.close();

		// New activity after the first sync.
		await unionCall(chain, chain.wallets[9], { functionName: 'join' });
		await unionCall(chain, chain.wallets[9], { functionName: 'back', leader: chain.wallets[2].account.address });
		const to = await head();

		store = await IdbSyncStore.open(dbName); // a fresh page load
		const second = countingClient(anvil.rpcUrl, anvil.chain);
		const warm = await syncUnionLogs({ client: second.client, address: chain.union, startBlock: chain.createdBlock, store, chunkSize: 100 });
		expect(second.ranges).toEqual([[syncedTo + 1 - 12, to]]);
		expect(warm.fromBlock).toBe(syncedTo + 1 - 12);
		expect(warm.logs.map(key)).toEqual(await allLogsAtOnce());
		expect(warm.newLogs.map((l) => l.eventName)).toEqual(['MemberJoined', 'Backed']);
		expect(warm.reorged).toBe(false);

		// Nothing new: one call for the reorg window, no duplicates in the cache.
		const third = countingClient(anvil.rpcUrl, anvil.chain);
		const again = await syncUnionLogs({ client: third.client, address: chain.union, startBlock: chain.createdBlock, store, chunkSize: 100 });
		expect(third.ranges).toEqual([[to + 1 - 12, to]]);
		expect(again.newLogs).toEqual([]);
		const cached = await store.load({ chainId: 31337, address: chain.union });
		expect(cached.logs.map(key)).toEqual(await allLogsAtOnce());
		expect(cached.cursor?.lastSyncedBlock).toBe(to);
		// bigint survives the IndexedDB round trip (the grant is 0n since the trust rule: it is minted when a
		// member becomes trusted, not at join; Object.is(0n, 0) is false, so a number would fail here).
		const joined = cached.logs.find((l) => l.eventName === 'MemberJoined');
		expect(joined?.eventName === 'MemberJoined' && joined.args.grant).toBe(0n);
		store.close();
	});

	it('dedupes by (blockNumber, logIndex) when the reorg window overlaps cached blocks', async () => {
		const store = new MemorySyncStore();
		const { client } = countingClient(anvil.rpcUrl, anvil.chain);
		const opts = { client, address: chain.union, startBlock: chain.createdBlock, store, reorgDepth: 1000 };
		await syncUnionLogs(opts);
		const again = await syncUnionLogs(opts); // re-fetches the whole history
		expect(again.fromBlock).toBe(chain.createdBlock);
		expect(again.logs.map(key)).toEqual(await allLogsAtOnce());
		expect((await store.load({ chainId: 31337, address: chain.union })).logs.length).toBe(again.logs.length);
		expect(again.newLogs).toEqual([]);
	});

	it('notices a reorg inside the window and replaces the orphaned logs', async () => {
		const store = new MemorySyncStore();
		const { client } = countingClient(anvil.rpcUrl, anvil.chain);
		const opts = { client, address: chain.union, startBlock: chain.createdBlock, store };
		const snapshot = await chain.testClient.snapshot();
		await unionCall(chain, chain.wallets[10], { functionName: 'join' }); // will be orphaned
		const before = await syncUnionLogs(opts);
		expect(joinedMembers(before.logs)).toContain(lower(10));

		await chain.testClient.revert({ id: snapshot });
		await unionCall(chain, chain.wallets[11], { functionName: 'join' }); // the canonical chain
		const after = await syncUnionLogs(opts);
		expect(after.reorged).toBe(true);
		expect(joinedMembers(after.logs)).toContain(lower(11));
		expect(joinedMembers(after.logs)).not.toContain(lower(10));
		expect(after.logs.map(key)).toEqual(await allLogsAtOnce());
	});

	it('feeds the support rank: synced logs → events → ranking', async () => {
		const { client } = countingClient(anvil.rpcUrl, anvil.chain);
		const { logs } = await syncUnionLogs({ client, address: chain.union, startBlock: chain.createdBlock, store: new MemorySyncStore() });
		const ranking = rankEvents(socialEventsFromLogs(logs));
		const founder = chain.wallets[0].account.address.toLowerCase();
		expect(ranking.seeds[0]).toBe(founder);
		expect(ranking.members).toBe(11); // founder + accounts 1–9 + 11 (10 was orphaned)
		const one = ranking.leaders.find((l) => l.address === chain.wallets[1].account.address.toLowerCase());
		expect(one?.backers).toBe(2); // backed by account 8 and the founder
		const six = ranking.leaders.find((l) => l.address === chain.wallets[6].account.address.toLowerCase());
		expect(six?.backers).toBe(0); // unbacked by 5
	});
});

describe('error classification', () => {
	it('recognises providers’ "too big" answers and transient failures', () => {
		for (const msg of ['query returned more than 10000 results', 'Log response size exceeded.', 'block range is too large', 'exceed maximum block range: 5000', 'limit exceeded', 'HTTP response body exceeded the size limit.'])
			expect(isRangeTooLargeError(new Error('RPC failed', { cause: new Error(msg) }))).toBe(true);
		expect(isRangeTooLargeError(new Error('execution reverted'))).toBe(false);
		expect(isTransientError(Object.assign(new Error('HTTP request failed'), { status: 503 }))).toBe(true);
		expect(isTransientError(new Error('x', { cause: new Error('fetch failed') }))).toBe(true);
		expect(isTransientError(new Error('invalid argument'))).toBe(false);
	});
});

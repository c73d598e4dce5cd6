// @vitest-environment node
// The log sync through a proxy that behaves like a public RPC provider (scripts/lib/publicRpcProxy.ts:
// block-range cap, result cap, 429 token bucket, every-Nth 503) in front of a real anvil with a real
// Union holding a few thousand events: the cold sync returns exactly what anvil has, an interrupted
// sync resumes from its cursor, and every refusal reaches the member as a sentence, never raw.
import 'fake-indexeddb/auto';
import { createPublicClient, encodeFunctionData, getAbiItem, http, type Address, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unionAbi } from '../../../web/lib/chain/abi/generated';
import { describeChainError } from '../../../web/lib/chain/errors';
import { describeSyncRetry, SyncError, type SyncRetry } from '../../../web/lib/sync/errors';
import { IdbSyncStore } from '../../../web/lib/sync/idbStore';
import { MemorySyncStore, type SyncStore } from '../../../web/lib/sync/store';
import { syncUnionLogs, type SyncOptions, type SyncResult } from '../../../web/lib/sync/syncLogs';
import type { UnionLog } from '../../../web/lib/sync/types';
import { startPublicRpcProxy, type PublicRpcProxy, type PublicRpcProxyOptions } from '../../../scripts/lib/publicRpcProxy';
import { createBackingHistory, historyMembers } from '../../../scripts/lib/unionHistory';
import { readMembers } from '../../../web/lib/union/memberList';
import { chunkedEvents } from '../../../web/lib/sync/chunkedEvents';
import { progressLine } from '../../../web/lib/sync/progressText';
import { deployUnion, startAnvil, type Anvil, type UnionChain } from './localChain';
import { testPort } from '../ports.ts';

const PORT = Number(testPort(18655));
const MEMBERS = 300;
const BACKS = 3_000;
let anvil: Anvil;
let chain: UnionChain;
let expected: string[];
const proxies: PublicRpcProxy[] = [];

const key = (l: { blockNumber: number | bigint | null; logIndex: number | null }): string => `${Number(l.blockNumber)}:${l.logIndex}`;

/** Like a public provider: 100 blocks a query, 400 logs an answer, 8 calls a second, every 9th request a 503. */
const PROVIDER: Omit<PublicRpcProxyOptions, 'upstream'> = { maxBlockRange: 100, maxLogs: 400, ratePerSecond: 8, burst: 4, failEvery: 9 };

async function proxy(options: Omit<PublicRpcProxyOptions, 'upstream'> = PROVIDER): Promise<PublicRpcProxy> {
	const p = await startPublicRpcProxy({ upstream: anvil.rpcUrl, ...options });
	proxies.push(p);
	return p;
}

/**
 * A client like the app's (web/lib/chain/client.ts: JSON-RPC batching, 15 s timeout) but without
 * viem's own retry, so what is tested is the sync's handling of every refusal.
 */
function clientFor(url: string): PublicClient {
	return createPublicClient({ chain: anvil.chain, transport: http(url, { batch: { wait: 10 }, retryCount: 0, timeout: 15_000 }) });
}

// Real waits (the token bucket refills in real time), shortened: the proxy's Retry-After of 1 s is
// the longest wait.
const retry = { attempts: 8, baseDelayMs: 50, maxDelayMs: 1_000 };

/** Syncs the test union's logs through the provider at `url` into `store`; `options` add to or replace the defaults. */
function syncThrough(url: string, store: SyncStore, options: Partial<SyncOptions> = {}): Promise<SyncResult> {
	return syncUnionLogs({ client: clientFor(url), address: chain.union, startBlock: chain.createdBlock, chainId: 31337, store, retry, ...options });
}

beforeAll(async () => {
	anvil = await startAnvil(PORT, ['--gas-limit', '2000000000', '--order', 'fifo']);
	chain = await deployUnion(anvil);
	// 300 joins and 3,000 backs, 250 a block with 40 empty blocks after each: ~600 blocks, dense
	// blocks holding more logs than a 100-block answer may.
	await createBackingHistory(anvil.rpcUrl, chain.union, { members: MEMBERS, backsPerMember: 10, events: BACKS, txPerBlock: 250, gapBlocks: 40 });
	const events = ['MemberJoined', 'MemberLeft', 'Backed', 'Unbacked'].map((name) => getAbiItem({ abi: unionAbi, name: name as 'Backed' }));
	const direct = await chain.publicClient.getLogs({ address: chain.union, events, fromBlock: BigInt(chain.createdBlock), toBlock: 'latest' });
	expected = direct.map(key);
}, 120_000);

afterAll(async () => {
	for (const p of proxies) await p.close();
	await anvil?.stop();
});

describe('sync through a public-RPC-like provider', () => {
	it('a cold sync returns exactly the logs anvil has, despite range caps, result caps, 429s and 503s', async () => {
		expect(expected.length).toBe(1 + MEMBERS + BACKS);
		const p = await proxy();
		const retries: SyncRetry[] = [];
		const result = await syncThrough(p.url, new MemorySyncStore(), { onRetry: (r) => retries.push(r) });

		expect(result.logs.map(key)).toEqual(expected);
		// The provider really refused some of each kind, and the sync got past all of them.
		expect(p.counters.rangeRefused).toBeGreaterThan(0);
		expect(p.counters.tooManyResults).toBeGreaterThan(0);
		expect(p.counters.rateLimited).toBeGreaterThan(0);
		expect(p.counters.serverErrors).toBeGreaterThan(0);
		// Every answered range fit the provider's caps.
		expect(p.getLogsRanges.length).toBeGreaterThan(0);
		// The range grew back after dense blocks (answers of < 1,000 logs) up to the span cap, not past it.
		expect(result.chunkSize).toBeLessThanOrEqual(100);
		expect(result.chunkSize).toBeGreaterThan(12);
		// Each refusal was told to onRetry as a kind the page can put in words.
		const kinds = new Set(retries.map((r) => r.refusal));
		expect(kinds).toEqual(new Set(['range', 'rate-limited', 'server']));
		const rateLimited = retries.find((r) => r.refusal === 'rate-limited');
		expect(rateLimited && describeSyncRetry(rateLimited)).toBe('The chain provider is rate-limiting this site; retrying in 1 s…');
		const server = retries.find((r) => r.refusal === 'server');
		expect(server && describeSyncRetry(server)).toMatch(/^The chain provider had a server error \(HTTP 503\); retrying in \d+ s…$/);
		const range = retries.find((r) => r.refusal === 'range');
		expect(range && describeSyncRetry(range)).toMatch(/^The chain provider answers only smaller queries; now reading [\d,]+ blocks at a time…$/);
	}, 120_000);

	it('a block-range cap the provider names is taken at its word: one refusal, then ranges of exactly that size', async () => {
		const p = await proxy({ maxBlockRange: 100, maxLogs: 100_000, ratePerSecond: Infinity, failEvery: 0 });
		const result = await syncThrough(p.url, new MemorySyncStore());
		expect(result.logs.map(key)).toEqual(expected);
		expect(p.counters.rangeRefused).toBe(1);
		expect(p.getLogsRanges.slice(1, -1).every(([a, b]) => b - a + 1 === 100)).toBe(true);
	}, 60_000);

	it('an interrupted sync resumes from its cursor on the next page load instead of refetching everything', async () => {
		const dbName = `public-rpc-resume-${Date.now()}`;
		const controller = new AbortController();
		let store = await IdbSyncStore.open(dbName);
		const first = await proxy({ ...PROVIDER, ratePerSecond: Infinity, failEvery: 0 });
		let progressEvents = 0;
		const interrupted = syncThrough(first.url, store, {
			signal: controller.signal,
			onProgress: () => {
				if (++progressEvents === 4) controller.abort();
			}
		});
		await expect(interrupted).rejects.toThrow();
		const cursor = await store.loadCursor({ chainId: 31337, address: chain.union });
		const head = Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 }));
		expect(cursor).toBeDefined();
		const stoppedAt = cursor?.lastSyncedBlock ?? 0;
		expect(stoppedAt).toBeGreaterThan(chain.createdBlock);
		expect(stoppedAt).toBeLessThan(head);
		store.close();

		// A reload: a fresh store on the same database, through a fresh provider connection.
		store = await IdbSyncStore.open(dbName);
		const second = await proxy({ ...PROVIDER, ratePerSecond: Infinity, failEvery: 0 });
		const resumed = await syncThrough(second.url, store);
		expect(resumed.logs.map(key)).toEqual(expected);
		expect(resumed.fromBlock).toBe(stoppedAt + 1 - 12);
		// Nothing before the reorg window was asked for again.
		expect(Math.min(...second.getLogsRanges.map(([from]) => from))).toBe(stoppedAt + 1 - 12);
		store.close();
	}, 120_000);

	it('a provider that goes away mid-sync: the failure is a sentence, and a later sync continues from where it stopped', async () => {
		const store = new MemorySyncStore();
		const first = await proxy({ ...PROVIDER, ratePerSecond: Infinity, failEvery: 0 });
		let progressEvents = 0;
		const failing = syncThrough(first.url, store, {
			retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 20 },
			onProgress: () => {
				if (++progressEvents === 3) void first.close();
			}
		});
		const error: unknown = await failing.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SyncError);
		const ctx = { rpcUrl: first.url, chainId: 31337, chainName: 'anvil' };
		expect(describeChainError(error, ctx)).toBe(`Cannot reach the chain at ${first.url}. What was read so far is kept, so trying again continues from there.`);
		const stoppedAt = (await store.loadCursor({ chainId: 31337, address: chain.union }))?.lastSyncedBlock ?? 0;
		expect(stoppedAt).toBeGreaterThan(chain.createdBlock);

		// The provider is back (same address): the next sync starts at the cursor's reorg window.
		const back = await proxy({ ...PROVIDER, port: first.port, ratePerSecond: Infinity, failEvery: 0 });
		const resumed = await syncThrough(back.url, store);
		expect(resumed.logs.map(key)).toEqual(expected);
		expect(back.getLogsRanges[0][0]).toBe(stoppedAt + 1 - 12);
	}, 120_000);
});

describe('what the member reads when the provider refuses', () => {
	const ctx = (url: string) => ({ rpcUrl: url, chainId: 31337, chainName: 'anvil' });
	const rawWords = /Request exceeds defined limit|query returned more than|max block range|Service Temporarily Unavailable|HTTP request failed|Details:|Version: viem/;

	async function syncError(p: PublicRpcProxy, attempts = 2): Promise<unknown> {
		return syncThrough(p.url, new MemorySyncStore(), { retry: { attempts, baseDelayMs: 1, maxDelayMs: 5 } }).catch((e: unknown) => e);
	}

	it('a rate limit that does not lift', async () => {
		const p = await proxy({ ratePerSecond: 0.001, burst: 1 });
		const error = await syncError(p, 3);
		expect(p.counters.rateLimited).toBeGreaterThan(0);
		const sentence = describeChainError(error, ctx(p.url));
		expect(sentence).toBe('The chain provider is rate-limiting this site and still refused after 3 tries. Wait a minute and try again. What was read so far is kept, so trying again continues from there.');
		expect(sentence).not.toMatch(rawWords);
	});

	it('a rate limit on a one-off read (not the sync): the 429 is not shown as “Request exceeds defined limit.”', async () => {
		const p = await proxy({ ratePerSecond: 0.001, burst: 0 });
		const error = await clientFor(p.url)
			.getBlockNumber({ cacheTime: 0 })
			.catch((e: unknown) => e);
		expect(String((error as Error).message)).toMatch(/Request exceeds defined limit/); // what viem says
		expect(describeChainError(error, ctx(p.url))).toBe('The chain provider is rate-limiting this site and still refused. Wait a minute and try again.');
	});

	it('a provider that keeps failing with 5xx', async () => {
		const p = await proxy({ failEvery: 1 });
		const sentence = describeChainError(await syncError(p), ctx(p.url));
		expect(sentence).toBe('The chain provider is having trouble (HTTP 503) and failed after 2 tries. Try again later. What was read so far is kept, so trying again continues from there.');
		expect(sentence).not.toMatch(rawWords);
	});

	it('a provider whose answer cap is below one block’s logs', async () => {
		const p = await proxy({ maxLogs: 10, ratePerSecond: Infinity });
		const error = await syncError(p);
		expect(p.counters.tooManyResults).toBeGreaterThan(0);
		const sentence = describeChainError(error, ctx(p.url));
		expect(sentence).toMatch(/^The chain provider refused to send this many events at once, even for the smallest query \(block [\d,]+\)\. It limits answers more tightly than this site can work with: use another RPC endpoint\.$/);
		expect(sentence).not.toMatch(rawWords);
	});

	it('the page’s progress line shows how far the sync got, then why it waits, then progress again', async () => {
		const lines: string[] = [];
		const p = await proxy({ ...PROVIDER, failEvery: 0, ratePerSecond: 4, burst: 2 });
		await syncThrough(p.url, new MemorySyncStore(), progressLine((l) => lines.push(l)));
		expect(lines[0]).toMatch(/^(Reading the union’s history: \d+ % of blocks \(up to block [\d,]+ of [\d,]+\), [\d,]+ events so far…|The chain provider .*…)$/);
		expect(lines).toContain('The chain provider is rate-limiting this site; retrying in 1 s…');
		expect(lines.at(-1)).toMatch(/^Reading the union’s history: 100 % of blocks .*, 3,301 events so far…$/);
		for (const line of lines) expect(line).not.toMatch(rawWords);
	}, 60_000);

	it('retry sentences for every kind', () => {
		const base = { attempt: 1, fromBlock: 1, toBlock: 10, chunkSize: 1_000 };
		expect(describeSyncRetry({ ...base, refusal: 'timeout', delayMs: 2_000 })).toBe('The chain provider is slow to answer; retrying in 2 s…');
		expect(describeSyncRetry({ ...base, refusal: 'unreachable', delayMs: 500 })).toBe('The chain provider cannot be reached; retrying in 1 s…');
		expect(describeSyncRetry({ ...base, refusal: 'range', delayMs: 0 })).toBe('The chain provider answers only smaller queries; now reading 1,000 blocks at a time…');
	});
});

describe('one-off event reads (deals, proposals, campaigns, the directory…) through a capped provider', () => {
	it('chunkedEvents returns what one unbounded getContractEvents returns, in ranges the provider accepts', async () => {
		const backer = historyMembers(MEMBERS)[7];
		const direct = await chain.publicClient.getContractEvents({ address: chain.union, abi: unionAbi, eventName: 'Backed', fromBlock: BigInt(chain.createdBlock), toBlock: 'latest', strict: true });
		const p = await proxy({ maxBlockRange: 100, maxLogs: 400, ratePerSecond: 50, burst: 20, failEvery: 5 });
		const client = clientFor(p.url);
		const all = await chunkedEvents(client, chain.createdBlock, (range) => client.getContractEvents({ address: chain.union, abi: unionAbi, eventName: 'Backed', ...range, strict: true }), { retry });
		expect(all.map(key)).toEqual(direct.map(key));
		// Filtered on an indexed argument, the types still flow from the call: args.leader is an Address.
		const mine = await chunkedEvents(client, chain.createdBlock, (range) => client.getContractEvents({ address: chain.union, abi: unionAbi, eventName: 'Backed', args: { backer }, ...range, strict: true }), { retry });
		expect(mine.map((l) => l.args.leader.toLowerCase())).toEqual(direct.filter((l) => l.args.backer.toLowerCase() === backer.toLowerCase()).map((l) => l.args.leader.toLowerCase()));
		expect(mine.length).toBe(10);
		expect(p.counters.rangeRefused).toBeGreaterThan(0);
		expect(p.counters.tooManyResults).toBeGreaterThan(0);
		expect(p.counters.serverErrors).toBeGreaterThan(0);
	}, 120_000);
});

// Last: it changes the chain (members leave), which the tests above compare against.
describe('the union page member list through a capped provider', () => {
	it('is complete and correct when the union has more members than one answer may hold', async () => {
		// Five members leave (the history left anvil impersonating its members).
		const leavers = historyMembers(MEMBERS).slice(10, 15);
		const leave = encodeFunctionData({ abi: unionAbi, functionName: 'leave' });
		for (const from of leavers) {
			const hash = (await chain.publicClient.request({ method: 'eth_sendTransaction', params: [{ from, to: chain.union, data: leave, gas: '0x7a120' }] } as never)) as `0x${string}`;
			expect((await chain.publicClient.waitForTransactionReceipt({ hash })).status).toBe('success');
		}
		const candidates: Address[] = [chain.wallets[0].account.address, ...historyMembers(MEMBERS)];
		const onChain = await Promise.all(candidates.map((a) => chain.publicClient.readContract({ address: chain.union, abi: unionAbi, functionName: 'isMember', args: [a] })));
		const expectedMembers = candidates.filter((_, i) => onChain[i]).map((a) => a.toLowerCase());
		const count = await chain.publicClient.readContract({ address: chain.union, abi: unionAbi, functionName: 'memberCount' });
		expect(expectedMembers.length).toBe(1 + MEMBERS - leavers.length);
		expect(BigInt(expectedMembers.length)).toBe(count);

		// 301 joins, but the provider answers at most 260 logs and 100 blocks a query.
		const p = await proxy({ maxBlockRange: 100, maxLogs: 260, ratePerSecond: 50, burst: 20, failEvery: 7 });
		const members = await readMembers({ client: clientFor(p.url), union: chain.union, startBlock: chain.createdBlock, chainId: 31337, store: new MemorySyncStore(), retry });
		expect(members.map((m) => m.address.toLowerCase()).sort()).toEqual([...expectedMembers].sort());
		expect(members.some((m) => leavers.some((l) => l.toLowerCase() === m.address.toLowerCase()))).toBe(false);
		// It had to split: the provider refused both the span and the size of some answers.
		expect(p.counters.rangeRefused).toBeGreaterThan(0);
		expect(p.counters.tooManyResults).toBeGreaterThan(0);
		expect(p.counters.getLogsServed).toBeGreaterThan(1);

		// The page reads through the minimal JSON-RPC path (sync/rpcLogs.ts, no viem): the same members,
		// paths, inviters and join blocks, in the same order, through the same refusals.
		const q = await proxy({ maxBlockRange: 100, maxLogs: 260, ratePerSecond: 50, burst: 20, failEvery: 7 });
		const viaRpc = await readMembers({ client: { rpcUrl: q.url }, union: chain.union, startBlock: chain.createdBlock, chainId: 31337, store: new MemorySyncStore(), retry });
		expect(viaRpc).toEqual(members);
		expect(q.counters.rangeRefused).toBeGreaterThan(0);
		expect(q.counters.tooManyResults).toBeGreaterThan(0);
	}, 120_000);
});

describe('the sync through the minimal JSON-RPC path', () => {
	it('caches exactly the logs the viem client does, all four events, through the same provider', async () => {
		const viaViem = await syncThrough((await proxy()).url, new MemorySyncStore());
		const p = await proxy();
		const viaRpc = await syncUnionLogs({ client: { rpcUrl: p.url }, address: chain.union, startBlock: chain.createdBlock, chainId: 31337, store: new MemorySyncStore(), retry });
		expect(viaRpc.logs.length).toBeGreaterThan(MEMBERS + BACKS - 1);
		expect(viaRpc.logs).toEqual(viaViem.logs);
		expect(p.counters.rangeRefused + p.counters.tooManyResults).toBeGreaterThan(0);
	}, 120_000);

	it('asks the RPC for the chain id when none is given, and keeps the membership stream to joins and leaves', async () => {
		const r = await syncUnionLogs({ client: { rpcUrl: anvil.rpcUrl }, address: chain.union, startBlock: chain.createdBlock, stream: 'membership', store: new MemorySyncStore(), retry });
		expect(r.logs.length).toBeGreaterThan(MEMBERS);
		expect(r.logs.every((l) => l.eventName === 'MemberJoined' || l.eventName === 'MemberLeft')).toBe(true);
	}, 120_000);
});

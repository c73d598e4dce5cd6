// @vitest-environment node
// The leaders page's data path against a real anvil and IndexedDB (fake-indexeddb in Node): a cold
// sync packs every event into one snapshot row; a reload reads that row plus only the reorg window
// of cached logs, appends what is new, and ranks exactly like a replay of every log.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdbSyncStore } from '../../../web/lib/sync/idbStore';
import type { SyncStore } from '../../../web/lib/sync/store';
import { syncUnionLogs } from '../../../web/lib/sync/syncLogs';
import type { SyncScope, UnionLog } from '../../../web/lib/sync/types';
import { socialEventsFromLogs } from '../../../web/lib/leaders/rank/fromLogs';
import { unpackCompact } from '../../../web/lib/leaders/rank/compact';
import { createRankHandler } from '../../../web/lib/leaders/rank/protocol';
import { rankEvents } from '../../../web/lib/leaders/rank/supportRank';
import { SnapshotStore } from '../../../web/lib/leaders/snapshotStore';
import { syncSupport } from '../../../web/lib/leaders/syncSupport';
import { deployUnion, startAnvil, unionCall, type Anvil, type UnionChain } from '../sync/localChain';
import { countingClient } from '../sync/rpc';
import { testPort } from '../ports.ts';

const PORT = Number(testPort(18647));
let anvil: Anvil;
let chain: UnionChain;
const addr = (i: number) => chain.wallets[i].account.address;

/** Records the fromBlock of every loadLogs call, to prove a warm reload reads only the window. */
function spyStore(inner: SyncStore): SyncStore & { loads: number[] } {
	const loads: number[] = [];
	return {
		loads,
		load: (s: SyncScope) => inner.load(s),
		loadCursor: (s: SyncScope) => inner.loadCursor(s),
		loadLogs: (s: SyncScope, from: number) => {
			loads.push(from);
			return inner.loadLogs(s, from);
		},
		commit: (...a: Parameters<SyncStore['commit']>) => inner.commit(...a),
		clear: (s: SyncScope) => inner.clear(s)
	};
}

async function allLogs(): Promise<UnionLog[]> {
	const store = await IdbSyncStore.open(`all-${Math.random()}`);
	const r = await syncUnionLogs({ client: chain.publicClient, address: chain.union, startBlock: chain.createdBlock, store, chainId: 31337 });
	store.close();
	return r.logs;
}

beforeAll(async () => {
	anvil = await startAnvil(PORT);
	chain = await deployUnion(anvil);
	for (let i = 1; i <= 6; i++) await unionCall(chain, chain.wallets[i], { functionName: 'join' });
	for (let i = 1; i <= 6; i++) await unionCall(chain, chain.wallets[i], { functionName: 'back', leader: addr(i === 6 ? 0 : i + 1) });
	await chain.testClient.mine({ blocks: 50 });
});

afterAll(async () => {
	await anvil?.stop();
});

describe('syncSupport', () => {
	it('cold, then warm: the reload reads one snapshot and the reorg window, and ranks like a full replay', async () => {
		const name = `support-${Math.random()}`;
		const open = async () => ({ logs: spyStore(await IdbSyncStore.open(`${name}-logs`)), snapshots: await SnapshotStore.open(`${name}-snap`) });
		const { client, ranges } = countingClient(anvil.rpcUrl, anvil.chain);
		const base = { client, union: chain.union, startBlock: chain.createdBlock, chainId: 31337, chunkSize: 20 };

		let s = await open();
		const cold = await syncSupport({ ...base, ...s });
		expect(cold.warm).toBe(false);
		expect(cold.compact.count).toBe(13); // the founder's join, 6 joins, 6 backs
		expect(s.logs.loads).toEqual([]);

		// new history after the first visit: a back, a leave, an unback
		await unionCall(chain, chain.wallets[0], { functionName: 'back', leader: addr(3) });
		await unionCall(chain, chain.wallets[4], { functionName: 'leave' });
		await unionCall(chain, chain.wallets[2], { functionName: 'unback', leader: addr(3) });

		s = await open(); // a reload
		ranges.length = 0;
		const warm = await syncSupport({ ...base, ...s });
		expect(warm.warm).toBe(true);
		expect(warm.added).toBe(3);
		// only the reorg window of cached logs was read, and only blocks from there on were fetched
		expect(s.logs.loads).toEqual([cold.syncedTo + 1 - 12]);
		expect(Math.min(...ranges.map(([from]) => from))).toBe(cold.syncedTo + 1 - 12);

		const logs = await allLogs();
		expect(warm.compact.count).toBe(logs.length);
		const handle = createRankHandler();
		handle({ id: 1, type: 'load', compact: warm.compact });
		const ranked = handle({ id: 2, type: 'rank' });
		if (ranked.type !== 'ranked') throw new Error(ranked.type);
		const full = rankEvents(socialEventsFromLogs(logs));
		expect(ranked.ranking.leaders.map((l) => l.address)).toEqual(full.leaders.map((l) => l.address));
		ranked.ranking.leaders.forEach((l, i) => expect(l.score).toBeCloseTo(full.leaders[i].score, 12));
		expect(rankEvents(unpackCompact(warm.compact))).toEqual(full);

		// a reload with nothing new fetches only the window and adds nothing
		s = await open();
		const again = await syncSupport({ ...base, ...s });
		expect(again.added).toBe(0);
		expect(again.compact.count).toBe(logs.length);
	});

	it('without its log cache (cleared site data) a snapshot is not trusted: cold sync again', async () => {
		const name = `support-${Math.random()}`;
		const snapshots = await SnapshotStore.open(`${name}-snap`);
		const base = { client: chain.publicClient, union: chain.union, startBlock: chain.createdBlock, chainId: 31337, snapshots };
		await syncSupport({ ...base, logs: await IdbSyncStore.open(`${name}-logs-a`) });
		const fresh = await syncSupport({ ...base, logs: await IdbSyncStore.open(`${name}-logs-b`) });
		expect(fresh.warm).toBe(false);
		expect(fresh.compact.count).toBe((await allLogs()).length);
	});
});

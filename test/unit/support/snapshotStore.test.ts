// @vitest-environment node
// The snapshot row and the saved scores in their own row: scores come back with the snapshot only
// while it holds the events they were computed for; a version-1 database (scores inside the row)
// upgrades in place. The last ranking drawn (the board) has a row of its own, kept across the
// version-2 → 3 upgrade's stores and dropped with the snapshot.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { appendCompact, emptyCompact } from '../../../web/lib/leaders/rank/compact';
import { SnapshotStore } from '../../../web/lib/leaders/snapshotStore';
import type { SocialEvent } from '../../../web/lib/leaders/rank/events';

const scope = { chainId: 31337, address: '0x00000000000000000000000000000000000000aa' as const };
const A = '0x00000000000000000000000000000000000000a1';
const B = '0x00000000000000000000000000000000000000b2';
const events: SocialEvent[] = [
	{ kind: 'joined', member: A, path: 0, blockNumber: 1, logIndex: 0 },
	{ kind: 'joined', member: B, path: 1, blockNumber: 2, logIndex: 0 },
	{ kind: 'backed', backer: B, leader: A, blockNumber: 3, logIndex: 0 }
];
const cursor = { startBlock: 1, lastSyncedBlock: 3 };

describe('SnapshotStore', () => {
	it('saved scores come back with the snapshot of the same events, not with a later one', async () => {
		const store = await SnapshotStore.open(`snap-${Math.random()}`);
		const first = appendCompact(emptyCompact(), events.slice(0, 2));
		await store.put(scope, { compact: first, cursor });
		expect((await store.get(scope))?.scores).toBeUndefined();
		await store.putScores(scope, first, Float64Array.of(0.6, 0.4));
		const got = await store.get(scope);
		expect(got?.compact.count).toBe(2);
		expect(Array.from(got?.scores ?? [])).toEqual([0.6, 0.4]);

		// A later snapshot with the old scores as its warm start keeps them; without, they are gone.
		const second = appendCompact(first, events.slice(2));
		await store.put(scope, { compact: second, cursor, scores: Float64Array.of(0.6, 0.4) });
		expect(Array.from((await store.get(scope))?.scores ?? [])).toEqual([0.6, 0.4]);
		await store.put(scope, { compact: second, cursor });
		expect((await store.get(scope))?.scores).toBeUndefined();
		// Scores of the earlier events written late (another tab) are not handed out with these.
		await store.putScores(scope, first, Float64Array.of(0.5, 0.5));
		expect((await store.get(scope))?.scores).toBeUndefined();
		await store.delete(scope);
		expect(await store.get(scope)).toBeUndefined();
		store.close();
	});

	it('opens a version-1 database (scores inside the snapshot row) and keeps its snapshot', async () => {
		const name = `snap-v1-${Math.random()}`;
		const compact = appendCompact(emptyCompact(), events);
		const v1 = await openDB(name, 1, { upgrade: (db) => void db.createObjectStore('snapshots', { keyPath: 'scope' }) });
		await v1.put('snapshots', { scope: '31337:0x00000000000000000000000000000000000000aa', compact, cursor, scores: Float64Array.of(1, 0) });
		v1.close();
		const store = await SnapshotStore.open(name);
		const got = await store.get(scope);
		expect(got?.compact.count).toBe(3);
		expect(got?.scores).toBeUndefined();
		await store.putScores(scope, compact, Float64Array.of(0.7, 0.3));
		expect(Array.from((await store.get(scope))?.scores ?? [])).toEqual([0.7, 0.3]);
		store.close();
	});

	it('keeps the last board (figures, typed table, address table) in its own row, deleted with the snapshot', async () => {
		const name = `snap-v2-${Math.random()}`;
		const compact = appendCompact(emptyCompact(), events);
		// A version-2 database (snapshots + scores) from before the board row: it opens and keeps both.
		const v2 = await openDB(name, 2, {
			upgrade: (db) => {
				db.createObjectStore('snapshots', { keyPath: 'scope' });
				db.createObjectStore('scores', { keyPath: 'scope' });
			}
		});
		await v2.put('snapshots', { scope: '31337:0x00000000000000000000000000000000000000aa', compact, cursor });
		v2.close();
		const store = await SnapshotStore.open(name);
		expect((await store.get(scope))?.compact.count).toBe(3);
		expect(await store.getBoard(scope)).toBeUndefined();

		const ranking = { leaders: [], members: 2, edges: 1, seeds: [A], iterations: 12, converged: true, delta: 1e-9 };
		const table = {
			addresses: compact.addresses,
			order: Int32Array.of(0, 1),
			scores: Float64Array.of(0.7, 0.3),
			backers: Int32Array.of(1, 0),
			backing: Int32Array.of(0, 1),
			seed: Uint8Array.of(1, 0)
		};
		await store.putBoard(scope, { startBlock: 1, syncedTo: 3, ranking, table, rankMs: 4.5, savedAt: 1_700_000_000_000 });
		const board = await store.getBoard(scope);
		expect(board).toEqual({ startBlock: 1, syncedTo: 3, ranking, table, rankMs: 4.5, savedAt: 1_700_000_000_000 });
		expect(board?.table.scores).toBeInstanceOf(Float64Array);
		// Another union's scope has none; deleting the snapshot drops the board with it.
		expect(await store.getBoard({ ...scope, address: '0x00000000000000000000000000000000000000bb' })).toBeUndefined();
		await store.delete(scope);
		expect(await store.getBoard(scope)).toBeUndefined();
		store.close();
	});
});

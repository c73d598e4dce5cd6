// @vitest-environment node
// The snapshot row and the saved scores in their own row: scores come back with the snapshot only
// while it holds the events they were computed for; a version-1 database (scores inside the row)
// upgrades in place.
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
});

// The support graph of a union as one IndexedDB row: the packed events (rank/compact.ts) and the
// sync cursor they reach. A reload reads this single row (a few typed arrays) instead of every
// cached log, then syncs only the reorg window and what is new. The scores of the last ranking live
// in a row of their own, so saving them after each visit writes a Float64Array (0.8 MB at 100k
// members) instead of reading and rewriting the whole snapshot (15 MB at 1.1M events). The last
// ranking the page drew (its table, a few MB at 100k members) has a row of its own too: a reload
// draws it at once, before the snapshot is read, synced and ranked again (unionSupport.ts).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CompactEvents } from './rank/compact';
import type { SupportRanking } from './rank/supportRank';
import type { LeaderTable } from './rank/table';
import { scopeKey, type SyncCursor, type SyncScope } from '../sync/types';

export interface SupportSnapshot {
	compact: CompactEvents;
	cursor: SyncCursor;
	/** Support scores of the last ranking, parallel to compact.addresses (a warm start for the next). */
	scores?: Float64Array;
}

interface SnapshotDb extends DBSchema {
	snapshots: { key: string; value: { scope: string; compact: CompactEvents; cursor: SyncCursor } };
	/** `of` names the packed events the scores were saved with (see eventsKey). */
	scores: { key: string; value: { scope: string; of: string; scores: Float64Array } };
	boards: { key: string; value: SavedBoard & { scope: string } };
}

/** The last ranking drawn for a union: what a reload shows while it checks the chain again. */
export interface SavedBoard {
	/** The deployment block the events were synced from: a board of another deployment is not shown. */
	startBlock: number;
	/** Every block up to this one was in the ranking. */
	syncedTo: number;
	/** The ranking's figures (its `leaders` empty, as in a LeaderBoard). */
	ranking: SupportRanking;
	table: LeaderTable;
	rankMs: number;
	/** When it was ranked (ms since the epoch). */
	savedAt: number;
}

/** Which packed events a scores row belongs to: a row for other events is not handed out. */
function eventsKey(c: CompactEvents): string {
	return `${c.count}:${c.lastBlock}:${c.lastLogIndex}:${c.addresses.length}`;
}

export const SNAPSHOT_DB_NAME = 'network-union-support';

export class SnapshotStore {
	private constructor(private readonly db: IDBPDatabase<SnapshotDb>) {}

	static async open(name: string = SNAPSHOT_DB_NAME): Promise<SnapshotStore> {
		const db = await openDB<SnapshotDb>(name, 3, {
			upgrade(db, oldVersion) {
				// Version 1 kept the scores inside the snapshot row; they are ignored (one cold rank).
				if (oldVersion < 1) db.createObjectStore('snapshots', { keyPath: 'scope' });
				if (oldVersion < 2) db.createObjectStore('scores', { keyPath: 'scope' });
				if (oldVersion < 3) db.createObjectStore('boards', { keyPath: 'scope' });
			}
		});
		return new SnapshotStore(db);
	}

	async get(scope: SyncScope): Promise<SupportSnapshot | undefined> {
		const key = scopeKey(scope);
		const tx = this.db.transaction(['snapshots', 'scores'], 'readonly');
		const [row, saved] = await Promise.all([tx.objectStore('snapshots').get(key), tx.objectStore('scores').get(key), tx.done]);
		if (!row) return undefined;
		const scores = saved && saved.of === eventsKey(row.compact) ? saved.scores : undefined;
		return { compact: row.compact, cursor: row.cursor, scores };
	}

	/** Stores the snapshot; its `scores` (a warm start from earlier events) replace the saved ones, or none. */
	async put(scope: SyncScope, snapshot: SupportSnapshot): Promise<void> {
		const key = scopeKey(scope);
		const tx = this.db.transaction(['snapshots', 'scores'], 'readwrite');
		const scores = tx.objectStore('scores');
		await Promise.all([
			tx.objectStore('snapshots').put({ scope: key, compact: snapshot.compact, cursor: snapshot.cursor }),
			snapshot.scores ? scores.put({ scope: key, of: eventsKey(snapshot.compact), scores: snapshot.scores }) : scores.delete(key),
			tx.done
		]);
	}

	/**
	 * Saves the scores of a ranking of `compact`; they are handed out with the snapshot only while it
	 * still holds those events (a later snapshot — new events, a reorg rebuild — writes its own).
	 */
	async putScores(scope: SyncScope, compact: CompactEvents, scores: Float64Array): Promise<void> {
		await this.db.put('scores', { scope: scopeKey(scope), of: eventsKey(compact), scores });
	}

	/** The last ranking saved for `scope`, if any. */
	async getBoard(scope: SyncScope): Promise<SavedBoard | undefined> {
		const row = await this.db.get('boards', scopeKey(scope));
		return row && { startBlock: row.startBlock, syncedTo: row.syncedTo, ranking: row.ranking, table: row.table, rankMs: row.rankMs, savedAt: row.savedAt };
	}

	async putBoard(scope: SyncScope, board: SavedBoard): Promise<void> {
		await this.db.put('boards', { ...board, scope: scopeKey(scope) });
	}

	async delete(scope: SyncScope): Promise<void> {
		const key = scopeKey(scope);
		const tx = this.db.transaction(['snapshots', 'scores', 'boards'], 'readwrite');
		await Promise.all([tx.objectStore('snapshots').delete(key), tx.objectStore('scores').delete(key), tx.objectStore('boards').delete(key), tx.done]);
	}

	close(): void {
		this.db.close();
	}
}

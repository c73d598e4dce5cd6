// The support graph of a union as one IndexedDB row: the packed events (rank/compact.ts) and the
// sync cursor they reach. A reload reads this single row (a few typed arrays) instead of every
// cached log, then syncs only the reorg window and what is new.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CompactEvents } from './rank/compact';
import { scopeKey, type SyncCursor, type SyncScope } from '../sync/types';

export interface SupportSnapshot {
	compact: CompactEvents;
	cursor: SyncCursor;
	/** Support scores of the last ranking, parallel to compact.addresses (a warm start for the next). */
	scores?: Float64Array;
}

interface SnapshotDb extends DBSchema {
	snapshots: { key: string; value: SupportSnapshot & { scope: string } };
}

export const SNAPSHOT_DB_NAME = 'network-union-support';

export class SnapshotStore {
	private constructor(private readonly db: IDBPDatabase<SnapshotDb>) {}

	static async open(name: string = SNAPSHOT_DB_NAME): Promise<SnapshotStore> {
		const db = await openDB<SnapshotDb>(name, 1, {
			upgrade(db) {
				db.createObjectStore('snapshots', { keyPath: 'scope' });
			}
		});
		return new SnapshotStore(db);
	}

	async get(scope: SyncScope): Promise<SupportSnapshot | undefined> {
		const row = await this.db.get('snapshots', scopeKey(scope));
		return row && { compact: row.compact, cursor: row.cursor, scores: row.scores };
	}

	async put(scope: SyncScope, snapshot: SupportSnapshot): Promise<void> {
		await this.db.put('snapshots', { ...snapshot, scope: scopeKey(scope) });
	}

	/** Attaches the scores of a ranking to the stored snapshot (if it still holds the same events). */
	async putScores(scope: SyncScope, compact: CompactEvents, scores: Float64Array): Promise<void> {
		const tx = this.db.transaction('snapshots', 'readwrite');
		const row = await tx.store.get(scopeKey(scope));
		if (row && row.compact.count === compact.count && row.compact.lastBlock === compact.lastBlock) await tx.store.put({ ...row, scores });
		await tx.done;
	}

	async delete(scope: SyncScope): Promise<void> {
		await this.db.delete('snapshots', scopeKey(scope));
	}

	close(): void {
		this.db.close();
	}
}

// The support graph of a union as one IndexedDB row: the packed events (rank/compact.ts) and the
// sync cursor they reach. A reload reads this single row (a few typed arrays) instead of every
// cached log, then syncs only the reorg window and what is new.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CompactEvents } from '../rank/compact';
import { scopeKey, type SyncCursor, type SyncScope } from '../sync/types';

export interface SupportSnapshot {
	compact: CompactEvents;
	cursor: SyncCursor;
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
		return row && { compact: row.compact, cursor: row.cursor };
	}

	async put(scope: SyncScope, snapshot: SupportSnapshot): Promise<void> {
		await this.db.put('snapshots', { ...snapshot, scope: scopeKey(scope) });
	}

	async delete(scope: SyncScope): Promise<void> {
		await this.db.delete('snapshots', scopeKey(scope));
	}

	close(): void {
		this.db.close();
	}
}

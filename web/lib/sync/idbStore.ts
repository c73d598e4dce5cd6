// SyncStore on IndexedDB through `idb`. Two object stores: `cursors` (one row per scope) and `logs`
// keyed by [scope, blockNumber, logIndex], so a log fetched twice (reorg window) is stored once and
// a scope's logs come back in chain order from one key-range read.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { scopeKey, type SyncCursor, type SyncScope, type UnionLog } from './types';
import { MemorySyncStore, type SyncStore } from './store';

/** The position is copied out of the log so it can be part of the key. */
interface StoredLog {
	scope: string;
	blockNumber: number;
	logIndex: number;
	log: UnionLog;
}
type StoredCursor = SyncCursor & { scope: string };

interface SyncDb extends DBSchema {
	cursors: { key: string; value: StoredCursor };
	logs: { key: [string, number, number]; value: StoredLog };
}

export const SYNC_DB_NAME = 'network-union-sync';
const VERSION = 1;

export class IdbSyncStore implements SyncStore {
	private constructor(private readonly db: IDBPDatabase<SyncDb>) {}

	/** Opens (creating if needed) the sync database; uses the global `indexedDB`. */
	static async open(name: string = SYNC_DB_NAME): Promise<IdbSyncStore> {
		const db = await openDB<SyncDb>(name, VERSION, {
			upgrade(db) {
				db.createObjectStore('cursors', { keyPath: 'scope' });
				db.createObjectStore('logs', { keyPath: ['scope', 'blockNumber', 'logIndex'] });
			}
		});
		return new IdbSyncStore(db);
	}

	async load(scope: SyncScope): Promise<{ cursor: SyncCursor | undefined; logs: UnionLog[] }> {
		const key = scopeKey(scope);
		const tx = this.db.transaction(['cursors', 'logs'], 'readonly');
		const [stored, rows] = await Promise.all([tx.objectStore('cursors').get(key), tx.objectStore('logs').getAll(logRange(key, 0, Infinity))]);
		await tx.done;
		const cursor = stored && { lastSyncedBlock: stored.lastSyncedBlock, startBlock: stored.startBlock };
		return { cursor, logs: rows.map((row) => row.log) };
	}

	async loadCursor(scope: SyncScope): Promise<SyncCursor | undefined> {
		const stored = await this.db.get('cursors', scopeKey(scope));
		return stored && { lastSyncedBlock: stored.lastSyncedBlock, startBlock: stored.startBlock };
	}

	async loadLogs(scope: SyncScope, fromBlock: number): Promise<UnionLog[]> {
		const rows = await this.db.getAll('logs', logRange(scopeKey(scope), fromBlock, Infinity));
		return rows.map((row) => row.log);
	}

	async commit(scope: SyncScope, range: { fromBlock: number; toBlock: number }, logs: readonly UnionLog[], cursor: SyncCursor): Promise<void> {
		const key = scopeKey(scope);
		const tx = this.db.transaction(['cursors', 'logs'], 'readwrite');
		const store = tx.objectStore('logs');
		// Requests in one transaction run in order, so the delete lands before the puts.
		const writes: Promise<unknown>[] = [store.delete(logRange(key, range.fromBlock, range.toBlock))];
		for (const log of logs) writes.push(store.put({ scope: key, blockNumber: log.blockNumber, logIndex: log.logIndex, log }));
		writes.push(tx.objectStore('cursors').put({ ...cursor, scope: key }));
		await Promise.all([...writes, tx.done]);
	}

	async clear(scope: SyncScope): Promise<void> {
		const key = scopeKey(scope);
		const tx = this.db.transaction(['cursors', 'logs'], 'readwrite');
		await Promise.all([tx.objectStore('logs').delete(logRange(key, 0, Infinity)), tx.objectStore('cursors').delete(key), tx.done]);
	}

	close(): void {
		this.db.close();
	}
}

function logRange(scope: string, fromBlock: number, toBlock: number): IDBKeyRange {
	return IDBKeyRange.bound([scope, fromBlock, 0], [scope, toBlock, Infinity]);
}


let shared: Promise<SyncStore> | null = null;

/**
 * One sync database connection for the page, shared by every reader. Where IndexedDB cannot be
 * opened (a private window that refuses it), an in-memory store keeps the page working uncached.
 */
export function sharedSyncStore(): Promise<SyncStore> {
	shared ??= IdbSyncStore.open().catch(() => new MemorySyncStore());
	return shared;
}

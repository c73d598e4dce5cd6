// Where synced logs live between page loads. The app uses IndexedDB (idbStore.ts); tests and
// scripts can use the in-memory store. Both keep logs keyed by (scope, blockNumber, logIndex), so
// writing the same log twice stores it once.
import { compareLogs, scopeKey, type SyncCursor, type SyncScope, type UnionLog } from './types';

export interface SyncStore {
	/** The cursor and every cached log of `scope`, in chain order. */
	load(scope: SyncScope): Promise<{ cursor: SyncCursor | undefined; logs: UnionLog[] }>;
	/** The cursor alone (a warm start that keeps its derived state elsewhere needs no old logs). */
	loadCursor(scope: SyncScope): Promise<SyncCursor | undefined>;
	/** Cached logs of `scope` in blocks >= fromBlock, in chain order. */
	loadLogs(scope: SyncScope, fromBlock: number): Promise<UnionLog[]>;
	/**
	 * Atomically: drop cached logs in blocks [fromBlock, toBlock], store `logs` (all inside that range),
	 * and set the cursor. Replacing the whole range is what makes a re-synced reorg window exact.
	 */
	commit(scope: SyncScope, range: { fromBlock: number; toBlock: number }, logs: readonly UnionLog[], cursor: SyncCursor): Promise<void>;
	/** Forgets `scope` (e.g. the contract was redeployed at the same address on a dev chain). */
	clear(scope: SyncScope): Promise<void>;
}

export class MemorySyncStore implements SyncStore {
	private readonly scopes = new Map<string, { cursor: SyncCursor | undefined; logs: Map<string, UnionLog> }>();

	async load(scope: SyncScope): Promise<{ cursor: SyncCursor | undefined; logs: UnionLog[] }> {
		const entry = this.scopes.get(scopeKey(scope));
		if (!entry) return { cursor: undefined, logs: [] };
		return { cursor: entry.cursor && { ...entry.cursor }, logs: [...entry.logs.values()].sort(compareLogs) };
	}

	async loadCursor(scope: SyncScope): Promise<SyncCursor | undefined> {
		const cursor = this.scopes.get(scopeKey(scope))?.cursor;
		return cursor && { ...cursor };
	}

	async loadLogs(scope: SyncScope, fromBlock: number): Promise<UnionLog[]> {
		return (await this.load(scope)).logs.filter((l) => l.blockNumber >= fromBlock);
	}

	async commit(scope: SyncScope, range: { fromBlock: number; toBlock: number }, logs: readonly UnionLog[], cursor: SyncCursor): Promise<void> {
		const key = scopeKey(scope);
		let entry = this.scopes.get(key);
		if (!entry) this.scopes.set(key, (entry = { cursor: undefined, logs: new Map() }));
		for (const [k, log] of entry.logs) if (log.blockNumber >= range.fromBlock && log.blockNumber <= range.toBlock) entry.logs.delete(k);
		for (const log of logs) entry.logs.set(`${log.blockNumber}:${log.logIndex}`, log);
		entry.cursor = { ...cursor };
	}

	async clear(scope: SyncScope): Promise<void> {
		this.scopes.delete(scopeKey(scope));
	}
}

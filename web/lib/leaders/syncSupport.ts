// A union's backing history, synced from the chain and kept as a packed snapshot in IndexedDB.
//
// Cold (no snapshot): chunked eth_getLogs from the start block into the log cache (web/lib/sync),
// then pack every event. Warm (snapshot present): read the snapshot row, re-sync only the reorg
// window and new blocks, append the events that come after the snapshot. If the re-synced window
// differs from the cache (a reorg), rebuild the snapshot from all cached logs.
import type { Address } from 'viem';
import { appendCompact, emptyCompact, isAfter, type CompactEvents } from './rank/compact';
import { socialEventsFromLogs } from './rank/fromLogs';
import { syncUnionLogs, type SyncOptions, type SyncProgress } from '../sync/syncLogs';
import type { SyncStore } from '../sync/store';
import type { SnapshotStore } from './snapshotStore';

export interface SupportSyncOptions {
	client: SyncOptions['client'];
	union: Address;
	startBlock: number;
	chainId: number;
	logs: SyncStore;
	snapshots: SnapshotStore;
	chunkSize?: number;
	onProgress?: (progress: SyncProgress) => void;
	onRetry?: SyncOptions['onRetry'];
}

export interface SupportSync {
	compact: CompactEvents;
	/** Whether a snapshot from an earlier visit was used. */
	warm: boolean;
	/** Events appended in this sync. */
	added: number;
	/** Last block synced. */
	syncedTo: number;
	/** Scores saved with the snapshot (parallel to compact.addresses), to warm-start the rank. */
	scores?: Float64Array;
}

export async function syncSupport(opts: SupportSyncOptions): Promise<SupportSync> {
	const scope = { chainId: opts.chainId, address: opts.union };
	let snapshot = await opts.snapshots.get(scope);
	// A snapshot for another start block (e.g. a redeployed dev chain) is not ours.
	if (snapshot && snapshot.cursor.startBlock !== opts.startBlock) snapshot = undefined;
	const cursor = await opts.logs.loadCursor(scope);
	// Without the log cache behind it (cleared storage), a snapshot cannot be checked for reorgs.
	if (snapshot && (!cursor || cursor.lastSyncedBlock < snapshot.cursor.lastSyncedBlock)) snapshot = undefined;

	const result = await syncUnionLogs({
		client: opts.client,
		address: opts.union,
		startBlock: opts.startBlock,
		chainId: opts.chainId,
		store: opts.logs,
		chunkSize: opts.chunkSize,
		onProgress: opts.onProgress,
		onRetry: opts.onRetry,
		windowOnly: snapshot !== undefined
	});

	let compact: CompactEvents;
	let added: number;
	if (snapshot && !result.reorged) {
		const base = snapshot.compact;
		const fresh = result.logs.filter((l) => isAfter(base, l.blockNumber, l.logIndex));
		compact = fresh.length > 0 ? appendCompact(base, socialEventsFromLogs(fresh)) : base;
		added = fresh.length;
	} else {
		const all = result.reorged ? await opts.logs.loadLogs(scope, opts.startBlock) : result.logs;
		compact = appendCompact(emptyCompact(), socialEventsFromLogs(all));
		added = all.length;
	}
	const nextCursor = { startBlock: opts.startBlock, lastSyncedBlock: result.toBlock };
	const warm = snapshot !== undefined && !result.reorged;
	// Old scores stay a valid warm start after new events (only the starting point of the iteration).
	const scores = warm ? snapshot?.scores : undefined;
	if (added > 0 || !snapshot || snapshot.cursor.lastSyncedBlock !== result.toBlock) await opts.snapshots.put(scope, { compact, cursor: nextCursor, scores });
	return { compact, warm, added, syncedTo: result.toBlock, scores };
}

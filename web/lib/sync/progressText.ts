// What a page says while a sync runs: how far it got, or why it is waiting (errors.ts words).
import type { SyncRetry } from './errors';
import { describeSyncRetry } from './errors';
import type { SyncProgress } from './syncLogs';

/** Callbacks a page hands to a synced read. */
export interface SyncListeners {
	onProgress?: (progress: SyncProgress) => void;
	onRetry?: (retry: SyncRetry) => void;
}

/** "Reading the union's history: 45 % of blocks (up to block 1,234 of 5,678), 29,001 events so far…" */
export function describeSyncProgress(p: SyncProgress): string {
	const span = Math.max(1, p.toBlock - p.fromBlock + 1);
	const pct = Math.min(100, Math.floor(((p.syncedTo - p.fromBlock + 1) / span) * 100));
	return `Reading the union’s history: ${pct} % of blocks (up to block ${p.syncedTo.toLocaleString('en')} of ${p.toBlock.toLocaleString('en')}), ${p.fetched.toLocaleString('en')} events so far…`;
}

/** Listeners that keep one line of text current: progress, replaced by the reason while it waits. */
export function progressLine(set: (line: string) => void): SyncListeners {
	return { onProgress: (p) => set(describeSyncProgress(p)), onRetry: (r) => set(describeSyncRetry(r)) };
}

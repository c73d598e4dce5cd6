// What the social pages read: a union's synced backing history (syncSupport.ts), its support
// ranking computed in the rank worker, and the live graph for one member's backs / backers.
// Reached only through dynamic imports, so viem, idb and the worker stay off the first load.
import type { Address } from 'viem';
import { getConfig } from '$lib/config';
import { read, startBlock } from '$lib/chain/read';
import { BackingGraph } from '$lib/leaders/rank/graph';
import type { CompactEvents } from '$lib/leaders/rank/compact';
import { RankClient } from '$lib/leaders/rank/client';
import type { LeaderTable } from '$lib/leaders/rank/table';
import type { SupportRanking } from '$lib/leaders/rank/supportRank';
import { IdbSyncStore } from '$lib/sync/idbStore';
import type { SyncListeners } from '$lib/sync/progressText';
import type { SyncScope } from '$lib/sync/types';
import { SnapshotStore } from './snapshotStore';
import { syncSupport, type SupportSync } from './syncSupport';

let stores: Promise<{ logs: IdbSyncStore; snapshots: SnapshotStore }> | null = null;
let rankClient: RankClient | null = null;

function openStores(): Promise<{ logs: IdbSyncStore; snapshots: SnapshotStore }> {
	stores ??= Promise.all([IdbSyncStore.open(), SnapshotStore.open()]).then(([logs, snapshots]) => ({ logs, snapshots }));
	return stores;
}

/** Brings the union's backing history up to the chain head (cached in IndexedDB). */
export async function syncUnionSupport(union: Address, listen: SyncListeners = {}): Promise<SupportSync> {
	return read(async ({ client, fromBlock }) => {
		const { logs, snapshots } = await openStores();
		// The sync's cursor keeps the start block as a number (it is stored in IndexedDB).
		return syncSupport({ client, union, startBlock: Number(fromBlock), chainId: getConfig().chain.id, logs, snapshots, ...listen });
	});
}

export interface LeaderBoard {
	/** The ranking's figures; its `leaders` is empty — every member is in `table`, best first. */
	ranking: SupportRanking;
	table: LeaderTable;
	sync: Pick<SupportSync, 'warm' | 'added' | 'syncedTo'>;
	/** Time to rank in the worker. */
	rankMs: number;
	/**
	 * Set on the ranking this browser saved last time (ms since the epoch it was ranked): drawn at once
	 * on a reload, while the chain is checked and the union ranked again.
	 */
	savedAt?: number;
}

/**
 * Syncs, then ranks every member in the worker (one worker per page session, reloaded per union).
 * `onSaved` is handed the last ranking saved in this browser, as soon as it is read and before the
 * sync ends, unless the fresh one is ready first; the returned board is always the fresh one.
 */
export async function leaderBoard(union: Address, listen: SyncListeners = {}, onSaved?: (board: LeaderBoard) => void): Promise<LeaderBoard> {
	// Marks of each step (printed by `NU_BENCH_EXPLAIN=1 npm run bench -- leaders`).
	performance.mark('leaders:start');
	const scope = { chainId: getConfig().chain.id, address: union };
	let ranked = false;
	if (onSaved) void drawSaved(scope, () => ranked, onSaved);
	const sync = await syncUnionSupport(union, listen);
	performance.mark('leaders:synced');
	rankClient ??= new RankClient();
	const loaded = await rankClient.load(sync.compact, undefined, sync.scores);
	performance.mark('leaders:loaded');
	const { ranking, ms, scores, table } = await rankClient.rankTable(sync.compact.addresses);
	ranked = true;
	performance.mark('leaders:ranked');
	measure('leaders: snapshot read + reorg-window sync', 'leaders:start', 'leaders:synced');
	measure(`leaders: post snapshot + worker replay ${(loaded.ms ?? NaN).toFixed(0)} ms + reply`, 'leaders:synced', 'leaders:loaded');
	measure(`leaders: worker rank ${ms.toFixed(0)} ms + typed reply of ${table.order.length} leaders`, 'leaders:loaded', 'leaders:ranked');
	// Keep the scores with the snapshot (the next visit starts the iteration from them) and the board
	// (the next visit draws it first). Not awaited: the list is drawn first, then IndexedDB writes (a
	// lost write only costs the next visit more iterations, or its early draw).
	const board: LeaderBoard = { ranking, table, sync: { warm: sync.warm, added: sync.added, syncedTo: sync.syncedTo }, rankMs: ms };
	const saved = { startBlock: Number(startBlock()), syncedTo: sync.syncedTo, ranking, table, rankMs: ms, savedAt: Date.now() };
	setTimeout(() => {
		openStores()
			.then(({ snapshots }) =>
				Promise.all([snapshots.putScores(scope, sync.compact, scores ?? new Float64Array(sync.compact.addresses.length)), snapshots.putBoard(scope, saved)])
			)
			.catch(() => undefined);
	}, 0);
	return board;
}

/** Hands the saved board of `scope` to `draw`, unless there is none, it is another deployment's, or the fresh one came first. */
async function drawSaved(scope: SyncScope, rankedAlready: () => boolean, draw: (board: LeaderBoard) => void): Promise<void> {
	try {
		const { snapshots } = await openStores();
		const saved = await snapshots.getBoard(scope);
		if (!saved || saved.startBlock !== Number(startBlock()) || rankedAlready()) return;
		performance.mark('leaders:saved-read');
		draw({ ranking: saved.ranking, table: saved.table, sync: { warm: true, added: 0, syncedTo: saved.syncedTo }, rankMs: saved.rankMs, savedAt: saved.savedAt });
	} catch {
		// An unreadable row only costs the early draw: the fresh board follows.
	}
}

function measure(name: string, from: string, to: string): void {
	try {
		performance.measure(name, from, to);
	} catch {
		// A mark cleared by another page's load: the breakdown is a diagnostic, never an error.
	}
}

/** The live backing graph on this thread (member pages need edges, not scores). */
export function graphOf(compact: CompactEvents): BackingGraph {
	const graph = new BackingGraph();
	graph.applyCompact(compact);
	return graph;
}

export interface MemberBacking {
	isMember: boolean;
	/** Members this one backs. */
	backs: string[];
	/** Members backing this one. */
	backers: string[];
}

/** One member's live backs and backers, from the synced events. */
export async function memberBacking(union: Address, member: Address): Promise<MemberBacking> {
	const { compact } = await syncUnionSupport(union);
	const graph = graphOf(compact);
	return { isMember: graph.isMember(member), backs: graph.backsOf(member), backers: graph.backersOf(member) };
}

/** A leader's support base for the graph drawing. */
export async function supportBase(union: Address, leader: Address, limit?: number): Promise<ReturnType<BackingGraph['supportBase']>> {
	const { compact } = await syncUnionSupport(union);
	return graphOf(compact).supportBase(leader, limit);
}

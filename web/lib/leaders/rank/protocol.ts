// Messages between the main thread (client.ts) and the rank worker (rank.worker.ts). Every request
// carries an id that its response echoes; the worker handles requests one at a time, in order.
import { SupportRank, type SupportRankOptions, type SupportRanking } from './supportRank';
import type { SocialEvent } from './events';
import type { CompactEvents } from './compact';
import { tableBuffers, type LeaderTable } from './table';

export type RankRequest =
	/** Start over: drop all state, use these options, apply these events. */
	| { id: number; type: 'reset'; options?: SupportRankOptions; events?: SocialEvent[] }
	/** Start over from a packed snapshot (compact.ts): cheaper to clone than event objects; `scores`
	 *  (parallel to compact.addresses, from an earlier ranking) warm-start the next rank. */
	| { id: number; type: 'load'; options?: SupportRankOptions; compact: CompactEvents; scores?: Float64Array }
	/** Apply new events (chain order) to the existing graph. */
	| { id: number; type: 'apply'; events: SocialEvent[] }
	/** Rank now (warm start from the last ranking); `limit` trims the leader list; `table` (after a
	 *  `load`): answer every member as typed arrays over the loaded addresses (table.ts), no objects. */
	| { id: number; type: 'rank'; limit?: number; table?: boolean };

/** Messages that may carry transferable buffers (rank.worker.ts hands them over instead of cloning). */
export function transferables(res: RankResponse): ArrayBuffer[] {
	if (res.type !== 'ranked') return [];
	return [...(res.scores ? [res.scores.buffer as ArrayBuffer] : []), ...(res.table ? tableBuffers(res.table) : [])];
}

export type RankResponse =
	| { id: number; type: 'applied'; changed: number; members: number; edges: number; ms?: number }
	/** `scores`: after a `load`, the ranking's scores parallel to the loaded compact.addresses. */
	| { id: number; type: 'ranked'; ranking: SupportRanking; ms: number; scores?: Float64Array; table?: Omit<LeaderTable, 'addresses'> }
	| { id: number; type: 'error'; message: string };

/** The worker's logic as a plain function, so tests drive it without a Worker. */
export function createRankHandler(): (req: RankRequest) => RankResponse {
	let engine = new SupportRank();
	/** The address table of the last `load`, to lay the scores out for the snapshot's scores row. */
	let loaded: readonly string[] | null = null;
	return (req) => {
		try {
			switch (req.type) {
				case 'reset': {
					engine = new SupportRank(req.options);
					loaded = null;
					const changed = engine.apply(req.events ?? []);
					return { id: req.id, type: 'applied', changed, members: engine.state.members, edges: engine.state.edges };
				}
				case 'load': {
					const started = performance.now();
					engine = new SupportRank(req.options);
					loaded = req.compact.addresses;
					const changed = engine.applyCompact(req.compact);
					if (req.scores) engine.warmFrom(req.compact.addresses, req.scores);
					return { id: req.id, type: 'applied', changed, members: engine.state.members, edges: engine.state.edges, ms: performance.now() - started };
				}
				case 'apply': {
					const changed = engine.apply(req.events);
					return { id: req.id, type: 'applied', changed, members: engine.state.members, edges: engine.state.edges };
				}
				case 'rank': {
					const started = performance.now();
					if (req.table && loaded) {
						const { ranking, table } = engine.rankTable(loaded);
						const ms = performance.now() - started;
						return { id: req.id, type: 'ranked', ranking, ms, scores: engine.scoresOf(loaded), table };
					}
					const ranking = engine.rank(req.limit);
					const ms = performance.now() - started;
					return { id: req.id, type: 'ranked', ranking, ms, scores: loaded ? engine.scoresOf(loaded) : undefined };
				}
			}
		} catch (e) {
			return { id: req.id, type: 'error', message: e instanceof Error ? e.message : String(e) };
		}
	};
}

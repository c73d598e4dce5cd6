// The support rank of a union: event replay (graph.ts) + personalised PageRank (pagerank.ts), kept
// up to date incrementally. New events are applied to the existing graph, and the next ranking
// warm-starts from the previous scores, so an update after a few events takes a few iterations.
import { BackingGraph } from './graph';
import { DEFAULT_DAMPING, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, pageRank } from './pagerank';
import type { SocialEvent } from './events';
import type { CompactEvents } from './compact';
import { topK } from './topK';
import type { LeaderTable } from './table';

export interface SupportRankOptions {
	damping?: number;
	tolerance?: number;
	maxIterations?: number;
	/** Explicit pre-trusted seeds (addresses). Overrides the default (founder + first `seedCount` joiners). */
	seeds?: readonly string[];
	/** How many early joiners besides the founder are seeds by default. */
	seedCount?: number;
	/** Warm-start from the previous scores (default true). */
	warmStart?: boolean;
}

export const DEFAULT_SEED_COUNT = 5;

export interface LeaderScore {
	/** Lower-cased address. */
	address: string;
	/** Recursive support share, r_i; all members' scores sum to 1. */
	score: number;
	/** Members backing this one directly right now. */
	backers: number;
	/** Members this one backs right now. */
	backing: number;
	/** Whether this member is a pre-trusted seed. */
	seed: boolean;
}

export interface SupportRanking {
	/** Every current member, highest score first (ties by address). */
	leaders: LeaderScore[];
	members: number;
	edges: number;
	seeds: string[];
	iterations: number;
	converged: boolean;
	/** L1 change of the last iteration. */
	delta: number;
}

export class SupportRank {
	private graph = new BackingGraph();
	/** Last scores indexed by graph id (NaN-free; 0 for ids that were not members). */
	private previous: Float64Array | null = null;

	constructor(private options: SupportRankOptions = {}) {}

	/** The live graph (members, edges, epochs). */
	get state(): BackingGraph {
		return this.graph;
	}

	/** Applies a batch of new events in chain order; returns how many changed the graph. */
	apply(events: readonly SocialEvent[]): number {
		return this.graph.apply(events);
	}

	/**
	 * Warm-start the next ranking from scores saved earlier (e.g. with a cached snapshot), given as
	 * parallel arrays. Only the starting point changes: the result is the same fixed point, reached
	 * in a few iterations instead of a hundred when little has changed.
	 */
	warmFrom(addresses: readonly string[], scores: ArrayLike<number>): void {
		const byId = new Float64Array(this.graph.addresses.length);
		if (this.graph.idsAreIndicesOf(addresses)) {
			// Bulk-loaded from this snapshot: ids are indices into its addresses, no lookups needed.
			for (let id = 0; id < byId.length && id < scores.length; id++) byId[id] = scores[id];
			this.previous = byId;
			return;
		}
		for (let k = 0; k < addresses.length && k < scores.length; k++) {
			const id = this.graph.idOf(addresses[k]);
			if (id !== undefined) byId[id] = scores[k];
		}
		this.previous = byId;
	}

	/** Applies packed events (a snapshot) to the graph; see BackingGraph.applyCompact. */
	applyCompact(compact: CompactEvents): number {
		return this.graph.applyCompact(compact);
	}

	/** Forgets everything (e.g. after a reorg replaced cached events); optionally with new options. */
	reset(options: SupportRankOptions = this.options): void {
		this.graph = new BackingGraph();
		this.previous = null;
		this.options = options;
	}

	/**
	 * Ranks the current members; warm-starts from the previous ranking when there is one. With
	 * `limit`, only the best `limit` leaders are listed (selected without sorting everyone; the same
	 * list as the full ranking's first `limit`).
	 */
	rank(limit?: number): SupportRanking {
		const { csr, nodeIds, scores, seeds, result } = this.converge();

		const seedSet = new Set(seeds);
		const addresses = this.graph.addresses;
		const leader = (k: number): LeaderScore => ({
			address: addresses[nodeIds[k]],
			score: scores[k],
			backers: csr.offsets[k + 1] - csr.offsets[k],
			backing: csr.outDegree[k],
			seed: seedSet.has(k)
		});
		let leaders: LeaderScore[];
		if (limit !== undefined && limit < csr.n) {
			// Highest score first, ties by address: the same order as the full sort below.
			const before = (i: number, j: number): boolean => {
				const si = scores[i];
				const sj = scores[j];
				return si > sj || (si === sj && addresses[nodeIds[i]] < addresses[nodeIds[j]]);
			};
			leaders = Array.from(topK(csr.n, limit, before), leader);
		} else {
			leaders = new Array(csr.n);
			for (let k = 0; k < csr.n; k++) leaders[k] = leader(k);
			leaders.sort(byRank);
		}
		return {
			leaders,
			members: csr.n,
			edges: csr.m,
			// No live seed means uniform teleport (see teleportVector); report that as "no seeds".
			seeds: seeds.map((k) => this.graph.addresses[nodeIds[k]]),
			iterations: result.iterations,
			converged: result.converged,
			delta: result.delta
		};
	}

	/**
	 * Ranks like `rank()`, but answers every member as typed arrays over `addresses` (the loaded
	 * snapshot's table) instead of one object each: cheap to transfer and to keep in the page.
	 * `ranking.leaders` is empty; the table holds the same rows in the same order.
	 */
	rankTable(addresses: readonly string[]): { ranking: SupportRanking; table: Omit<LeaderTable, 'addresses'> } {
		const { csr, nodeIds, scores, seeds, result } = this.converge();
		const n = csr.n;
		const graphAddresses = this.graph.addresses;
		// Compact index of each graph id (the same numbers after a bulk load of `addresses`).
		let lookup = (id: number): number => id;
		if (!this.graph.idsAreIndicesOf(addresses)) {
			const index = new Map<string, number>();
			addresses.forEach((a, i) => index.set(a, i));
			lookup = (id) => index.get(graphAddresses[id]) ?? -1;
		}
		const byRankK = new Int32Array(n);
		for (let k = 0; k < n; k++) byRankK[k] = k;
		byRankK.sort((i, j) => {
			const d = scores[j] - scores[i];
			if (d !== 0) return d;
			const ai = graphAddresses[nodeIds[i]];
			const aj = graphAddresses[nodeIds[j]];
			return ai < aj ? -1 : ai > aj ? 1 : 0;
		});
		const seedSet = new Set(seeds);
		const table = { order: new Int32Array(n), scores: new Float64Array(n), backers: new Int32Array(n), backing: new Int32Array(n), seed: new Uint8Array(n) };
		for (let r = 0; r < n; r++) {
			const k = byRankK[r];
			table.order[r] = lookup(nodeIds[k]);
			table.scores[r] = scores[k];
			table.backers[r] = csr.offsets[k + 1] - csr.offsets[k];
			table.backing[r] = csr.outDegree[k];
			table.seed[r] = seedSet.has(k) ? 1 : 0;
		}
		return {
			ranking: { leaders: [], members: n, edges: csr.m, seeds: seeds.map((k) => graphAddresses[nodeIds[k]]), iterations: result.iterations, converged: result.converged, delta: result.delta },
			table
		};
	}

	/** PageRank over the current graph, warm-started from the last one; remembers its scores. */
	private converge() {
		const { csr, nodeIds, compactOf } = this.graph.toCsr();
		const seedIds = this.seedIds();
		const seeds: number[] = [];
		for (const id of seedIds) if (compactOf[id] >= 0) seeds.push(compactOf[id]);

		let initial: Float64Array | undefined;
		if (this.options.warmStart !== false && this.previous) {
			initial = new Float64Array(csr.n);
			for (let k = 0; k < csr.n; k++) initial[k] = nodeIds[k] < this.previous.length ? this.previous[nodeIds[k]] : 0;
		}
		const result = pageRank(csr, {
			damping: this.options.damping ?? DEFAULT_DAMPING,
			tolerance: this.options.tolerance ?? DEFAULT_TOLERANCE,
			maxIterations: this.options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
			seeds,
			initial
		});

		const byId = new Float64Array(this.graph.addresses.length);
		for (let k = 0; k < csr.n; k++) byId[nodeIds[k]] = result.scores[k];
		this.previous = byId;
		return { csr, nodeIds, scores: result.scores, seeds, result };
	}

	/**
	 * The last ranking's scores laid out parallel to `addresses` (0 for non-members or before any
	 * ranking): the warm start stored with a snapshot, computed here so the page need not.
	 */
	scoresOf(addresses: readonly string[]): Float64Array {
		const out = new Float64Array(addresses.length);
		const previous = this.previous;
		if (!previous) return out;
		if (this.graph.idsAreIndicesOf(addresses)) {
			// Bulk-loaded from these addresses: ids are their indices, no lookups needed.
			out.set(previous.subarray(0, Math.min(previous.length, out.length)));
			return out;
		}
		for (let i = 0; i < addresses.length; i++) {
			const id = this.graph.idOf(addresses[i]);
			if (id !== undefined && id < previous.length) out[i] = previous[id];
		}
		return out;
	}

	private seedIds(): number[] {
		if (this.options.seeds && this.options.seeds.length > 0) {
			const ids: number[] = [];
			for (const a of this.options.seeds) {
				const id = this.graph.idOf(a);
				if (id !== undefined) ids.push(id);
			}
			return ids;
		}
		return this.graph.defaultSeeds(this.options.seedCount ?? DEFAULT_SEED_COUNT);
	}
}

/** Highest score first, ties by address. */
export function byRank(a: LeaderScore, b: LeaderScore): number {
	return b.score - a.score || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);
}

/** One-shot ranking of an event stream. */
export function rankEvents(events: readonly SocialEvent[], options?: SupportRankOptions): SupportRanking {
	const rank = new SupportRank(options);
	rank.apply(events);
	return rank.rank();
}

// Support rank: personalised PageRank (EigenTrust) over the backing graph, on flat typed arrays.
//
// ─── The formula ────────────────────────────────────────────────────────────────────────────────
// Members are nodes; a live `back(leader)` is an edge backer → leader. Let
//   n        number of current members,
//   out(j)   number of members j backs (j's out-degree),
//   M        the n×n matrix with M[j][i] = 1/out(j) if j backs i, else 0 (each member's backing is
//            split equally among the members they back, so every non-empty row sums to 1),
//   D        the dangling members (out(j) = 0: they back nobody),
//   s        the teleport vector: uniform over the pre-trusted seeds S (s_i = 1/|S| for i in S, else 0),
//   d        the damping factor (default 0.85).
// The support score r is the fixed point of
//   r = (1 − d)·s + d·(Mᵀ·r + (Σ_{j∈D} r_j)·s)
// computed by power iteration from r⁰ (uniform over everyone, or the previous scores when updating),
// stopping when ‖r^{k+1} − r^k‖₁ < tolerance (default 1e-9) or after maxIterations (default 200).
// Every step keeps Σ r = 1, so a score is a member's share of all support in the union.
//
// Why it resists sybils: rank enters the graph only through s (the seeds) and flows along backing
// edges; the dangling mass returns to the seeds too, not to everyone. Accounts that back only each
// other and that no one reachable from a seed backs receive nothing, however many there are.
// (With s uniform over all members this is classic PageRank with uniform dangling redistribution,
// the variant graphology-metrics and ngraph.pagerank compute.)
//
// Per leader the app shows two numbers: direct backers (in-degree) and this recursive share r_i.
// ─────────────────────────────────────────────────────────────────────────────────────────────────
//
// Layout: the graph is stored as CSR of Mᵀ (rows = leaders). One iteration gathers each leader's
// backers' shares, then makes one pass over the nodes. On a graph larger than one block a cold rank
// walks the edges in blocks from its first iteration (a warm start only after a few; blockedEdges
// below): leaders in runs of BLOCK_ROWS, whose sums stay in the core's cache, and within a run the
// edges grouped by their backer's bucket, so the shares are read in address order instead of at random. At 1M members /
// 10M backs those random reads of the 8 MB share array were the whole cost of an iteration
// (issue 14). The order of additions changes; the scores agree to rounding.

/** Compressed sparse rows of the transposed backing matrix: row i lists the backers of node i. */
export interface Csr {
	/** Number of nodes (0..n-1). */
	n: number;
	/** Number of edges. */
	m: number;
	/** Row starts, length n+1: backers of i are sources[offsets[i] .. offsets[i+1]). */
	offsets: Int32Array;
	/** Backer index of each edge, grouped by leader. */
	sources: Int32Array;
	/** Out-degree (number of members backed) of each node. */
	outDegree: Int32Array;
}

export interface PageRankOptions {
	/** d, the probability of following a backing edge rather than teleporting to a seed. */
	damping?: number;
	/** Stop once the L1 change between two iterations is below this. */
	tolerance?: number;
	maxIterations?: number;
	/** Node indices of the pre-trusted seeds; empty or omitted = uniform over all nodes. */
	seeds?: ArrayLike<number>;
	/** Warm start: any non-negative vector of length n (normalised here); previous scores work best. */
	initial?: Float64Array;
}

export interface PageRankResult {
	/** r, summing to 1 (empty graph: empty array). */
	scores: Float64Array;
	iterations: number;
	converged: boolean;
	/** L1 change of the last iteration. */
	delta: number;
}

export const DEFAULT_DAMPING = 0.85;
export const DEFAULT_TOLERANCE = 1e-9;
export const DEFAULT_MAX_ITERATIONS = 200;

/**
 * Builds the CSR of Mᵀ from parallel edge arrays (backers[k] → leaders[k]) with a counting sort:
 * O(n + m), no per-edge objects. Edges must be unique and not self-loops (the contract forbids
 * both; callers with raw data dedupe first).
 */
export function buildCsr(n: number, backers: Int32Array, leaders: Int32Array, m: number = backers.length): Csr {
	const offsets = new Int32Array(n + 1);
	const outDegree = new Int32Array(n);
	for (let k = 0; k < m; k++) {
		offsets[leaders[k] + 1]++;
		outDegree[backers[k]]++;
	}
	for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
	const cursor = offsets.slice(0, n);
	const sources = new Int32Array(m);
	for (let k = 0; k < m; k++) sources[cursor[leaders[k]]++] = backers[k];
	return { n, m, offsets, sources, outDegree };
}

/** Direct backers of each node (its in-degree). */
export function backerCounts(csr: Csr): Int32Array {
	const counts = new Int32Array(csr.n);
	for (let i = 0; i < csr.n; i++) counts[i] = csr.offsets[i + 1] - csr.offsets[i];
	return counts;
}

/** The teleport vector s: uniform over `seeds`, or over all nodes when there are none. */
export function teleportVector(n: number, seeds?: ArrayLike<number>): Float64Array {
	const s = new Float64Array(n);
	let count = 0;
	for (let k = 0; seeds && k < seeds.length; k++) {
		const i = seeds[k];
		if (i >= 0 && i < n && s[i] === 0) {
			s[i] = 1;
			count++;
		}
	}
	if (count === 0) return s.fill(1 / n);
	const w = 1 / count;
	for (let i = 0; i < n; i++) s[i] *= w;
	return s;
}

/** Power iteration for r = (1-d)·s + d·(Mᵀr + dangling·s); see the formula at the top of this file. */
export function pageRank(csr: Csr, options: PageRankOptions = {}): PageRankResult {
	const { n, outDegree } = csr;
	const d = options.damping ?? DEFAULT_DAMPING;
	const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
	const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
	if (!(d >= 0 && d < 1)) throw new RangeError(`damping must be in [0, 1), got ${d}`);
	if (n === 0) return { scores: new Float64Array(0), iterations: 0, converged: true, delta: 0 };

	const s = teleportVector(n, options.seeds);
	let r: Float64Array = initialVector(n, options.initial);
	let next: Float64Array = new Float64Array(n);
	// share[j] = r_j / out(j): what each backer passes to each of its leaders this iteration. The
	// next iteration's shares and dangling mass are computed in the same pass that produces r^{k+1}
	// (one sweep over the nodes per iteration, no second pass), into a second buffer.
	const invOut = new Float64Array(n);
	for (let j = 0; j < n; j++) invOut[j] = outDegree[j] > 0 ? 1 / outDegree[j] : 0;
	let share = new Float64Array(n);
	let nextShare = new Float64Array(n);
	let dangling = 0;
	for (let j = 0; j < n; j++) {
		share[j] = r[j] * invOut[j];
		if (outDegree[j] === 0) dangling += r[j];
	}

	/** Σ over i's backers of their shares, for every i: the gather of one iteration. */
	const sums = new Float64Array(n);
	// A warm start converges in an iteration or two, where regrouping the edges would cost more than it
	// saves, so it regroups them only if it is still iterating after PLAIN_ITERATIONS; a cold rank over
	// more leaders than one block needs ~20 iterations and regroups them before the first.
	const plainIterations = options.initial?.length === n ? PLAIN_ITERATIONS : 0;
	let blocks: BlockedEdges | null = null;
	let iterations = 0;
	let delta = Infinity;
	while (iterations < maxIterations) {
		// Teleport and dangling mass both go to s: (1-d)·s + d·dangling·s.
		const toSeeds = 1 - d + d * dangling;
		let nextDangling = 0;
		delta = 0;
		if (blocks === null && iterations >= plainIterations && n > BLOCK_ROWS) blocks = blockedEdges(csr);
		if (blocks) gather(blocks, share, sums);
		else gatherRows(csr, share, sums);
		for (let i = 0; i < n; i++) {
			const v = toSeeds * s[i] + d * sums[i];
			const inv = invOut[i];
			nextShare[i] = v * inv;
			if (inv === 0) nextDangling += v;
			const change = v - r[i];
			delta += change < 0 ? -change : change;
			next[i] = v;
		}
		const r0 = r;
		r = next;
		next = r0;
		const s0 = share;
		share = nextShare;
		nextShare = s0;
		dangling = nextDangling;
		iterations++;
		if (delta < tolerance) break;
	}
	normalise(r);
	return { scores: r, iterations, converged: delta < tolerance, delta };
}

/**
 * Leaders per block: their sums (8 bytes each, 512 KB) stay in a core's L2 cache while the block's edges
 * stream past. At most 65,536: a leader's offset in its block is stored in 16 bits.
 */
const BLOCK_ROWS = 1 << 16;
/** Iterations a warm start runs over the CSR rows as they are before a large graph's edges are regrouped. */
const PLAIN_ITERATIONS = 3;
/**
 * Backers per bucket: 16, whose shares span two cache lines, so a block reads the share array almost in
 * address order. At 1M/10M 2^4 gathered in ~70 ms an iteration here against ~120 ms for 2^8 (a bucket of
 * 2 KB) and ~330 ms unsorted; finer buckets gained nothing more (`npm run bench -- rank`).
 */
const BUCKET_SHIFT = 4;

/**
 * The CSR's edges regrouped for the gather: block b holds the edges into leaders
 * [b·BLOCK_ROWS, (b+1)·BLOCK_ROWS) — a contiguous range of the CSR already — reordered by their
 * backer's bucket (a counting sort on `source >> BUCKET_SHIFT`, stable). `row` is the leader's offset
 * in its block (16 bits).
 */
export interface BlockedEdges {
	/** Edge index where each block starts, length blocks + 1. */
	starts: Int32Array;
	/** Backer of each edge, in gather order. */
	source: Int32Array;
	/** Leader of each edge, less its block's first leader. */
	row: Uint16Array;
}

/** Built once per CSR object: ranking the same CSR again (other seeds, say) reuses them. The app builds a
 * new CSR for every rank, so there they live only as long as that rank. */
const blockedCache = new WeakMap<Csr, BlockedEdges>();

export function blockedEdges(csr: Csr): BlockedEdges {
	const cached = blockedCache.get(csr);
	if (cached) return cached;
	const { n, m, offsets, sources } = csr;
	const blockCount = Math.max(1, Math.ceil(n / BLOCK_ROWS));
	const starts = new Int32Array(blockCount + 1);
	const source = new Int32Array(m);
	const row = new Uint16Array(m);
	const bucketCount = (n >> BUCKET_SHIFT) + 1;
	const cursor = new Int32Array(bucketCount + 1);
	for (let b = 0; b < blockCount; b++) {
		const first = b * BLOCK_ROWS;
		const last = Math.min(n, first + BLOCK_ROWS);
		const lo = offsets[first];
		const hi = offsets[last];
		starts[b] = lo;
		starts[b + 1] = hi;
		cursor.fill(0);
		for (let k = lo; k < hi; k++) cursor[(sources[k] >> BUCKET_SHIFT) + 1]++;
		cursor[0] = lo;
		for (let q = 0; q < bucketCount; q++) cursor[q + 1] += cursor[q];
		for (let i = first; i < last; i++) {
			const local = i - first;
			for (let k = offsets[i], end = offsets[i + 1]; k < end; k++) {
				const at = cursor[sources[k] >> BUCKET_SHIFT]++;
				source[at] = sources[k];
				row[at] = local;
			}
		}
	}
	const blocked = { starts, source, row };
	blockedCache.set(csr, blocked);
	return blocked;
}

/** sums[i] = Σ share[j] over i's backers j, row by row over the CSR. */
function gatherRows(csr: Csr, share: Float64Array, sums: Float64Array): void {
	const { n, offsets, sources } = csr;
	for (let i = 0; i < n; i++) {
		let sum = 0;
		for (let k = offsets[i], end = offsets[i + 1]; k < end; k++) sum += share[sources[k]];
		sums[i] = sum;
	}
}

/** sums[i] = Σ share[j] over i's backers j, block by block. */
function gather(blocks: BlockedEdges, share: Float64Array, sums: Float64Array): void {
	const { starts, source, row } = blocks;
	sums.fill(0);
	for (let b = 0, first = 0; b + 1 < starts.length; b++, first += BLOCK_ROWS) {
		for (let k = starts[b], end = starts[b + 1]; k < end; k++) sums[first + row[k]] += share[source[k]];
	}
}

function initialVector(n: number, initial?: Float64Array): Float64Array {
	const r = new Float64Array(n);
	if (initial && initial.length === n) {
		for (let i = 0; i < n; i++) r[i] = initial[i] > 0 ? initial[i] : 0;
		if (normalise(r)) return r;
	}
	return r.fill(1 / n);
}

/** Scales v to sum 1 (removes floating-point drift); false if v sums to 0. */
function normalise(v: Float64Array): boolean {
	let sum = 0;
	for (let i = 0; i < v.length; i++) sum += v[i];
	if (!(sum > 0)) return false;
	if (sum !== 1) for (let i = 0; i < v.length; i++) v[i] /= sum;
	return true;
}

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
// Layout: the graph is stored as CSR of Mᵀ (rows = leaders), so one iteration is a gather per
// leader over its backers — sequential writes, no scatter — plus one pass over the nodes.

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
	const { n, offsets, sources, outDegree } = csr;
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

	let iterations = 0;
	let delta = Infinity;
	while (iterations < maxIterations) {
		// Teleport and dangling mass both go to s: (1-d)·s + d·dangling·s.
		const toSeeds = 1 - d + d * dangling;
		let nextDangling = 0;
		delta = 0;
		for (let i = 0; i < n; i++) {
			let sum = 0;
			const end = offsets[i + 1];
			for (let k = offsets[i]; k < end; k++) sum += share[sources[k]];
			const v = toSeeds * s[i] + d * sum;
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

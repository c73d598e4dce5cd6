// @vitest-environment node
// The power iteration against hand-computed values, a dense reference (personalised) and
// graphology-metrics (uniform teleport), plus its edge cases.
import Graph from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { describe, expect, it } from 'vitest';
import { backerCounts, blockedEdges, buildCsr, pageRank, teleportVector, type Csr } from '../../../web/lib/leaders/rank/pagerank';
import { densePersonalisedPageRank, maxAbsDiff, randomGraph, sum, type EdgeList } from './helpers';

function csrOf(n: number, edges: Array<[number, number]>) {
	return buildCsr(n, Int32Array.from(edges.map((e) => e[0])), Int32Array.from(edges.map((e) => e[1])));
}

describe('pageRank by hand (d = 0.85)', () => {
	it('A→B, seeds {A, B}: B dangles and its mass returns to both seeds', () => {
		// r_A = 0.15·½ + 0.85·r_B·½ and r_A + r_B = 1  ⇒  r_A = 0.5 / 1.425 = 0.350877…, r_B = 0.649122…
		const { scores } = pageRank(csrOf(2, [[0, 1]]));
		expect(scores[0]).toBeCloseTo(0.5 / 1.425, 9);
		expect(scores[1]).toBeCloseTo(1 - 0.5 / 1.425, 9);
	});

	it('A↔B, seed A only: r_A = 20/37, r_B = 17/37', () => {
		// r_A = 0.15 + 0.85·r_B, r_B = 0.85·r_A  ⇒  r_A = 0.15 / (1 − 0.7225) = 20/37.
		const { scores } = pageRank(csrOf(2, [[0, 1], [1, 0]]), { seeds: [0] });
		expect(scores[0]).toBeCloseTo(20 / 37, 9);
		expect(scores[1]).toBeCloseTo(17 / 37, 9);
	});

	it('A→B, A→C, B→C, seed A: A splits its backing, C dangles back to A', () => {
		// r_B = 0.85·r_A/2 = 0.425·r_A; r_C = 0.85·(r_A/2 + r_B) = 0.78625·r_A; r_A = 0.15 + 0.85·r_C
		// ⇒ r_A = 0.15 / (1 − 0.85·0.78625) = 0.452233…
		const { scores } = pageRank(csrOf(3, [[0, 1], [0, 2], [1, 2]]), { seeds: [0] });
		const rA = 0.15 / (1 - 0.85 * 0.78625);
		expect(scores[0]).toBeCloseTo(rA, 9);
		expect(scores[1]).toBeCloseTo(0.425 * rA, 9);
		expect(scores[2]).toBeCloseTo(0.78625 * rA, 9);
	});
});

describe('pageRank against references', () => {
	it('equals a dense personalised power iteration within 1e-6 on random graphs', () => {
		for (const [n, m, seed, seedCount] of [
			[30, 60, 1, 3],
			[60, 150, 2, 5],
			[120, 200, 3, 1],
			[200, 900, 4, 10],
			[80, 40, 5, 4] // sparse: many dangling nodes
		]) {
			const g = randomGraph(n, m, seed);
			const seeds = Array.from({ length: seedCount }, (_, i) => (i * 7) % n);
			const ours = pageRank(buildCsr(g.n, g.backers, g.leaders), { seeds });
			const ref = densePersonalisedPageRank(g, [...new Set(seeds)]);
			expect(ours.converged).toBe(true);
			expect(maxAbsDiff(ours.scores, ref)).toBeLessThan(1e-6);
		}
	});

	it('equals graphology-metrics pagerank within 1e-6 when every node is a seed', () => {
		for (const [n, m, seed] of [
			[50, 200, 11],
			[300, 1500, 12],
			[1000, 3000, 13],
			[500, 400, 14] // mostly dangling nodes
		]) {
			const g = randomGraph(n, m, seed);
			const ours = pageRank(buildCsr(g.n, g.backers, g.leaders), { tolerance: 1e-12 });
			const theirs = graphologyRank(g);
			expect(maxAbsDiff(ours.scores, theirs)).toBeLessThan(1e-6);
		}
	});
});

describe('pageRank edge cases', () => {
	it('no edges: everyone dangles, so the scores are the teleport vector', () => {
		expect(Array.from(pageRank(csrOf(4, [])).scores)).toEqual([0.25, 0.25, 0.25, 0.25]);
		const seeded = pageRank(csrOf(3, []), { seeds: [1] }).scores;
		expect(Array.from(seeded)).toEqual([0, 1, 0]);
	});

	it('an empty graph ranks nobody', () => {
		const result = pageRank(csrOf(0, []));
		expect(result.scores.length).toBe(0);
		expect(result.converged).toBe(true);
	});

	it('scores sum to 1 with dangling nodes and unreachable nodes', () => {
		const g = randomGraph(400, 300, 21);
		const { scores } = pageRank(buildCsr(g.n, g.backers, g.leaders), { seeds: [0, 1, 2] });
		expect(sum(scores)).toBeCloseTo(1, 12);
		for (const v of scores) expect(v).toBeGreaterThanOrEqual(0);
	});

	it('converges below the tolerance, reports non-convergence at maxIterations, and warm-starts', () => {
		const g = randomGraph(2000, 10_000, 31);
		const csr = buildCsr(g.n, g.backers, g.leaders);
		const cold = pageRank(csr, { seeds: [0, 1, 2, 3, 4] });
		expect(cold.converged).toBe(true);
		expect(cold.delta).toBeLessThan(1e-9);
		expect(cold.iterations).toBeLessThan(200);

		const capped = pageRank(csr, { seeds: [0, 1, 2, 3, 4], maxIterations: 3 });
		expect(capped.converged).toBe(false);
		expect(capped.iterations).toBe(3);
		expect(sum(capped.scores)).toBeCloseTo(1, 12);

		const warm = pageRank(csr, { seeds: [0, 1, 2, 3, 4], initial: cold.scores });
		expect(warm.iterations).toBeLessThanOrEqual(2);
		expect(maxAbsDiff(warm.scores, cold.scores)).toBeLessThan(1e-9);
	});

	it('ignores out-of-range and repeated seeds; rejects a damping of 1', () => {
		expect(Array.from(teleportVector(3, [2, 2, 7, -1]))).toEqual([0, 0, 1]);
		expect(Array.from(teleportVector(2, [9]))).toEqual([0.5, 0.5]);
		expect(() => pageRank(csrOf(2, [[0, 1]]), { damping: 1 })).toThrow(RangeError);
	});

	it('counts direct backers per leader', () => {
		const csr = csrOf(4, [[0, 3], [1, 3], [2, 3], [3, 0]]);
		expect(Array.from(backerCounts(csr))).toEqual([1, 0, 0, 3]);
		expect(Array.from(csr.outDegree)).toEqual([1, 1, 1, 1]);
	});
});

describe('pageRank over blocked edges (more members than one block of 65,536 leaders)', () => {
	// 200k members spread their backs over three blocks and a partial fourth; the edges into the last
	// leaders of a block and the first of the next sit side by side in the CSR.
	const g = randomGraph(200_000, 1_000_000, 11);
	const csr = buildCsr(g.n, g.backers, g.leaders);

	it('regroups every edge exactly once, each within its leader’s block', () => {
		const blocked = blockedEdges(csr);
		expect(blocked.starts.length).toBe(Math.ceil(g.n / 65_536) + 1);
		expect(blocked.starts[blocked.starts.length - 1]).toBe(csr.m);
		// The same multiset of (backer, leader) pairs as the CSR.
		const key = (backer: number, leader: number): number => backer * g.n + leader;
		const fromCsr: number[] = [];
		for (let i = 0; i < csr.n; i++) for (let k = csr.offsets[i]; k < csr.offsets[i + 1]; k++) fromCsr.push(key(csr.sources[k], i));
		const fromBlocks: number[] = [];
		for (let b = 0; b + 1 < blocked.starts.length; b++)
			for (let k = blocked.starts[b]; k < blocked.starts[b + 1]; k++) fromBlocks.push(key(blocked.source[k], b * 65_536 + blocked.row[k]));
		expect(fromBlocks.sort((x, y) => x - y)).toEqual(fromCsr.sort((x, y) => x - y));
		expect(blockedEdges(csr)).toBe(blocked);
	});

	it('gives the scores of a plain gather over the CSR rows to rounding', () => {
		const seeds = [0, 1, 2, 65_535, 65_536, 199_999];
		const ours = pageRank(csr, { seeds, tolerance: 1e-12 });
		const plain = plainPageRank(csr, seeds, 1e-12);
		expect(ours.converged).toBe(true);
		expect(maxAbsDiff(ours.scores, plain)).toBeLessThan(1e-13);
		expect(sum(ours.scores)).toBeCloseTo(1, 12);
	});

	it('gives the same scores from a warm start, which walks the CSR rows before it regroups', () => {
		const seeds = [0, 1, 2, 65_535, 65_536, 199_999];
		const cold = pageRank(csr, { seeds, tolerance: 1e-12 });
		// A start far from the answer, so the warm rank iterates past the rows and into the blocks.
		const initial = new Float64Array(g.n).map((_, i) => (i % 7) + 1);
		const warm = pageRank(csr, { seeds, tolerance: 1e-12, initial });
		expect(warm.converged).toBe(true);
		expect(warm.iterations).toBeGreaterThan(3);
		expect(maxAbsDiff(warm.scores, cold.scores)).toBeLessThan(1e-13);
	});
});

/** The formula of pagerank.ts as a row-by-row gather over the CSR (the layout before blocking). */
function plainPageRank(csr: Csr, seeds: number[], tolerance: number, d = 0.85): Float64Array {
	const { n, offsets, sources, outDegree } = csr;
	const s = teleportVector(n, seeds);
	let r = new Float64Array(n).fill(1 / n);
	for (let it = 0; it < 1_000; it++) {
		let dangling = 0;
		for (let j = 0; j < n; j++) if (outDegree[j] === 0) dangling += r[j];
		const next = new Float64Array(n);
		let delta = 0;
		for (let i = 0; i < n; i++) {
			let acc = 0;
			for (let k = offsets[i]; k < offsets[i + 1]; k++) acc += r[sources[k]] / outDegree[sources[k]];
			next[i] = (1 - d + d * dangling) * s[i] + d * acc;
			delta += Math.abs(next[i] - r[i]);
		}
		r = next;
		if (delta < tolerance) break;
	}
	const total = r.reduce((a, b) => a + b, 0);
	return r.map((v) => v / total);
}

function graphologyRank(g: EdgeList): Float64Array {
	const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
	for (let i = 0; i < g.n; i++) graph.addNode(String(i));
	for (let k = 0; k < g.backers.length; k++) graph.addEdge(String(g.backers[k]), String(g.leaders[k]));
	// Its stop test is L1 < n·tolerance, and it throws rather than return an unconverged vector.
	const ranks = pagerank(graph, { getEdgeWeight: null, tolerance: 1e-14, maxIterations: 1000 });
	return Float64Array.from({ length: g.n }, (_, i) => ranks[String(i)]);
}

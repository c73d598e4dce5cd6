// Test helpers: a seeded PRNG, random graphs, a dense reference power iteration, event builders.
import type { SocialEvent } from '../../../web/lib/leaders/rank/events';
import type { EdgeList } from '../../../scripts/lib/randomGraph';

export { maxAbsDiff, prng, randomGraph, type EdgeList } from '../../../scripts/lib/randomGraph';

/**
 * The formula written the slow, obvious way: a dense n×n transition matrix, every node's mass
 * either split over its out-edges or (dangling) sent to the teleport vector, iterated to 1e-13.
 */
export function densePersonalisedPageRank(g: EdgeList, seeds: number[], d = 0.85): Float64Array {
	const { n } = g;
	const s = new Array<number>(n).fill(seeds.length ? 0 : 1 / n);
	for (const i of seeds) s[i] = 1 / seeds.length;
	const out = new Array<number>(n).fill(0);
	for (let k = 0; k < g.backers.length; k++) out[g.backers[k]]++;
	// P[j][i] = probability that mass at j moves to i along an edge (rows of dangling nodes → s).
	const P = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let k = 0; k < g.backers.length; k++) P[g.backers[k]][g.leaders[k]] += 1 / out[g.backers[k]];
	for (let j = 0; j < n; j++) if (out[j] === 0) for (let i = 0; i < n; i++) P[j][i] = s[i];
	let r = new Array<number>(n).fill(1 / n);
	for (let it = 0; it < 10_000; it++) {
		const next = s.map((si) => (1 - d) * si);
		for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) next[i] += d * r[j] * P[j][i];
		const delta = next.reduce((acc, v, i) => acc + Math.abs(v - r[i]), 0);
		r = next;
		if (delta < 1e-13) break;
	}
	return Float64Array.from(r);
}

export function sum(a: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i];
	return s;
}

/** A deterministic fake address for account `i`. */
export function addr(i: number): string {
	return `0x${i.toString(16).padStart(40, '0')}`;
}

export const join = (i: number, path = 1): SocialEvent => ({ kind: 'joined', member: addr(i), path });
export const leave = (i: number): SocialEvent => ({ kind: 'left', member: addr(i) });
export const back = (b: number, l: number): SocialEvent => ({ kind: 'backed', backer: addr(b), leader: addr(l) });
export const unback = (b: number, l: number): SocialEvent => ({ kind: 'unbacked', backer: addr(b), leader: addr(l) });

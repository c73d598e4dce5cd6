// Seeded random backing graphs, shared by the rank tests and the rank benchmark so both measure
// and check the same graphs.

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface EdgeList {
	n: number;
	backers: Int32Array;
	leaders: Int32Array;
}

/** m distinct edges without self-loops on n nodes. */
export function randomGraph(n: number, m: number, seed: number): EdgeList {
	const rand = prng(seed);
	const seen = new Set<number>();
	const backers = new Int32Array(m);
	const leaders = new Int32Array(m);
	let k = 0;
	while (k < m) {
		const b = Math.floor(rand() * n);
		const l = Math.floor(rand() * n);
		if (b === l || seen.has(b * n + l)) continue;
		seen.add(b * n + l);
		backers[k] = b;
		leaders[k++] = l;
	}
	return { n, backers, leaders };
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let max = 0;
	for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
	return max;
}

// The best k of n items without sorting all n: a binary heap of the k best seen so far, its worst
// at the root, so each further item costs one comparison unless it makes the cut. O(n log k);
// ranking a million members for a top-50 list is then one pass instead of a million-object sort.

/** True when item i ranks before item j (a strict total order: ties broken, never equal for i ≠ j). */
export type RanksBefore = (i: number, j: number) => boolean;

/**
 * Indices 0..n-1 of the k best items, best first — exactly the first k of a full sort by the same
 * order (test/unit/rank/topK.test.ts).
 */
export function topK(n: number, k: number, before: RanksBefore): Int32Array {
	const size = Math.max(0, Math.min(k, n));
	const heap = new Int32Array(size);
	if (size === 0) return heap;
	let filled = 0;
	// heap[0] is the worst kept: every parent ranks after its children.
	const siftDown = (at: number): void => {
		const item = heap[at];
		for (;;) {
			const left = 2 * at + 1;
			if (left >= filled) break;
			const right = left + 1;
			const worse = right < filled && before(heap[left], heap[right]) ? right : left;
			if (!before(item, heap[worse])) break;
			heap[at] = heap[worse];
			at = worse;
		}
		heap[at] = item;
	};
	for (let i = 0; i < n; i++) {
		if (filled < size) {
			let at = filled++;
			while (at > 0) {
				const parent = (at - 1) >> 1;
				if (!before(heap[parent], i)) break;
				heap[at] = heap[parent];
				at = parent;
			}
			heap[at] = i;
		} else if (before(i, heap[0])) {
			heap[0] = i;
			siftDown(0);
		}
	}
	return heap.sort((i, j) => (before(i, j) ? -1 : before(j, i) ? 1 : 0));
}

// Bulk replay of packed events (compact.ts) straight into the live graph's CSR, on typed arrays
// only: no per-member JS arrays, no Map lookups, no event objects. It is what a page load does
// with a snapshot of a million members (BackingGraph.applyCompact on an empty graph), and it gives
// exactly the live edges the event-by-event replay in graph.ts gives (test/unit/rank/replay.test.ts).
//
// The contract's epoch rule, restated per address as an *era*: 0 before the first join, and +1 on
// every join and every leave — odd while a member, even while out. An edge made when its backer was
// in era a and its leader in era b is live exactly while both are still in those eras (a leave, or
// a leave and a rejoin, ends it for good). So each back / unback only needs the two eras at its
// moment, and the live edges fall out of one pass per leader:
//   1. walk the events in order, tracking eras and membership; count back / unback events per leader;
//   2. walk them again and scatter each back / unback (backer, eras, kind) into its leader's row — a
//      stable counting sort, so every row is in chain order;
//   3. per row, replay its events per backer (a back is valid if both ends are members at that
//      moment and no edge with the same eras is live; an unback removes a live edge with the same
//      eras), then keep the edges whose eras are still the ends' final eras. The row is written over
//      itself, so the kept backers become the CSR's sources in place.
// O(events + addresses) time, two Int32Arrays per back event of scratch.
import { JOIN_PATH_FOUNDER } from './events';
import type { CompactEvents } from './compact';

/** The live graph over the snapshot's address indices (an address's id is its index in `addresses`). */
export interface ReplayedGraph {
	/** Era per address (0 never joined, odd member, even left); joins so far = (era + 1) >> 1. */
	eras: Int32Array;
	/** Addresses in order of their first join. */
	joinOrder: Int32Array;
	/** Address index of the founder (first join with path Founder), −1 if none. */
	founder: number;
	members: number;
	edges: number;
	/** Events that changed the graph (as graph.ts counts them: a leave counts once). */
	changed: number;
	/** Rows = leaders, length addresses + 1: backers of l are sources[offsets[l] .. offsets[l+1]). */
	offsets: Int32Array;
	/** Backer of each live edge, grouped by leader, in the order the backs happened. */
	sources: Int32Array;
	/** Live edges out of each address. */
	outDegree: Int32Array;
}

/** Eras are packed two to an Int32 with the kind bit (15 bits each); past that, replay one by one. */
const MAX_ERA = 0x7fff;

const KIND_JOINED = 0;
const KIND_LEFT = 1;
const KIND_BACKED = 2;

/**
 * Replays `c` from an empty graph. Returns null if some member joined and left more than 16,383
 * times (the packed eras would overflow); graph.ts then replays event by event.
 */
export function replayCompact(c: CompactEvents): ReplayedGraph | null {
	const size = c.addresses.length;
	const { kinds, a, b, count } = c;
	const eras = new Int32Array(size);
	const joinOrder = new Int32Array(size);
	let joined = 0;
	let founder = -1;
	let members = 0;
	let changed = 0;

	// 1. Membership in order; back / unback events counted per leader (rowStart[l + 1]).
	const rowStart = new Int32Array(size + 1);
	let backEvents = 0;
	for (let k = 0; k < count; k++) {
		const x = a[k];
		if (x < 0 || x >= size) continue;
		const kind = kinds[k];
		if (kind === KIND_JOINED) {
			const era = eras[x];
			if ((era & 1) === 1) continue;
			if (era === MAX_ERA - 1) return null;
			if (era === 0) joinOrder[joined++] = x;
			if (b[k] === JOIN_PATH_FOUNDER && founder < 0) founder = x;
			eras[x] = era + 1;
			members++;
			changed++;
		} else if (kind === KIND_LEFT) {
			if ((eras[x] & 1) === 0) continue;
			eras[x]++;
			members--;
			changed++;
		} else {
			const l = b[k];
			if (l < 0 || l >= size) continue;
			rowStart[l + 1]++;
			backEvents++;
		}
	}
	for (let l = 0; l < size; l++) rowStart[l + 1] += rowStart[l];

	// 2. Again in order, with the eras of each moment: scatter back / unback events into rows.
	const rowBacker = new Int32Array(backEvents);
	const rowInfo = new Int32Array(backEvents);
	const cursor = rowStart.slice(0, size);
	eras.fill(0);
	for (let k = 0; k < count; k++) {
		const x = a[k];
		if (x < 0 || x >= size) continue;
		const kind = kinds[k];
		if (kind === KIND_JOINED) {
			if ((eras[x] & 1) === 0) eras[x]++;
		} else if (kind === KIND_LEFT) {
			if ((eras[x] & 1) === 1) eras[x]++;
		} else {
			const l = b[k];
			if (l < 0 || l >= size) continue;
			const at = cursor[l]++;
			rowBacker[at] = x;
			rowInfo[at] = (eras[x] << 16) | (eras[l] << 1) | (kind === KIND_BACKED ? 0 : 1);
		}
	}

	// 3. Per leader: which backers hold a live edge at the end. stamp[x] = l + 1 marks backer x as
	// seen in row l (−(l + 1) once decided); live[x] is the eras of x's live edge to l (0: none).
	const stamp = new Int32Array(size);
	const live = new Int32Array(size);
	const offsets = new Int32Array(size + 1);
	const outDegree = new Int32Array(size);
	let edges = 0;
	for (let l = 0; l < size; l++) {
		const start = rowStart[l];
		const end = rowStart[l + 1];
		offsets[l] = edges;
		if (start === end) continue;
		const mark = l + 1;
		for (let p = start; p < end; p++) {
			const x = rowBacker[p];
			if (stamp[x] !== mark) {
				stamp[x] = mark;
				live[x] = 0;
			}
			const info = rowInfo[p];
			const pair = info & ~1;
			if ((info & 1) === 0) {
				// back: both members (odd eras), not a self-back, no live edge of these eras yet.
				if (x === l || ((info >> 16) & 1) === 0 || ((info >> 1) & 1) === 0 || live[x] === pair) continue;
				live[x] = pair;
				changed++;
			} else if (live[x] !== 0 && live[x] === pair) {
				live[x] = 0;
				changed++;
			}
		}
		const final = eras[l] << 1;
		for (let p = start; p < end; p++) {
			const x = rowBacker[p];
			if (stamp[x] !== mark) continue;
			stamp[x] = -mark;
			if (live[x] !== 0 && live[x] === ((eras[x] << 16) | final)) {
				rowBacker[edges++] = x; // edges <= p: the row is overwritten behind the read
				outDegree[x]++;
			}
		}
	}
	offsets[size] = edges;
	return {
		eras,
		joinOrder: joinOrder.slice(0, joined),
		founder,
		members,
		edges,
		changed,
		offsets,
		sources: rowBacker.slice(0, edges),
		outDegree
	};
}

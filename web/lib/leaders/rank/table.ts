// A ranking as a few typed arrays instead of one object per member: what the rank worker sends
// back after a snapshot load (transferred, not cloned), over the snapshot's own address table,
// which the page already holds. Row objects are made only for the rows a page draws.
import type { LeaderScore } from './supportRank';

export interface LeaderTable {
	/** The snapshot's address table (compact.addresses); the arrays below index into it. */
	addresses: readonly string[];
	/** Compact address index of each rank position, best first (highest score, ties by address). */
	order: Int32Array;
	/** Per rank position: score, direct backers, members backed, seed flag (1). */
	scores: Float64Array;
	backers: Int32Array;
	backing: Int32Array;
	seed: Uint8Array;
}

/** The rows a list draws from: the whole ranking without materialising it. */
export interface LeaderRows {
	readonly length: number;
	address(i: number): string;
	at(i: number): LeaderScore;
}

export function tableRows(t: LeaderTable): LeaderRows {
	return {
		length: t.order.length,
		address: (i) => t.addresses[t.order[i]],
		at: (i) => ({ address: t.addresses[t.order[i]], score: t.scores[i], backers: t.backers[i], backing: t.backing[i], seed: t.seed[i] === 1 })
	};
}

export function arrayRows(leaders: readonly LeaderScore[]): LeaderRows {
	return { length: leaders.length, address: (i) => leaders[i].address, at: (i) => leaders[i] };
}

/** Every row as objects (pages that need the whole list, e.g. governance's top leaders). */
export function tableLeaders(t: LeaderTable): LeaderScore[] {
	const rows = tableRows(t);
	return Array.from({ length: rows.length }, (_, i) => rows.at(i));
}

/** The buffers to transfer with a table (everything but the address table). */
export function tableBuffers(t: Omit<LeaderTable, 'addresses'>): ArrayBuffer[] {
	return [t.order.buffer, t.scores.buffer, t.backers.buffer, t.backing.buffer, t.seed.buffer] as ArrayBuffer[];
}

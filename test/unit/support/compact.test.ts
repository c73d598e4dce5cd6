// @vitest-environment node
// Packed events (the IndexedDB snapshot) replay to the same graph and ranking as the events they
// came from; the support-base walk and per-member lists read the live graph.
import { describe, expect, it } from 'vitest';
import { appendCompact, emptyCompact, isAfter, unpackCompact } from '../../../web/lib/leaders/rank/compact';
import { BackingGraph } from '../../../web/lib/leaders/rank/graph';
import { SupportRank, rankEvents } from '../../../web/lib/leaders/rank/supportRank';
import { createRankHandler } from '../../../web/lib/leaders/rank/protocol';
import { scoresFor } from '../../../web/lib/leaders/scores';
import { randomGraph } from '../../../scripts/lib/randomGraph';
import type { SocialEvent } from '../../../web/lib/leaders/rank/events';

const A = '0xAAaa000000000000000000000000000000000001';
const B = '0xbbbb000000000000000000000000000000000002';
const C = '0xcccc000000000000000000000000000000000003';
const D = '0xdddd000000000000000000000000000000000004';

const history: SocialEvent[] = [
	{ kind: 'joined', member: A, path: 0, blockNumber: 1, logIndex: 0 },
	{ kind: 'joined', member: B, path: 1, blockNumber: 2, logIndex: 0 },
	{ kind: 'joined', member: C, path: 1, blockNumber: 2, logIndex: 1 },
	{ kind: 'joined', member: D, path: 2, blockNumber: 3, logIndex: 0 },
	{ kind: 'backed', backer: B, leader: A, blockNumber: 4, logIndex: 0 },
	{ kind: 'backed', backer: C, leader: B, blockNumber: 4, logIndex: 1 },
	{ kind: 'backed', backer: D, leader: C, blockNumber: 4, logIndex: 2 },
	{ kind: 'backed', backer: D, leader: A, blockNumber: 5, logIndex: 0 },
	{ kind: 'unbacked', backer: D, leader: A, blockNumber: 6, logIndex: 0 },
	{ kind: 'left', member: C, blockNumber: 7, logIndex: 3 },
	{ kind: 'joined', member: C, path: 1, blockNumber: 8, logIndex: 0 }
];

describe('packed events', () => {
	it('round-trip: unpacking gives the same events (addresses lower-cased, positions dropped)', () => {
		const packed = appendCompact(emptyCompact(), history);
		expect(packed.count).toBe(history.length);
		expect(packed.addresses).toEqual([A, B, C, D].map((a) => a.toLowerCase()));
		expect(packed.lastBlock).toBe(8);
		expect(packed.lastLogIndex).toBe(0);
		const back = unpackCompact(packed);
		expect(back).toEqual(
			history.map((e) => {
				const { blockNumber: _b, logIndex: _l, ...rest } = e;
				if ('member' in rest) return { ...rest, member: rest.member.toLowerCase() };
				return { ...rest, backer: rest.backer.toLowerCase(), leader: rest.leader.toLowerCase() };
			})
		);
	});

	it('appending in two parts equals packing at once, and ranks like the raw events', () => {
		const whole = appendCompact(emptyCompact(), history);
		const first = appendCompact(emptyCompact(), history.slice(0, 6));
		const both = appendCompact(first, history.slice(6));
		expect(unpackCompact(both)).toEqual(unpackCompact(whole));
		expect(first.count).toBe(6); // the base is not modified
		expect(rankEvents(unpackCompact(both))).toEqual(rankEvents(history));
	});

	it('replaying packed events straight from the arrays builds the same graph as the events', () => {
		const fromEvents = new BackingGraph();
		fromEvents.apply(history);
		const fromPacked = new BackingGraph();
		const changed = fromPacked.applyCompact(appendCompact(emptyCompact(), history));
		expect(changed).toBe(history.length); // every event in this history changes the graph
		for (const m of [A, B, C, D]) {
			expect(fromPacked.isMember(m)).toBe(fromEvents.isMember(m));
			expect(fromPacked.epoch(m)).toBe(fromEvents.epoch(m));
			expect(fromPacked.backsOf(m).sort()).toEqual(fromEvents.backsOf(m).sort());
		}
		expect(fromPacked.edges).toBe(fromEvents.edges);
		expect(fromPacked.founder).toBe(A.toLowerCase());
		// positioned events already inside the snapshot are skipped; later ones apply
		expect(fromPacked.apply([{ kind: 'left', member: B, blockNumber: 8, logIndex: 0 }])).toBe(0);
		expect(fromPacked.apply([{ kind: 'left', member: B, blockNumber: 9, logIndex: 0 }])).toBe(1);
	});

	it('isAfter tells logs beyond the snapshot from those already packed', () => {
		const packed = appendCompact(emptyCompact(), history.slice(0, 6)); // last: block 4, log 1
		expect(isAfter(packed, 4, 1)).toBe(false);
		expect(isAfter(packed, 3, 9)).toBe(false);
		expect(isAfter(packed, 4, 2)).toBe(true);
		expect(isAfter(packed, 5, 0)).toBe(true);
		expect(isAfter(emptyCompact(), 0, 0)).toBe(true);
	});
});

describe('BackingGraph lists', () => {
	const graph = new BackingGraph();
	graph.apply(history);

	it('backs / backers of a member are the live edges only', () => {
		expect(graph.backsOf(B)).toEqual([A.toLowerCase()]);
		expect(graph.backersOf(A)).toEqual([B.toLowerCase()]); // D unbacked A
		// C left and rejoined: C→B and D→C died with the old epoch
		expect(graph.backsOf(C)).toEqual([]);
		expect(graph.backersOf(C)).toEqual([]);
		expect(graph.backsOf('0x0000000000000000000000000000000000000009')).toEqual([]);
		expect(graph.memberAddresses()).toHaveLength(4);
	});

	it('the support base of a leader is everyone whose backing reaches them, nearest first', () => {
		const g = new BackingGraph();
		const chain: SocialEvent[] = [A, B, C, D].map((m, i) => ({ kind: 'joined', member: m, path: i === 0 ? 0 : 1 }));
		chain.push({ kind: 'backed', backer: B, leader: A }, { kind: 'backed', backer: C, leader: B }, { kind: 'backed', backer: D, leader: C }, { kind: 'backed', backer: A, leader: D });
		g.apply(chain);
		const base = g.supportBase(A);
		expect(base.nodes).toEqual([A, B, C, D].map((a) => a.toLowerCase()));
		expect([...base.depth]).toEqual([0, 1, 2, 3]);
		// all four edges lie inside the base (the cycle closes through A)
		expect(base.edges).toHaveLength(4);
		expect(base.edges).toContainEqual([1, 0]);
		expect(base.edges).toContainEqual([0, 3]);
		// capped: nearest two only, and only the edges among them
		const capped = g.supportBase(A, 2);
		expect(capped.nodes).toEqual([A.toLowerCase(), B.toLowerCase()]);
		expect(capped.edges).toEqual([[1, 0]]);
		expect(g.supportBase('0x0000000000000000000000000000000000000009').nodes).toEqual([]);
	});
});

describe('warm start from saved scores', () => {
	it('a snapshot loaded with the last scores ranks like a cold replay, in far fewer iterations', () => {
		const g = randomGraph(400, 3000, 7);
		const member = (i: number) => `0x${(i + 1).toString(16).padStart(40, '0')}`;
		const events: SocialEvent[] = [];
		for (let i = 0; i < g.n; i++) events.push({ kind: 'joined', member: member(i), path: i === 0 ? 0 : 1 });
		for (let k = 0; k < g.backers.length; k++) events.push({ kind: 'backed', backer: member(g.backers[k]), leader: member(g.leaders[k]) });
		const earlier = appendCompact(emptyCompact(), events.slice(0, events.length - 50));
		const before = rankEvents(unpackCompact(earlier));
		const saved = scoresFor(earlier, before);

		const now = appendCompact(earlier, events.slice(events.length - 50));
		const cold = new SupportRank();
		cold.apply(unpackCompact(now));
		const full = cold.rank();

		const handle = createRankHandler();
		handle({ id: 1, type: 'load', compact: now, scores: saved });
		const warm = handle({ id: 2, type: 'rank' });
		if (warm.type !== 'ranked') throw new Error(warm.type);
		expect(warm.ranking.leaders.map((l) => l.address)).toEqual(full.leaders.map((l) => l.address));
		warm.ranking.leaders.forEach((l, i) => expect(Math.abs(l.score - full.leaders[i].score)).toBeLessThan(1e-8));
		expect(warm.ranking.iterations).toBeLessThan(full.iterations);
	});
});

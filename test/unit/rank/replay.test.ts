// @vitest-environment node
// The bulk replay (replay.ts: eras + a counting sort per leader, straight into CSR) against the
// event-by-event replay of graph.ts on random histories full of what the epoch rule is about:
// leaves, rejoins, unbacks, and events the contract would reject (duplicate backs, self-backs,
// backs to or from non-members, unbacks of edges that are gone).
import { describe, expect, it } from 'vitest';
import { appendCompact, emptyCompact, unpackCompact, type CompactEvents } from '../../../web/lib/leaders/rank/compact';
import { BackingGraph } from '../../../web/lib/leaders/rank/graph';
import { replayCompact } from '../../../web/lib/leaders/rank/replay';
import { SupportRank } from '../../../web/lib/leaders/rank/supportRank';
import type { SocialEvent } from '../../../web/lib/leaders/rank/events';
import { prng } from './helpers';

const address = (i: number): string => `0x${i.toString(16).padStart(40, '0')}`;

/** A random history over `people` addresses: mostly backs, with every kind of event mixed in. */
function randomHistory(people: number, length: number, seed: number): SocialEvent[] {
	const rand = prng(seed);
	const pick = (): string => address(Math.floor(rand() * people));
	const events: SocialEvent[] = [{ kind: 'joined', member: address(0), path: 0 }];
	const made: Array<[string, string]> = [];
	for (let k = 0; k < length; k++) {
		const x = rand();
		if (x < 0.2) events.push({ kind: 'joined', member: pick(), path: rand() < 0.05 ? 0 : 1 + Math.floor(rand() * 3) });
		else if (x < 0.27) events.push({ kind: 'left', member: pick() });
		else if (x < 0.35 && made.length > 0) {
			// An earlier back again (a duplicate unless it died) or its unback.
			const [backer, leader] = made[Math.floor(rand() * made.length)];
			events.push({ kind: rand() < 0.6 ? 'unbacked' : 'backed', backer, leader });
		} else if (x < 0.37) {
			const who = pick();
			events.push({ kind: 'backed', backer: who, leader: who });
		} else if (x < 0.4) events.push({ kind: 'unbacked', backer: pick(), leader: pick() });
		else {
			const backer = pick();
			const leader = pick();
			made.push([backer, leader]);
			events.push({ kind: 'backed', backer, leader });
		}
	}
	return events;
}

/** The graph as comparable plain data: members with epochs, live edges as "backer>leader". */
function describeGraph(g: BackingGraph, people: number): { members: string[]; epochs: number[]; edges: string[] } {
	const members: string[] = [];
	const epochs: number[] = [];
	const edges: string[] = [];
	for (let i = 0; i < people; i++) {
		const a = address(i);
		epochs.push(g.epoch(a));
		if (g.isMember(a)) members.push(a);
		for (const l of g.backsOf(a)) edges.push(`${a}>${l}`);
	}
	return { members, epochs, edges: edges.sort() };
}

/** The CSR's edges as "backer>leader" addresses. */
function csrEdges(g: BackingGraph): string[] {
	const { csr, nodeIds } = g.toCsr();
	const out: string[] = [];
	for (let i = 0; i < csr.n; i++)
		for (let k = csr.offsets[i]; k < csr.offsets[i + 1]; k++) out.push(`${g.addresses[nodeIds[csr.sources[k]]]}>${g.addresses[nodeIds[i]]}`);
	return out.sort();
}

function bulkAndReference(c: CompactEvents): { bulk: BackingGraph; reference: BackingGraph; bulkChanged: number; referenceChanged: number } {
	const bulk = new BackingGraph();
	const bulkChanged = bulk.applyCompact(c);
	const reference = new BackingGraph();
	const referenceChanged = reference.apply(unpackCompact(c));
	return { bulk, reference, bulkChanged, referenceChanged };
}

describe('bulk replay of packed events', () => {
	const cases: Array<[people: number, length: number, seed: number]> = [
		[5, 60, 1],
		[12, 400, 2],
		[40, 2_000, 3],
		[200, 20_000, 4],
		[1_000, 30_000, 5]
	];

	it.each(cases)('%i people, %i events (seed %i): the same live graph as the event-by-event replay', (people, length, seed) => {
		const c = appendCompact(emptyCompact(), randomHistory(people, length, seed));
		expect(replayCompact(c)).not.toBeNull();
		const { bulk, reference, bulkChanged, referenceChanged } = bulkAndReference(c);
		expect(bulkChanged).toBe(referenceChanged);
		expect(bulk.members).toBe(reference.members);
		expect(bulk.edges).toBe(reference.edges);
		expect(bulk.founder).toBe(reference.founder);
		// The CSR straight from the bulk arrays (before anything builds per-member lists) holds the
		// same edges as the CSR built from the per-member lists.
		expect(csrEdges(bulk)).toEqual(csrEdges(reference));
		expect(bulk.toCsr().csr.outDegree).toEqual(Int32Array.from(bulk.toCsr().nodeIds, (id) => reference.backsOf(bulk.addresses[id]).length));
		const seedsOf = (g: BackingGraph): string[] => g.defaultSeeds(5).map((id) => g.addresses[id]);
		expect(seedsOf(bulk)).toEqual(seedsOf(reference));
		expect(describeGraph(bulk, people)).toEqual(describeGraph(reference, people));
	});

	it('every address a member (the replay rows serve as the CSR unchanged): the same CSR as the per-member build', () => {
		const people = 300;
		const rand = prng(12);
		const events: SocialEvent[] = [];
		for (let i = 0; i < people; i++) events.push({ kind: 'joined', member: address(i), path: i === 0 ? 0 : 1 });
		for (let k = 0; k < 5_000; k++) events.push({ kind: rand() < 0.1 ? 'unbacked' : 'backed', backer: address(Math.floor(rand() * people)), leader: address(Math.floor(rand() * people)) });
		const c = appendCompact(emptyCompact(), events);
		const { bulk, reference, bulkChanged, referenceChanged } = bulkAndReference(c);
		expect(bulk.members).toBe(people);
		expect(bulkChanged).toBe(referenceChanged);
		expect(csrEdges(bulk)).toEqual(csrEdges(reference));
		expect(describeGraph(bulk, people)).toEqual(describeGraph(reference, people));
	});

	it('events after a bulk load apply on top of it as on a graph replayed event by event', () => {
		const history = randomHistory(60, 3_000, 9);
		const later = randomHistory(60, 500, 10).slice(1);
		const bulk = new BackingGraph();
		bulk.applyCompact(appendCompact(emptyCompact(), history));
		const changedLater = bulk.apply(later);
		const reference = new BackingGraph();
		reference.apply(history);
		expect(changedLater).toBe(reference.apply(later));
		expect(describeGraph(bulk, 60)).toEqual(describeGraph(reference, 60));
		expect(csrEdges(bulk)).toEqual(csrEdges(reference));
	});

	it('ranks a bulk-loaded snapshot as the event-by-event replay does (scores within 1e-12, same order)', () => {
		const c = appendCompact(emptyCompact(), randomHistory(300, 20_000, 11));
		const fast = new SupportRank();
		fast.applyCompact(c);
		const slow = new SupportRank();
		slow.apply(unpackCompact(c));
		const a = fast.rank();
		const b = slow.rank();
		expect(a.seeds).toEqual(b.seeds);
		expect(a.leaders.map((l) => l.address)).toEqual(b.leaders.map((l) => l.address));
		for (let k = 0; k < a.leaders.length; k++) {
			expect(Math.abs(a.leaders[k].score - b.leaders[k].score)).toBeLessThan(1e-12);
			expect([a.leaders[k].backers, a.leaders[k].backing, a.leaders[k].seed]).toEqual([b.leaders[k].backers, b.leaders[k].backing, b.leaders[k].seed]);
		}
	});

	it('falls back to the event-by-event replay when a member joined and left past the packed era limit', () => {
		const a = address(1);
		const events: SocialEvent[] = [{ kind: 'joined', member: address(0), path: 0 }];
		for (let k = 0; k < 16_400; k++) events.push({ kind: 'joined', member: a, path: 1 }, { kind: 'left', member: a });
		events.push({ kind: 'joined', member: a, path: 1 }, { kind: 'backed', backer: a, leader: address(0) });
		const c = appendCompact(emptyCompact(), events);
		expect(replayCompact(c)).toBeNull();
		const g = new BackingGraph();
		g.applyCompact(c);
		expect(g.isBacking(a, address(0))).toBe(true);
		expect(g.epoch(a)).toBe(16_401);
	});
});

// @vitest-environment node
// The support rank over a union's event stream: epochs, seeds, sybil resistance, incremental updates.
import { describe, expect, it } from 'vitest';
import { BackingGraph } from '../../../web/lib/leaders/rank/graph';
import { SupportRank, rankEvents } from '../../../web/lib/leaders/rank/supportRank';
import type { SocialEvent } from '../../../web/lib/leaders/rank/events';
import { addr, back, join, leave, maxAbsDiff, prng, unback } from './helpers';

const founderJoins = (i = 0): SocialEvent => join(i, 0);

function scoresByAddress(events: SocialEvent[], rank = new SupportRank()): Map<string, number> {
	rank.apply(events);
	return new Map(rank.rank().leaders.map((l) => [l.address, l.score]));
}

describe('BackingGraph epochs', () => {
	it('leaving kills every edge touching the member, in both directions', () => {
		const g = new BackingGraph();
		g.apply([founderJoins(0), join(1), join(2), back(0, 1), back(1, 2), back(2, 1), back(2, 0)]);
		expect(g.edges).toBe(4);
		g.apply([leave(1)]);
		expect(g.isMember(addr(1))).toBe(false);
		expect(g.isBacking(addr(0), addr(1))).toBe(false);
		expect(g.isBacking(addr(2), addr(1))).toBe(false);
		expect(g.isBacking(addr(1), addr(2))).toBe(false);
		expect(g.isBacking(addr(2), addr(0))).toBe(true);
		expect(g.edges).toBe(1);
	});

	it('rejoining starts a new epoch and does not revive old edges', () => {
		const g = new BackingGraph();
		g.apply([founderJoins(0), join(1), back(0, 1), back(1, 0), leave(1), join(1)]);
		expect(g.epoch(addr(1))).toBe(2);
		expect(g.isMember(addr(1))).toBe(true);
		expect(g.isBacking(addr(0), addr(1))).toBe(false);
		expect(g.isBacking(addr(1), addr(0))).toBe(false);
		expect(g.edges).toBe(0);
		g.apply([back(0, 1)]);
		expect(g.isBacking(addr(0), addr(1))).toBe(true);
	});

	it('unback removes one edge; events the contract would reject change nothing', () => {
		const g = new BackingGraph();
		const changed = g.apply([
			founderJoins(0),
			join(1),
			back(0, 1),
			back(0, 1), // duplicate live edge
			back(0, 0), // self-backing
			back(0, 9), // leader not a member
			unback(1, 0), // not backing
			join(1) // already a member
		]);
		expect(changed).toBe(3);
		expect(g.edges).toBe(1);
		g.apply([unback(0, 1)]);
		expect(g.edges).toBe(0);
	});

	it('applies each positioned event once, so a re-synced window can be replayed', () => {
		const g = new BackingGraph();
		const at = (ev: SocialEvent, blockNumber: number, logIndex: number): SocialEvent => ({ ...ev, blockNumber, logIndex });
		const batch = [at(founderJoins(0), 1, 0), at(join(1), 2, 0), at(back(1, 0), 3, 0)];
		g.apply(batch);
		g.apply([...batch, at(unback(1, 0), 3, 1)]);
		expect(g.edges).toBe(0);
		g.apply([at(back(1, 0), 3, 0)]); // an old log again: ignored
		expect(g.edges).toBe(0);
	});

	it('addresses are case-insensitive', () => {
		const g = new BackingGraph();
		g.apply([{ kind: 'joined', member: '0xABCDEF0000000000000000000000000000000001', path: 0 }]);
		expect(g.isMember('0xabcdef0000000000000000000000000000000001')).toBe(true);
		expect(g.founder).toBe('0xabcdef0000000000000000000000000000000001');
	});
});

describe('SupportRank', () => {
	it('seeds default to the founder and the first five other joiners; explicit seeds override', () => {
		const events = [founderJoins(0), ...Array.from({ length: 8 }, (_, i) => join(i + 1))];
		expect(rankEvents(events).seeds).toEqual([0, 1, 2, 3, 4, 5].map(addr));
		expect(rankEvents(events, { seedCount: 2 }).seeds).toEqual([0, 1, 2].map(addr));
		expect(rankEvents(events, { seeds: [addr(7)] }).seeds).toEqual([addr(7)]);
		// A seed who left is no longer one (and is not replaced).
		expect(rankEvents([...events, leave(2)], { seedCount: 2 }).seeds).toEqual([0, 1].map(addr));
	});

	it('reports score, direct backers and backing per member, best first, scores summing to 1', () => {
		const ranking = rankEvents([founderJoins(0), join(1), join(2), join(3), back(0, 3), back(1, 3), back(2, 3), back(3, 1)], { seedCount: 0 });
		expect(ranking.members).toBe(4);
		expect(ranking.edges).toBe(4);
		expect(ranking.leaders[0]).toMatchObject({ address: addr(3), backers: 3, backing: 1 });
		expect(ranking.leaders.reduce((a, l) => a + l.score, 0)).toBeCloseTo(1, 12);
		expect(ranking.leaders.find((l) => l.address === addr(0))).toMatchObject({ seed: true, backers: 0, backing: 1 });
	});

	it('a ring of 1,000 sybils backing each other, backed by no seeded member, gets under 1% of the rank', () => {
		const rand = prng(7);
		const events: SocialEvent[] = [founderJoins(0)];
		const honest = 50;
		for (let i = 1; i < honest; i++) events.push(join(i));
		for (let i = 0; i < honest * 4; i++) {
			const b = Math.floor(rand() * honest);
			const l = Math.floor(rand() * honest);
			events.push(back(b, l)); // self/duplicate backs are ignored, as the contract rejects them
		}
		const ring = Array.from({ length: 1000 }, (_, i) => 1000 + i);
		for (const s of ring) events.push(join(s));
		ring.forEach((s, i) => events.push(back(s, ring[(i + 1) % ring.length])));
		// The sybils also back honest members (costs them nothing, gains them nothing).
		for (const s of ring.slice(0, 100)) events.push(back(s, Math.floor(rand() * honest)));

		const ranking = rankEvents(events);
		const ringSet = new Set(ring.map(addr));
		const ringShare = ranking.leaders.filter((l) => ringSet.has(l.address)).reduce((a, l) => a + l.score, 0);
		expect(ranking.members).toBe(honest + 1000);
		expect(ringShare).toBeLessThan(0.01);
		// Contrast: plain PageRank (everyone a seed) hands the ring most of the rank.
		const uniform = rankEvents(events, { seeds: [...ringSet, ...Array.from({ length: honest }, (_, i) => addr(i))] });
		expect(uniform.leaders.filter((l) => ringSet.has(l.address)).reduce((a, l) => a + l.score, 0)).toBeGreaterThan(0.5);
	});

	it('incremental updates with a warm start equal a full recompute, in fewer iterations', () => {
		const rand = prng(99);
		const events: SocialEvent[] = [founderJoins(0)];
		const members = new Set<number>([0]);
		const pick = (): number => [...members][Math.floor(rand() * members.size)];
		for (let i = 1; i < 300; i++) {
			events.push(join(i));
			members.add(i);
		}
		for (let k = 0; k < 3000; k++) events.push(back(pick(), pick()));
		const incremental = new SupportRank();
		incremental.apply(events);
		const first = incremental.rank();

		// A later batch: leaves, rejoins, new members, backs and unbacks.
		const batch: SocialEvent[] = [];
		for (let k = 0; k < 60; k++) {
			const r = rand();
			if (r < 0.1) {
				const m = pick();
				if (m === 0) continue;
				batch.push(leave(m));
				members.delete(m);
			} else if (r < 0.2) {
				const m = 300 + k;
				batch.push(join(m));
				members.add(m);
			} else if (r < 0.3) batch.push(unback(pick(), pick()));
			else batch.push(back(pick(), pick()));
		}
		incremental.apply(batch);
		const updated = incremental.rank();
		const full = rankEvents([...events, ...batch], { warmStart: false });

		expect(updated.members).toBe(full.members);
		expect(updated.edges).toBe(full.edges);
		const fullScores = new Map(full.leaders.map((l) => [l.address, l.score]));
		expect(maxAbsDiff(updated.leaders.map((l) => l.score), updated.leaders.map((l) => fullScores.get(l.address) ?? NaN))).toBeLessThan(1e-9);
		expect(updated.iterations).toBeLessThan(full.iterations);
		expect(first.converged && updated.converged).toBe(true);
	});

	it('a member who leaves drops out of the ranking, and their backing stops counting', () => {
		const before = scoresByAddress([founderJoins(0), join(1), join(2), back(0, 1), back(1, 2)]);
		const after = scoresByAddress([founderJoins(0), join(1), join(2), back(0, 1), back(1, 2), leave(1)]);
		expect(before.get(addr(2))).toBeGreaterThan(0);
		expect(after.has(addr(1))).toBe(false);
		// With the founder as the only seed, nothing reaches 2 once 1 (its only backer) has left.
		const flow = scoresByAddress([founderJoins(0), join(1), join(2), back(0, 1), back(1, 2), leave(1)], new SupportRank({ seeds: [addr(0)] }));
		expect(flow.get(addr(2))).toBe(0);
	});
});

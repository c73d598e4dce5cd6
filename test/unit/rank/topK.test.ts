// @vitest-environment node
// Partial top-k selection equals the first k of a full sort, ties included.
import { describe, expect, it } from 'vitest';
import { topK } from '../../../web/lib/leaders/rank/topK';
import { SupportRank } from '../../../web/lib/leaders/rank/supportRank';
import type { SocialEvent } from '../../../web/lib/leaders/rank/events';
import { prng } from './helpers';

describe('topK', () => {
	it('equals the prefix of a full sort on random scores with many ties (score desc, then key asc)', () => {
		const rand = prng(3);
		for (const [n, k] of [
			[0, 5],
			[1, 1],
			[10, 3],
			[10, 10],
			[10, 50],
			[1_000, 1],
			[1_000, 50],
			[5_000, 700]
		]) {
			// Few distinct scores, so the cut often falls inside a run of equal scores.
			const scores = Float64Array.from({ length: n }, () => Math.floor(rand() * 7) / 7);
			const keys = Array.from({ length: n }, () => Math.floor(rand() * 1e9).toString(36));
			const before = (i: number, j: number): boolean => scores[i] > scores[j] || (scores[i] === scores[j] && (keys[i] < keys[j] || (keys[i] === keys[j] && i < j)));
			const full = Array.from({ length: n }, (_, i) => i).sort((i, j) => (before(i, j) ? -1 : before(j, i) ? 1 : 0));
			expect(Array.from(topK(n, k, before))).toEqual(full.slice(0, k));
		}
	});

	it('a ranking with a limit lists exactly the full ranking’s first leaders', () => {
		const address = (i: number): string => `0x${i.toString(16).padStart(40, '0')}`;
		const events: SocialEvent[] = [{ kind: 'joined', member: address(0), path: 0 }];
		for (let i = 1; i < 400; i++) events.push({ kind: 'joined', member: address(i), path: 1 });
		const rand = prng(8);
		// Sparse: many members with the same (zero-backer) score, so ties decide the order at the cut.
		for (let k = 0; k < 300; k++) {
			const b = Math.floor(rand() * 400);
			const l = Math.floor(rand() * 40);
			if (b !== l) events.push({ kind: 'backed', backer: address(b), leader: address(l) });
		}
		// No warm start, so every ranking is computed from the same starting point.
		const rank = new SupportRank({ warmStart: false });
		rank.apply(events);
		const full = rank.rank().leaders;
		for (const limit of [1, 10, 50, 120, 399, 400, 1000]) expect(rank.rank(limit).leaders).toEqual(full.slice(0, limit));
	});
});

// A ranking's scores laid out parallel to a snapshot's address table (0 for non-members), the
// form stored with the snapshot and handed back to the worker as a warm start.
import type { CompactEvents } from './rank/compact';
import type { SupportRanking } from './rank/supportRank';

export function scoresFor(compact: CompactEvents, ranking: SupportRanking): Float64Array {
	const index = new Map<string, number>();
	compact.addresses.forEach((a, i) => index.set(a, i));
	const scores = new Float64Array(compact.addresses.length);
	for (const l of ranking.leaders) {
		const i = index.get(l.address);
		if (i !== undefined) scores[i] = l.score;
	}
	return scores;
}

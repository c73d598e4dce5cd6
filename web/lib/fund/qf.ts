// Quadratic funding exactly as Crowdfund.sol computes it, in bigint, so the page can show the
// projected match live (and how a pledge being typed would move it) without a transaction.
//
//   weight_c = (Σ_i √m_ic)² − Σ_i m_ic          over the campaign's live matchable pledges m_ic (one per
//                                                pledger: what they pledged while trusted, `matchableOf`)
//   match_c  = pool · weight_c / Σ_k weight_k    over the round's successful campaigns
//
// In fixed point like the contract: S = Σ_i floor(√(m_i · 1e18)), weight = max(0, floor(S² / 1e18) − Σ m_i).
// Pledges by members who are not trusted count toward a campaign's goal, not here.

export const SCALE = 10n ** 18n;

/** floor(√n) for n ≥ 0 (Newton's method, as OpenZeppelin Math.sqrt rounds down). */
export function isqrt(n: bigint): bigint {
	if (n < 0n) throw new RangeError('square root of a negative number');
	if (n < 2n) return n;
	let x = BigInt(Math.floor(Math.sqrt(Number(n)))) + 1n; // close start, then settle exactly
	for (;;) {
		const y = (x + n / x) / 2n;
		if (y >= x) break;
		x = y;
	}
	while (x * x > n) x -= 1n;
	while ((x + 1n) * (x + 1n) <= n) x += 1n;
	return x;
}

/** Σ_i floor(√(p_i · SCALE)): the contract's `sumSqrt`. */
export function sumSqrt(pledges: Iterable<bigint>): bigint {
	let s = 0n;
	for (const p of pledges) if (p > 0n) s += isqrt(p * SCALE);
	return s;
}

/** The contract's `_weight(sumSqrt, matchable)`. */
export function weightFrom(sum: bigint, raised: bigint): bigint {
	const squared = (sum * sum) / SCALE;
	return squared > raised ? squared - raised : 0n;
}

/** QF weight of a campaign from its live matchable pledges. */
export function weightOf(pledges: Iterable<bigint>): bigint {
	const list = [...pledges];
	return weightFrom(sumSqrt(list), list.reduce((a, b) => a + b, 0n));
}

/** Pledges by member with `account`'s pledge raised by `extra` (what-if for a pledge being typed). */
export function withExtra(pledges: ReadonlyMap<string, bigint>, account: string, extra: bigint): Map<string, bigint> {
	const next = new Map(pledges);
	const key = account.toLowerCase();
	next.set(key, (next.get(key) ?? 0n) + extra);
	return next;
}

export interface MatchInput {
	id: bigint;
	weight: bigint;
	/** Whether the campaign has met its goal (only successful campaigns share the pool). */
	eligible: boolean;
}

/**
 * Projected match of each campaign: pool · w / W, where W sums the weights of the eligible campaigns
 * plus the campaign itself (so a campaign below its goal sees what it would get if it made it).
 * Floors like the contract's mulDiv; the sum over eligible campaigns never exceeds the pool.
 */
export function projectMatches(pool: bigint, campaigns: readonly MatchInput[]): Map<bigint, bigint> {
	const eligibleTotal = campaigns.reduce((sum, c) => (c.eligible ? sum + c.weight : sum), 0n);
	const out = new Map<bigint, bigint>();
	for (const c of campaigns) {
		const total = c.eligible ? eligibleTotal : eligibleTotal + c.weight;
		out.set(c.id, total === 0n ? 0n : (pool * c.weight) / total);
	}
	return out;
}

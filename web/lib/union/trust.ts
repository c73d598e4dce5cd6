// A member's trust standing in words: whether they are trusted, how many vouches they have of the
// union's threshold, and what they may do meanwhile. Pure, so the sentences are tested without a chain.

export interface TrustStanding {
	isMember: boolean;
	/** `Union.isTrusted`: a current member whose trust was established in this membership. */
	trusted: boolean;
	/** `Union.vouchesOf`: vouches counted in this membership (frozen once trusted). */
	vouches: number;
	/** `trustParams().vouchThreshold`: vouches from trusted members that trust a newcomer (k). */
	threshold: number;
	/** Members whose live back of this one counted as a vouch (`isVouching`), lower-case. */
	vouchers: `0x${string}`[];
	/** `UnionToken.getVotes` now. */
	votes: bigint;
	/** `Union.hasReceivedGrant`: the one-time join grant was minted. */
	granted: boolean;
}

/** "1 trusted member" / "2 trusted members". */
export function trustedMembers(n: number): string {
	return `${n} trusted member${n === 1 ? '' : 's'}`;
}

/** How many more vouches a newcomer needs (0 once trusted or at the threshold). */
export function vouchesMissing(s: Pick<TrustStanding, 'trusted' | 'vouches' | 'threshold'>): number {
	return s.trusted ? 0 : Math.max(0, s.threshold - s.vouches);
}

/** The headline a member sees about their own standing; null for a non-member. */
export function standingHeadline(s: Pick<TrustStanding, 'isMember' | 'trusted' | 'vouches' | 'threshold'>): string | null {
	if (!s.isMember) return null;
	if (s.trusted) return 'You are trusted: your grant is minted and your votes count';
	const start = s.vouches === 0 ? 'Not yet vouched' : `Vouched by ${s.vouches} of ${s.threshold}`;
	return `${start}: your grant and votes unlock when ${trustedMembers(s.threshold)} back you`;
}

/** The same standing as others see it on a member's page. */
export function standingOf(s: Pick<TrustStanding, 'isMember' | 'trusted' | 'vouches' | 'threshold'>, name: string): string | null {
	if (!s.isMember) return null;
	if (s.trusted) return `${name} is trusted: their votes count`;
	return `${name} is not trusted yet: vouched by ${s.vouches} of the ${trustedMembers(s.threshold)} needed`;
}

/** What a member who is not trusted yet can already do. */
export const WHILE_UNTRUSTED = ['post and reply', 'list services', 'be hired'] as const;

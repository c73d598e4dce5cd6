// Votes that follow a leader: their voting power less what their own tokens add to it (when self-delegated).
// Pure, so the governance page's column is tested without a chain.

export interface LeaderPower {
	/** UnionToken.getVotes(leader). */
	votes: bigint;
	/** UnionToken.balanceOf(leader). */
	balance: bigint;
	/** The leader's own delegate is the leader. */
	selfDelegated: boolean;
}

/** Votes delegated to the leader by others (followers, or anyone who delegated to them). */
export function followedVotes(p: LeaderPower): bigint {
	const own = p.selfDelegated ? p.balance : 0n;
	return p.votes > own ? p.votes - own : 0n;
}

// The governance page's leader table: each leader's support rank (the rank worker's ranking, as on the
// leaders page) beside the votes that follow them. Leaders shown: the top of the ranking and everyone some
// other account delegates to now (DelegateChanged logs of the union's token, confirmed with getVotes).
import type { Address } from 'viem';
import { unionAbi, unionTokenAbi } from '../chain/abi/generated';
import { read } from '$lib/chain/read';
import { leaderBoard } from './unionSupport';
import { tableLeaders } from './rank/table';
import { followedVotes } from './followedVotes';

export interface LeaderVotes {
	/** Lower-case. */
	address: Address;
	/** 1-based support rank among current members; null if not a member now. */
	rank: number | null;
	/** Share of the support rank (0..1). */
	score: number;
	backers: number;
	/** Voting power now (getVotes). */
	votes: bigint;
	/** Of which delegated to them by others. */
	followed: bigint;
}

/** How many of the top-ranked leaders are always shown. */
export const TOP_LEADERS = 10;

export async function leaderVotes(union: Address): Promise<LeaderVotes[]> {
	const leaders = tableLeaders((await leaderBoard(union)).table);
	return read(async ({ client, events }) => {
		const token = await client.readContract({ address: union, abi: unionAbi, functionName: 'token' });
		const logs = await events((range) =>
			client.getContractEvents({ address: token, abi: unionTokenAbi, eventName: 'DelegateChanged', ...range, strict: true })
		);
		const rankOf = new Map(leaders.map((l, i) => [l.address.toLowerCase(), { rank: i + 1, l }]));
		const chosen = new Set(leaders.slice(0, TOP_LEADERS).map((l) => l.address.toLowerCase()));
		for (const log of logs) if (log.args.delegator.toLowerCase() !== log.args.toDelegate.toLowerCase()) chosen.add(log.args.toDelegate.toLowerCase());
		const rows = await Promise.all(
			[...chosen].map(async (a): Promise<LeaderVotes> => {
				const address = a as Address;
				const t = { address: token, abi: unionTokenAbi } as const;
				const [votes, balance, delegate] = await Promise.all([
					client.readContract({ ...t, functionName: 'getVotes', args: [address] }),
					client.readContract({ ...t, functionName: 'balanceOf', args: [address] }),
					client.readContract({ ...t, functionName: 'delegates', args: [address] })
				]);
				const r = rankOf.get(a);
				return {
					address,
					rank: r?.rank ?? null,
					score: r?.l.score ?? 0,
					backers: r?.l.backers ?? 0,
					votes,
					followed: followedVotes({ votes, balance, selfDelegated: delegate.toLowerCase() === a })
				};
			})
		);
		// ranked members first by rank, then departed delegates by votes
		return rows.sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || (y.votes > x.votes ? 1 : y.votes < x.votes ? -1 : 0));
	});
}

// "Now" for deadlines a contract will compare with block.timestamp. A wallet's clock and the chain's
// can disagree (a skewed phone clock, a dev chain moved forward), so a deadline is measured from the
// later of the two: never already past on chain, never shorter than the member was told.
import type { PublicClient } from 'viem';
import { getPublicClient } from './client';

export async function chainNow(): Promise<bigint> {
	const wall = BigInt(Math.floor(Date.now() / 1000));
	try {
		const client = await getPublicClient();
		const head = (await client.getBlock({ blockTag: 'latest' })).timestamp;
		return head > wall ? head : wall;
	} catch {
		// The write that follows reports an unreachable RPC properly; the wall clock is the best guess here.
		return wall;
	}
}

/** The latest block's timestamp: the chain's own "now", for views that compare with contract times. */
export async function chainTime(client: PublicClient): Promise<bigint> {
	return (await client.getBlock({ blockTag: 'latest' })).timestamp;
}

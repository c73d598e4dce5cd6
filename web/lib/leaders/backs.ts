// Whom one member backs right now in a union: their Backed logs (filtered on the indexed backer),
// each leader confirmed with isBacking() — an edge dies without an Unbacked event when either side
// leaves (membership epochs), so the logs alone can overstate it.
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { read } from '$lib/chain/read';

/** Leaders `backer` currently backs in `union`, lower-case, in the order first backed. */
export async function liveBacksOf(union: Address, backer: Address): Promise<Address[]> {
	return read(async ({ client, events }) => {
		const logs = await events((range) =>
			client.getContractEvents({
				address: union,
				abi: unionAbi,
				eventName: 'Backed',
				args: { backer },
				...range,
				strict: true
			})
		);
		const leaders = [...new Set(logs.map((l) => l.args.leader.toLowerCase() as Address))];
		const live = await Promise.all(
			leaders.map((leader) => client.readContract({ address: union, abi: unionAbi, functionName: 'isBacking', args: [backer, leader] }))
		);
		return leaders.filter((_, i) => live[i]);
	});
}

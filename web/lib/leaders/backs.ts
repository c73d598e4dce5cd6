// Whom one member backs right now in a union: their Backed logs (filtered on the indexed backer),
// each leader confirmed with isBacking() — an edge dies without an Unbacked event when either side
// leaves (membership epochs), so the logs alone can overstate it.
import type { Address } from 'viem';
import { getConfig } from '$lib/config';
import { unionAbi } from '../chain/abi';
import { getPublicClient } from '../chain/client';
import { toChainActionError } from '../chain/errors';
import { errorContext } from '../chain/write';
import { chunkedEvents } from '../sync/chunkedEvents';

/** Leaders `backer` currently backs in `union`, lower-case, in the order first backed. */
export async function liveBacksOf(union: Address, backer: Address): Promise<Address[]> {
	try {
		const client = await getPublicClient();
		const logs = await chunkedEvents(client, BigInt(getConfig().contracts.deployBlock), (range) =>
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
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

// The union directory: every UnionCreated event of the factory since its deploy block.
import type { Address } from 'viem';
import { getConfig } from '$lib/config';
import { unionFactoryAbi } from '../chain/abi';
import { getPublicClient } from '../chain/client';
import { toChainActionError } from '../chain/errors';
import { errorContext } from '../chain/write';
import { chunkedEvents } from '../sync/chunkedEvents';

export interface UnionSummary {
	union: Address;
	founder: Address;
	token: Address;
	governor: Address;
	timelock: Address;
	name: string;
	blockNumber: bigint;
}

/** All unions, newest first. */
export async function listUnions(): Promise<UnionSummary[]> {
	try {
		const client = await getPublicClient();
		const { unionFactory, deployBlock } = getConfig().contracts;
		const logs = await chunkedEvents(client, BigInt(deployBlock), (range) =>
			client.getContractEvents({
				address: unionFactory,
				abi: unionFactoryAbi,
				eventName: 'UnionCreated',
				...range,
				strict: true
			})
		);
		return logs
			.map((l) => ({
				union: l.args.union,
				founder: l.args.founder,
				token: l.args.token,
				governor: l.args.governor,
				timelock: l.args.timelock,
				name: l.args.name,
				blockNumber: l.blockNumber
			}))
			.reverse();
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

// The union directory: every UnionCreated event of the factory since its deploy block.
import type { Address } from 'viem';
import { unionFactoryAbi } from '../chain/abi';
import { factoryAddress } from '$lib/chain/contracts';
import { read } from '$lib/chain/read';

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
	return read(async ({ client, events }) => {
		const logs = await events((range) =>
			client.getContractEvents({
				address: factoryAddress(),
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
	});
}

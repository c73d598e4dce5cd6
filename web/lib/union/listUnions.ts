// The union directory: every UnionCreated event of the factory since its deploy block. The first
// page a visitor sees, so it reads through the minimal JSON-RPC path (rpc/): viem's public client is
// ~100 KB gzip, this path ~6 KB. The event's shape comes from the generated factory ABI.
import type { Address } from 'viem';
import { getConfig } from '$lib/config';
import { unionFactoryAbi } from '../chain/abi';
import { readEventLogs } from '../rpc/eventLogs';
import { ReadError, toReadError } from '../rpc/errors';
import type { RangeOptions } from '../sync/ranges';

export interface UnionSummary {
	union: Address;
	founder: Address;
	token: Address;
	governor: Address;
	timelock: Address;
	name: string;
	blockNumber: bigint;
}

type FactoryEvent = Extract<(typeof unionFactoryAbi)[number], { type: 'event' }>;
type UnionCreated = Extract<FactoryEvent, { name: 'UnionCreated' }>;
const isUnionCreated = (e: (typeof unionFactoryAbi)[number]): e is UnionCreated => e.type === 'event' && e.name === 'UnionCreated';
const unionCreated = unionFactoryAbi.find(isUnionCreated);

/** All unions, newest first. `range` tunes the range walk (tests shorten its waits). */
export async function listUnions(range: RangeOptions = {}): Promise<UnionSummary[]> {
	const { chain, contracts } = getConfig();
	const ctx = { rpcUrl: chain.rpcUrl, chainId: chain.id, chainName: chain.name };
	try {
		if (!unionCreated) throw new ReadError('This build of the site has no UnionCreated event in its factory ABI: rebuild it from the contracts (npm run build:contracts).');
		const logs = await readEventLogs({ rpcUrl: chain.rpcUrl, chainId: chain.id, address: contracts.unionFactory, event: unionCreated, fromBlock: contracts.deployBlock, range });
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
		throw toReadError(e, ctx);
	}
}

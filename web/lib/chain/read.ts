// The read-side twin of write.ts: every chain read runs through `read`, which hands it the public
// client and the block log scans start from (the factory's deploy block), and turns whatever goes
// wrong into a ChainActionError with a sentence for the member.
import type { PublicClient } from 'viem';
import { getConfig } from '$lib/config';
import { getPublicClient } from './client';
import { toChainActionError } from './errors';
import { errorContext } from './write';
import { chunkedEvents, type BlockRange } from '../sync/chunkedEvents';
import type { RangeOptions } from '../sync/ranges';
// Registers every feature's contract-error sentences with errors.ts. Every chain call passes through
// read.ts or write.ts, both reached only through lazy imports: from the root layout the tables pulled
// viem's error classes and every contract's error ABI into the first load (~20 KB gzip).
import '$lib/contractErrors';

export interface ReadContext {
	client: PublicClient;
	/** Where log scans start: nothing of this app happened before the factory was deployed. */
	fromBlock: bigint;
	/**
	 * Every event `get` returns from `fromBlock` to the head, asked for in ranges a public provider
	 * accepts (sync/chunkedEvents.ts): a whole-history eth_getLogs is refused by most of them. The
	 * caller's getContractEvents call keeps its own arguments with the range spread in, so viem still
	 * infers the event's argument types there.
	 */
	events<T>(get: (range: BlockRange) => Promise<readonly T[]>, options?: RangeOptions & { fromBlock?: bigint }): Promise<T[]>;
}

/** The block log scans start from. */
export function startBlock(): bigint {
	return BigInt(getConfig().contracts.deployBlock);
}

/** Runs one read; failures (an unreachable RPC, a revert, a missing contract) become sentences. */
export async function read<T>(fn: (ctx: ReadContext) => Promise<T>): Promise<T> {
	try {
		const client = await getPublicClient();
		const fromBlock = startBlock();
		return await fn({
			client,
			fromBlock,
			events: (get, options = {}) => chunkedEvents(client, options.fromBlock ?? fromBlock, get, options)
		});
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

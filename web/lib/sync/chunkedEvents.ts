// A one-off event read from a start block to the head in ranges a public provider accepts (ranges.ts:
// halving on "range too large" / "more than 10000 results", backoff on 429 / 5xx), for readers whose
// history is not cached (deals, proposals, campaigns, demands, courses, the union directory). The
// caller's getContractEvents call stays as it was, with the range spread in, so viem still infers
// every event's argument types at the call site:
//
//   const logs = await chunkedEvents(client, fromBlock, (range) =>
//     client.getContractEvents({ address, abi, eventName: 'DealOpened', args: { union }, ...range, strict: true }));
import type { PublicClient } from 'viem';
import { walkRanges, withRetry, type RangeOptions } from './ranges';

export interface BlockRange {
	fromBlock: bigint;
	toBlock: bigint;
}

/** Every item `read` returns over [fromBlock, head], in block order. */
export async function chunkedEvents<T>(
	client: Pick<PublicClient, 'getBlockNumber'>,
	fromBlock: bigint | number,
	read: (range: BlockRange) => Promise<readonly T[]>,
	options: RangeOptions & { toBlock?: bigint | number } = {}
): Promise<T[]> {
	const start = Number(fromBlock);
	const head = options.toBlock !== undefined ? Number(options.toBlock) : Number(await withRetry(options, start, start, () => client.getBlockNumber({ cacheTime: 0 })));
	const out: T[] = [];
	await walkRanges(
		start,
		head,
		options,
		async (from, to) => [...(await read({ fromBlock: BigInt(from), toBlock: BigInt(to) }))],
		(_from, _to, items) => {
			for (const item of items) out.push(item);
		}
	);
	return out;
}

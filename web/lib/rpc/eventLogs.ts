// One event's logs from a start block to the head, through the minimal JSON-RPC path: the chain id
// and head in one batch (a wrong chain is refused before anything is read), then eth_getLogs in the
// ranges sync/ranges.ts walks (halving on a refused range, backoff on 429 / 5xx, Retry-After), each
// log decoded from the event's generated ABI entry. For pages that must not download viem's client.
import type { Address, Hex } from 'viem';
import { walkRanges, withRetry, type RangeOptions } from '../sync/ranges';
import { DecodeError, decodeEventLog, eventTopic, type AbiEvent, type DecodedLog, type RpcLog } from './abiEvent';
import { rpcBatch, rpcCall, type RpcOptions } from './jsonRpc';

export interface EventLogsQuery<E extends AbiEvent> {
	rpcUrl: string;
	/** The chain the contract lives on: another chain's answer is refused with WrongChainError. */
	chainId: number;
	address: Address;
	event: E;
	fromBlock: number;
	range?: RangeOptions;
	rpc?: RpcOptions;
}

/** The RPC serves another chain than the one the site is configured for. */
export class WrongChainError extends Error {
	override name = 'WrongChainError';
	constructor(
		readonly expected: number,
		readonly actual: number
	) {
		super(`the RPC serves chain ${actual}, expected ${expected}`);
	}
}

const toHex = (n: number): Hex => `0x${n.toString(16)}`;

/** Every `event` log of `address` in [fromBlock, head], in chain order. */
export async function readEventLogs<E extends AbiEvent>(q: EventLogsQuery<E>): Promise<DecodedLog<E>[]> {
	const range = q.range ?? {};
	const topic = eventTopic(q.event);
	const [chainHex, headHex] = await withRetry(range, q.fromBlock, q.fromBlock, () =>
		rpcBatch<[string, string]>(q.rpcUrl, [
			{ method: 'eth_chainId', params: [] },
			{ method: 'eth_blockNumber', params: [] }
		], q.rpc)
	);
	const actual = Number(chainHex);
	if (actual !== q.chainId) throw new WrongChainError(q.chainId, actual);
	const out: DecodedLog<E>[] = [];
	await walkRanges(
		q.fromBlock,
		Number(headHex),
		range,
		(from, to) => rpcCall<RpcLog[]>(q.rpcUrl, { method: 'eth_getLogs', params: [{ address: q.address, topics: [topic], fromBlock: toHex(from), toBlock: toHex(to) }] }, q.rpc),
		(_from, _to, logs) => {
			for (const log of logs) {
				if (log.removed) continue;
				try {
					out.push(decodeEventLog(q.event, log));
				} catch (e) {
					// As viem's strict mode: a log of this topic that does not fit the ABI is not this event.
					if (!(e instanceof DecodeError)) throw e;
				}
			}
		}
	);
	return out;
}

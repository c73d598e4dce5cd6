// The sync's reads through the minimal JSON-RPC path (rpc/) instead of viem's client: the head and
// one range of union logs, decoded from the generated ABI's event entries. The union page's member
// list syncs so, so viem is not downloaded, parsed or run before its members show (issue 14).
import type { Address, Hex } from 'viem';
import { DecodeError, decodeEventLog, eventTopic, type RpcLog } from '../rpc/abiEvent';
import { rpcCall, type RpcOptions } from '../rpc/jsonRpc';
import { unionAbi } from '../chain/abi/generated';
import type { UnionLog } from './types';

/** Where a sync reads through the minimal path: the RPC's URL (and its timeouts / size cap). */
export interface RpcLogClient {
	readonly rpcUrl: string;
	readonly rpc?: RpcOptions;
}

type UnionEntry = (typeof unionAbi)[number];
type EventName = UnionLog['eventName'];
type UnionEvent<N extends EventName> = Extract<UnionEntry, { type: 'event'; name: N }>;

/** The union's event entry `name` from the generated ABI (no viem: getAbiItem would pull its chunk). */
export function unionEvent<N extends EventName>(name: N): UnionEvent<N> {
	const entry = unionAbi.find((e): e is UnionEvent<N> => e.type === 'event' && e.name === name);
	if (!entry) throw new Error(`This build of the site has no ${name} event in its Union ABI: rebuild it from the contracts (npm run build:contracts).`);
	return entry;
}

const toHex = (n: number): Hex => `0x${n.toString(16)}`;

export async function rpcChainId(client: RpcLogClient): Promise<number> {
	return Number(await rpcCall<string>(client.rpcUrl, { method: 'eth_chainId', params: [] }, client.rpc));
}

export async function rpcBlockNumber(client: RpcLogClient): Promise<bigint> {
	return BigInt(await rpcCall<string>(client.rpcUrl, { method: 'eth_blockNumber', params: [] }, client.rpc));
}

/** The logs of `names` emitted by `address` in [fromBlock, toBlock], as the viem path returns them (strict: a log that does not fit its event is dropped). */
export async function rpcUnionLogs(client: RpcLogClient, address: Address, names: readonly EventName[], fromBlock: number, toBlock: number): Promise<UnionLog[]> {
	const events = names.map((n) => unionEvent(n));
	const byTopic = new Map(events.map((e) => [eventTopic(e), e]));
	const raw = await rpcCall<RpcLog[]>(
		client.rpcUrl,
		{ method: 'eth_getLogs', params: [{ address, topics: [[...byTopic.keys()]], fromBlock: toHex(fromBlock), toBlock: toHex(toBlock) }] },
		client.rpc
	);
	const logs: UnionLog[] = [];
	for (const log of raw) {
		const event = byTopic.get((log.topics[0] ?? '').toLowerCase() as Hex);
		if (log.removed || !event || !log.blockHash || !/^0x[0-9a-fA-F]{64}$/.test(log.blockHash)) continue;
		const blockHash = log.blockHash as Hex;
		try {
			const base = { blockHash };
			switch (event.name) {
				case 'MemberJoined': {
					const d = decodeEventLog(event, log);
					logs.push({ ...base, ...position(d), eventName: 'MemberJoined', args: d.args });
					break;
				}
				case 'MemberLeft': {
					const d = decodeEventLog(event, log);
					logs.push({ ...base, ...position(d), eventName: 'MemberLeft', args: d.args });
					break;
				}
				case 'Backed': {
					const d = decodeEventLog(event, log);
					logs.push({ ...base, ...position(d), eventName: 'Backed', args: d.args });
					break;
				}
				case 'Unbacked': {
					const d = decodeEventLog(event, log);
					logs.push({ ...base, ...position(d), eventName: 'Unbacked', args: d.args });
					break;
				}
			}
		} catch (e) {
			if (!(e instanceof DecodeError)) throw e;
		}
	}
	return logs;
}

function position(d: { blockNumber: bigint; logIndex: number; transactionHash: Hex }): { blockNumber: number; logIndex: number; transactionHash: Hex } {
	return { blockNumber: Number(d.blockNumber), logIndex: d.logIndex, transactionHash: d.transactionHash };
}

// Decodes one event's logs from its ABI entry (the generated one, so a field the contract engineers
// add is decoded without touching this file). Covers what event fields are in this app's directory
// and most events: address, bool, (u)intN, bytesN, string, bytes; indexed strings/bytes arrive as
// their topic hash, as in viem. Tuples and arrays throw: use viem's decodeEventLog (in the lazy
// chain code) for those. Results match viem's: checksummed addresses, numbers for (u)int ≤ 48 bits.
import type { Address, Hex } from 'viem';
import { bytesToHex, checksumAddress, hexToBytes } from './hex';
import { keccak256 } from './keccak';

export interface AbiEventParam {
	readonly name: string;
	readonly type: string;
	readonly indexed: boolean;
}

export interface AbiEvent {
	readonly type: 'event';
	readonly name: string;
	readonly inputs: readonly AbiEventParam[];
	readonly anonymous: boolean;
}

type SmallBits = '8' | '16' | '24' | '32' | '40' | '48';
/** The TypeScript value of one ABI type, as viem (abitype) gives it; `never` for what is not decoded here. */
export type AbiValue<T extends string> = T extends 'address'
	? Address
	: T extends 'bool'
		? boolean
		: T extends 'string'
			? string
			: T extends `${'u' | ''}int${infer N}`
				? N extends SmallBits
					? number
					: bigint
				: T extends `bytes${string}`
					? Hex
					: never;

/** The event's arguments by name. */
export type EventArgs<E extends AbiEvent> = { [P in E['inputs'][number] as P['name']]: AbiValue<P['type']> };

/** A log as eth_getLogs returns it. */
export interface RpcLog {
	address: string;
	topics: string[];
	data: string;
	blockNumber: string | null;
	logIndex: string | null;
	blockHash?: string | null;
	transactionHash: string | null;
	removed?: boolean;
}

export interface DecodedLog<E extends AbiEvent> {
	args: EventArgs<E>;
	address: Address;
	blockNumber: bigint;
	logIndex: number;
	transactionHash: Hex;
}

/** topic0: keccak of `Name(type,…)`, as Solidity hashes the event's signature. */
export function eventTopic(event: AbiEvent): Hex {
	for (const p of event.inputs) supported(p.type);
	return bytesToHex(keccak256(`${event.name}(${event.inputs.map((p) => p.type).join(',')})`));
}

export function supported(type: string): void {
	if (!/^(address|bool|string|bytes([1-9]|[12][0-9]|3[0-2])?|u?int(8|16|24|32|40|48|56|64|72|80|88|96|104|112|120|128|136|144|152|160|168|176|184|192|200|208|216|224|232|240|248|256)?)$/.test(type))
		throw new Error(`the minimal event decoder does not decode ${type}`);
}

const isDynamic = (type: string): boolean => type === 'string' || type === 'bytes';

/** One 32-byte word as the type's value. */
function word(type: string, w: Uint8Array): unknown {
	if (type === 'address') return checksumAddress(bytesToHex(w.subarray(12)));
	if (type === 'bool') return w[31] === 1;
	const int = /^(u?)int(\d*)$/.exec(type);
	if (int) {
		const bits = Number(int[2] || 256);
		const raw = BigInt(bytesToHex(w));
		// Signed values arrive sign-extended to 256 bits: the low `bits` bits as two's complement.
		const v = int[1] ? raw : BigInt.asIntN(bits, raw);
		return bits <= 48 ? Number(v) : v;
	}
	// bytesN: left-aligned
	return bytesToHex(w.subarray(0, Number(type.slice(5))));
}

/** A value in `data` at head slot `slot`, following the offset for dynamic types (also a call's return data). */
export function fromData(type: string, data: Uint8Array, slot: number): unknown {
	const at = (offset: number, length: number): Uint8Array => {
		if (offset + length > data.length) throw new DecodeError(`data too short for ${type}`);
		return data.subarray(offset, offset + length);
	};
	const head = at(slot * 32, 32);
	if (!isDynamic(type)) return word(type, head);
	const offset = Number(BigInt(bytesToHex(head)));
	const length = Number(BigInt(bytesToHex(at(offset, 32))));
	const body = at(offset + 32, length);
	return type === 'string' ? new TextDecoder().decode(body) : bytesToHex(body);
}

/** A log that does not fit the event's shape (viem's strict mode drops these too). */
export class DecodeError extends Error {
	override name = 'DecodeError';
}

/** Decodes `log` as `event`; DecodeError when topics or data do not fit. */
export function decodeEventLog<E extends AbiEvent>(event: E, log: RpcLog): DecodedLog<E> {
	const args: Record<string, unknown> = {};
	const data = hexToBytes(log.data);
	let topic = event.anonymous ? 0 : 1;
	let slot = 0;
	for (const p of event.inputs) {
		supported(p.type);
		if (p.indexed) {
			const t = log.topics[topic++];
			if (t === undefined) throw new DecodeError(`log has no topic for ${p.name}`);
			const w = hexToBytes(t);
			if (w.length !== 32) throw new DecodeError(`topic for ${p.name} is not 32 bytes`);
			args[p.name] = isDynamic(p.type) ? bytesToHex(w) : word(p.type, w);
		} else args[p.name] = fromData(p.type, data, slot++);
	}
	if (log.topics.length !== topic) throw new DecodeError(`log has ${log.topics.length} topics, ${event.name} has ${topic}`);
	if (log.blockNumber === null || log.logIndex === null || log.transactionHash === null) throw new DecodeError('pending log');
	return {
		// Built from the event's own inputs above, so it has exactly EventArgs<E>'s keys and types.
		args: args as EventArgs<E>,
		// The emitter as the node wrote it (viem does not checksum a log's address either).
		address: hexOf(log.address, 20) as Address,
		blockNumber: BigInt(log.blockNumber),
		logIndex: Number(log.logIndex),
		transactionHash: hexOf(log.transactionHash, 32)
	};
}

function hexOf(value: string, bytes: number): Hex {
	if (!new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`).test(value)) throw new DecodeError(`not ${bytes} bytes of hex: ${value}`);
	return value as Hex;
}

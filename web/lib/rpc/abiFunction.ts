// eth_call without viem for views that take no arguments and return one value (the union page's
// settings, a token's symbol): the selector from the function's generated ABI entry, the answer
// decoded by the same word decoder as events (address, bool, (u)intN, bytesN, string, bytes).
import type { Address, Hex } from 'viem';
import { DecodeError, fromData, supported, type AbiValue } from './abiEvent';
import { bytesToHex, hexToBytes } from './hex';
import { keccak256 } from './keccak';
import type { RpcCall } from './jsonRpc';

export interface AbiFunctionParam {
	readonly name: string;
	readonly type: string;
}

export interface AbiFunction {
	readonly type: 'function';
	readonly name: string;
	readonly inputs: readonly AbiFunctionParam[];
	readonly outputs: readonly AbiFunctionParam[];
}

/** A view of no arguments with one return value. */
export type AbiGetter = AbiFunction & { readonly inputs: readonly []; readonly outputs: readonly [AbiFunctionParam] };

/** What the getter returns, typed as viem (abitype) types it. */
export type GetterValue<F extends AbiGetter> = AbiValue<F['outputs'][0]['type']>;

/** The 4-byte selector: keccak of `name(types…)`. */
export function functionSelector(f: AbiFunction): Hex {
	return bytesToHex(keccak256(`${f.name}(${f.inputs.map((p) => p.type).join(',')})`).subarray(0, 4));
}

/** The eth_call of `getter` on `address` at the latest block. */
export function getterCall(address: Address, getter: AbiGetter): RpcCall {
	supported(getter.outputs[0].type);
	return { method: 'eth_call', params: [{ to: address, data: functionSelector(getter) }, 'latest'] };
}

/** The call's return data as the getter's value; DecodeError when it does not fit (e.g. "0x" from an account without code). */
export function decodeGetter<F extends AbiGetter>(getter: F, data: string): GetterValue<F> {
	if (!/^0x([0-9a-fA-F]{2})*$/.test(data)) throw new DecodeError(`${getter.name}() answered with something that is not hex`);
	const bytes = hexToBytes(data);
	if (bytes.length < 32) throw new DecodeError(`${getter.name}() returned ${bytes.length} bytes, expected a ${getter.outputs[0].type}`);
	// Decoded by the output's own type, so the value has GetterValue<F>'s type.
	return fromData(getter.outputs[0].type, bytes, 0) as GetterValue<F>;
}

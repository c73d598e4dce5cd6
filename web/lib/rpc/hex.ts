// Hex helpers of the minimal reader: bytes ↔ 0x-strings and EIP-55 addresses, without viem.
// Types only: nothing of viem is bundled from a type import.
import type { Address, Hex } from 'viem';
import { keccak256 } from './keccak';

export function bytesToHex(bytes: Uint8Array): Hex {
	let out = '0x';
	for (const b of bytes) out += b.toString(16).padStart(2, '0');
	return out as Hex;
}

/** Bytes of a 0x-string of even length; throws on anything else. */
export function hexToBytes(hex: string): Uint8Array {
	if (!/^0x([0-9a-fA-F]{2})*$/.test(hex)) throw new Error(`not hex bytes: ${hex.slice(0, 20)}`);
	const out = new Uint8Array((hex.length - 2) / 2);
	for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 + 2 * i, 4 + 2 * i), 16);
	return out;
}

/** The EIP-55 mixed-case form of a 20-byte address (what viem returns, so links and keys match). */
export function checksumAddress(address: string): Address {
	const lower = address.toLowerCase().replace(/^0x/, '');
	if (!/^[0-9a-f]{40}$/.test(lower)) throw new Error(`not an address: ${address}`);
	const hash = keccak256(lower);
	let out = '0x';
	for (let i = 0; i < 40; i++) {
		const nibble = (hash[i >> 1] >> (i % 2 === 0 ? 4 : 0)) & 0xf;
		out += nibble >= 8 ? lower[i].toUpperCase() : lower[i];
	}
	return out as Address;
}

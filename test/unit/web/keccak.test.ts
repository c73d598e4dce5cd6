// The first-load keccak (web/lib/rpc/keccak.ts) against viem's, and checksummed addresses against
// viem's getAddress: every length from 0 to 300 bytes crosses the 136-byte block boundary twice.
import { describe, expect, it } from 'vitest';
import { getAddress, keccak256 as viemKeccak, toEventSelector, toHex } from 'viem';
import { keccak256 } from '../../../web/lib/rpc/keccak';
import { bytesToHex, checksumAddress, hexToBytes } from '../../../web/lib/rpc/hex';

/** Deterministic pseudo-random bytes (a test that fails must fail the same way again). */
function bytes(n: number, seed: number): Uint8Array {
	const out = new Uint8Array(n);
	let x = seed * 2654435761 + 1;
	for (let i = 0; i < n; i++) {
		x = (x * 1103515245 + 12345) >>> 0;
		out[i] = x >>> 24;
	}
	return out;
}

describe('keccak256', () => {
	it('equals viem for every input length from 0 to 300 bytes', () => {
		for (let n = 0; n <= 300; n++) {
			const input = bytes(n, n);
			expect(bytesToHex(keccak256(input)), `length ${n}`).toBe(viemKeccak(input));
		}
	});

	it('hashes strings as UTF-8, as event signatures are hashed', () => {
		expect(bytesToHex(keccak256(''))).toBe('0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
		const signature = 'UnionCreated(address,address,address,address,address,string)';
		expect(bytesToHex(keccak256(signature))).toBe(toEventSelector(signature));
		expect(bytesToHex(keccak256('Grüße ✊'))).toBe(viemKeccak(toHex('Grüße ✊')));
	});
});

describe('checksumAddress', () => {
	it('gives viem’s EIP-55 form for any casing', () => {
		for (let i = 0; i < 200; i++) {
			const lower = bytesToHex(bytes(20, 1000 + i));
			expect(checksumAddress(lower)).toBe(getAddress(lower));
			expect(checksumAddress(lower.toUpperCase().replace('0X', '0x'))).toBe(getAddress(lower));
		}
	});

	it('refuses what is not 20 bytes of hex', () => {
		expect(() => checksumAddress('0x1234')).toThrow('not an address');
		expect(() => hexToBytes('0x123')).toThrow('not hex bytes');
	});
});

// Keccak-256 (the Ethereum variant: 0x01 padding, not SHA3's 0x06), small enough for the first load.
// The directory needs it twice: an event's topic (keccak of its signature, from the generated ABI) and
// EIP-55 checksummed addresses, so it lists the same strings viem would. viem's keccak256 costs
// ~4 KB gzip with its hex helpers; this is ~0.6 KB. Lanes are held as two 32-bit words (low, high) so
// no BigInt is needed; test/unit/web/keccak.test.ts checks it against viem on every input length
// around the 136-byte block boundary.

const RATE = 136;
// Rotation offsets and lane permutation (rho and pi) and the iota round constants, derived as the
// spec does instead of typed in (a table of 48 hex words is where a typo hides).
const ROT: number[] = [];
const PI: number[] = [];
const RC_LO: number[] = [];
const RC_HI: number[] = [];
for (let round = 0, x = 1, y = 0, r = 1; round < 24; round++) {
	[x, y] = [y, (2 * x + 3 * y) % 5];
	PI.push(2 * (5 * y + x));
	ROT.push((((round + 1) * (round + 2)) / 2) % 64);
	let lo = 0;
	let hi = 0;
	for (let j = 0; j < 7; j++) {
		r = ((r << 1) ^ ((r >> 7) * 0x71)) & 0xff;
		if (r & 2) {
			const bit = (1 << j) - 1;
			if (bit < 32) lo ^= 1 << bit;
			else hi ^= 1 << (bit - 32);
		}
	}
	RC_LO.push(lo);
	RC_HI.push(hi);
}

// Rotate the 64-bit lane (hi:lo) left by n (0 < n < 64, never 32 in Keccak): the new low / high word.
const rotLo = (lo: number, hi: number, n: number): number => (n < 32 ? (lo << n) | (hi >>> (32 - n)) : (hi << (n - 32)) | (lo >>> (64 - n)));
const rotHi = (lo: number, hi: number, n: number): number => (n < 32 ? (hi << n) | (lo >>> (32 - n)) : (lo << (n - 32)) | (hi >>> (64 - n)));

/** keccak-f[1600] on 25 lanes as 50 words: s[2i] is lane i's low word, s[2i+1] its high word. */
function permute(s: Uint32Array): void {
	const c = new Uint32Array(10);
	for (let round = 0; round < 24; round++) {
		// theta
		for (let i = 0; i < 10; i++) c[i] = s[i] ^ s[i + 10] ^ s[i + 20] ^ s[i + 30] ^ s[i + 40];
		for (let x = 0; x < 10; x += 2) {
			const next = (x + 2) % 10;
			const prev = (x + 8) % 10;
			const lo = rotLo(c[next], c[next + 1], 1) ^ c[prev];
			const hi = rotHi(c[next], c[next + 1], 1) ^ c[prev + 1];
			for (let y = 0; y < 50; y += 10) {
				s[x + y] ^= lo;
				s[x + y + 1] ^= hi;
			}
		}
		// rho and pi: walk the lanes from lane 1, each rotated into the next one's place
		let lo = s[2];
		let hi = s[3];
		for (let t = 0; t < 24; t++) {
			const to = PI[t];
			const nextLo = s[to];
			const nextHi = s[to + 1];
			s[to] = rotLo(lo, hi, ROT[t]);
			s[to + 1] = rotHi(lo, hi, ROT[t]);
			lo = nextLo;
			hi = nextHi;
		}
		// chi
		for (let y = 0; y < 50; y += 10) {
			for (let i = 0; i < 10; i++) c[i] = s[y + i];
			for (let i = 0; i < 10; i++) s[y + i] ^= ~c[(i + 2) % 10] & c[(i + 4) % 10];
		}
		// iota
		s[0] ^= RC_LO[round];
		s[1] ^= RC_HI[round];
	}
}

/** Keccak-256 of `input` (bytes, or a string taken as UTF-8). */
export function keccak256(input: Uint8Array | string): Uint8Array {
	const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
	const s = new Uint32Array(50);
	// Bytes go into the state little-endian within each lane, whatever the host's byte order.
	const xorByte = (i: number, b: number): void => {
		s[i >> 2] ^= b << ((i & 3) * 8);
	};
	let pos = 0;
	for (const b of bytes) {
		xorByte(pos++, b);
		if (pos === RATE) {
			permute(s);
			pos = 0;
		}
	}
	xorByte(pos, 0x01);
	xorByte(RATE - 1, 0x80);
	permute(s);
	const out = new Uint8Array(32);
	for (let i = 0; i < 32; i++) out[i] = (s[i >> 2] >>> ((i & 3) * 8)) & 0xff;
	return out;
}

// A CID as the base32 CIDv1 a subdomain gateway's DNS label holds, without multiformats (~4 KB gzip
// on the first load, where the shared-origin warning is drawn). Parses what multiformats' CID.parse
// does without a decoder: CIDv0 (Qm…, base58btc) and CIDv1 in base58btc (z…), base32 (b…) or base36
// (k…); test/unit/web/origin.test.ts checks the result against multiformats.

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const B32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Big-number base decoding (base58btc, base36: leading zero digits are zero bytes). */
function decodeBaseX(text: string, alphabet: string): Uint8Array {
	const base = alphabet.length;
	const bytes: number[] = [];
	for (const ch of text) {
		let carry = alphabet.indexOf(ch);
		if (carry < 0) throw new Error(`not base${base}: ${ch}`);
		for (let i = 0; i < bytes.length; i++) {
			carry += bytes[i] * base;
			bytes[i] = carry & 0xff;
			carry >>= 8;
		}
		for (; carry > 0; carry >>= 8) bytes.push(carry & 0xff);
	}
	for (let i = 0; i < text.length && text[i] === alphabet[0]; i++) bytes.push(0);
	return Uint8Array.from(bytes.reverse());
}

/** RFC 4648 base32, lower case, no padding. */
function decodeBase32(text: string): Uint8Array {
	const out: number[] = [];
	let bits = 0;
	let value = 0;
	for (const ch of text) {
		const v = B32.indexOf(ch);
		if (v < 0) throw new Error(`not base32: ${ch}`);
		value = (value << 5) | v;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			out.push((value >> bits) & 0xff);
		}
	}
	// As multiformats: leftover bits must be fewer than one character's and all zero.
	if (bits >= 5 || (value & ((1 << bits) - 1)) !== 0) throw new Error('base32 ends mid-byte');
	return Uint8Array.from(out);
}

function encodeBase32(bytes: Uint8Array): string {
	let out = '';
	let bits = 0;
	let value = 0;
	for (const b of bytes) {
		value = (value << 8) | b;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			out += B32[(value >> bits) & 31];
		}
	}
	if (bits > 0) out += B32[(value << (5 - bits)) & 31];
	return out;
}

/** Reads an unsigned varint at `at`; returns [value, next offset]. */
function varint(bytes: Uint8Array, at: number): [number, number] {
	let value = 0;
	for (let shift = 0; shift < 35; shift += 7) {
		if (at >= bytes.length) throw new Error('truncated varint');
		const b = bytes[at++];
		value += (b & 0x7f) * 2 ** shift;
		if (!(b & 0x80)) return [value, at];
	}
	throw new Error('varint too long');
}

/** Checks `bytes` from `at` is one multihash (code, length, digest) and nothing more. */
function checkMultihash(bytes: Uint8Array, at: number): void {
	const [, afterCode] = varint(bytes, at);
	const [length, digestAt] = varint(bytes, afterCode);
	if (digestAt + length !== bytes.length) throw new Error('multihash length does not match');
}

/** The CIDv1 base32 string of `cid`; throws on anything that is not a CID. */
export function cidV1Base32(cid: string): string {
	let v1: Uint8Array;
	if (cid.startsWith('Qm')) {
		const multihash = decodeBaseX(cid, B58);
		if (multihash.length !== 34 || multihash[0] !== 0x12 || multihash[1] !== 0x20) throw new Error('not a CIDv0');
		// CIDv0 is dag-pb (0x70) with a sha2-256 multihash: the same CID in v1 form.
		v1 = Uint8Array.from([0x01, 0x70, ...multihash]);
	} else {
		const body = cid.slice(1);
		v1 = cid[0] === 'b' ? decodeBase32(body) : cid[0] === 'z' ? decodeBaseX(body, B58) : cid[0] === 'k' ? decodeBaseX(body, B36) : new Uint8Array();
		const [version, afterVersion] = varint(v1, 0);
		if (version !== 1) throw new Error('not a CIDv1');
		const [, afterCodec] = varint(v1, afterVersion);
		checkMultihash(v1, afterCodec);
	}
	return `b${encodeBase32(v1)}`;
}

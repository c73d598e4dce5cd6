// CID checks with multiformats: is this string a CID, and do these bytes match it?
// Only raw-codec CIDs (a whole small file as one block) are checked byte-for-byte here; a
// dag-pb (UnixFS) CID would need the CAR walk, which we skip for small app files.
import { CID } from 'multiformats/cid';
import * as raw from 'multiformats/codecs/raw';
import { sha256 } from 'multiformats/hashes/sha2';

export function parseCid(text: string): CID | null {
	try {
		return CID.parse(text.trim());
	} catch {
		return null;
	}
}

export function isRawCid(cid: CID): boolean {
	return cid.code === raw.code && cid.multihash.code === sha256.code;
}

/** True if `bytes` hash to `cid` (raw + sha2-256 only); null when this kind of CID is not checkable. */
export async function verifyBytes(cid: CID, bytes: Uint8Array): Promise<boolean | null> {
	if (!isRawCid(cid)) return null;
	const digest = await sha256.digest(bytes);
	const expected = cid.multihash.digest;
	if (digest.digest.length !== expected.length) return false;
	return digest.digest.every((b, i) => b === expected[i]);
}

/** The raw CIDv1 of some bytes, as the upload endpoint produces for a one-block file. */
export async function rawCidOf(bytes: Uint8Array): Promise<string> {
	return CID.createV1(raw.code, await sha256.digest(bytes)).toString();
}

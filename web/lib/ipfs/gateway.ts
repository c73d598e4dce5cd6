// Reads from the configured IPFS path gateway, with a timeout, a clear "not found" message, and a
// hash check for raw CIDs (fetched as trustless raw blocks so the bytes are exactly the block).
import { getConfig } from '$lib/config';
import { IpfsError } from './upload';
import { isRawCid, parseCid, verifyBytes } from './verify';

export interface FetchOptions {
	timeoutMs?: number;
	signal?: AbortSignal;
}

/** Public URL of a CID on the configured gateway (for <img src> and links). */
export function gatewayUrl(cid: string, path = ''): string {
	return `${getConfig().ipfs.gateway}/ipfs/${cid}${path}`;
}

/** Fetches and (for raw CIDs) verifies the bytes behind a CID. */
export async function fetchBytes(cidText: string, opts: FetchOptions = {}): Promise<Uint8Array> {
	const cid = parseCid(cidText);
	if (!cid) throw new IpfsError(`"${cidText}" is not a valid IPFS content id`);
	const timeoutMs = opts.timeoutMs ?? 15_000;
	const timeout = AbortSignal.timeout(timeoutMs);
	const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
	const raw = isRawCid(cid);
	const url = raw ? `${gatewayUrl(cid.toString())}?format=raw` : gatewayUrl(cid.toString());
	let res: Response;
	try {
		res = await fetch(url, { signal, headers: raw ? { Accept: 'application/vnd.ipld.raw' } : {} });
	} catch (e) {
		if (timeout.aborted)
			throw new IpfsError(`The content ${short(cidText)} could not be found on IPFS within ${Math.round(timeoutMs / 1000)} s`, { cause: e });
		if (opts.signal?.aborted) throw e;
		throw new IpfsError(`Cannot reach the IPFS gateway at ${getConfig().ipfs.gateway}`, { cause: e });
	}
	if (res.status === 404 || res.status === 410) throw new IpfsError(`The content ${short(cidText)} is not available on IPFS`);
	if (res.status === 504) throw new IpfsError(`The content ${short(cidText)} could not be found on IPFS in time`);
	if (!res.ok) throw new IpfsError(`The IPFS gateway answered HTTP ${res.status} for ${short(cidText)}`);
	const bytes = new Uint8Array(await res.arrayBuffer());
	const ok = await verifyBytes(cid, bytes);
	if (ok === false) throw new IpfsError(`The gateway returned content that does not match ${short(cidText)}; it was rejected`);
	return bytes;
}

/** Fetches a UTF-8 text file (a charter). */
export async function fetchText(cid: string, opts: FetchOptions = {}): Promise<string> {
	return new TextDecoder().decode(await fetchBytes(cid, opts));
}

function short(cid: string): string {
	return cid.length > 16 ? `${cid.slice(0, 8)}…${cid.slice(-6)}` : cid;
}

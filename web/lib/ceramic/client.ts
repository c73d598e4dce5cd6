// The only place that constructs a Ceramic client. Everything Ceramic-specific stays in this
// folder so the app can move to @ceramic-sdk (ceramic-one) by rewriting these files alone.
import type { CeramicClient } from '@ceramicnetwork/http-client';
import { getConfig } from '$lib/config';

let clientPromise: Promise<CeramicClient> | null = null;

/** The shared Ceramic HTTP client (lazy: ~200 KB gzip, loaded only on pages that need it). */
export function getCeramic(): Promise<CeramicClient> {
	if (!clientPromise) {
		clientPromise = import('@ceramicnetwork/http-client').then(({ CeramicClient }) => new CeramicClient(getConfig().ceramic.url));
		clientPromise.catch(() => {
			clientPromise = null;
		});
	}
	return clientPromise;
}

export class CeramicError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'CeramicError';
	}
}

/** A plain sentence for a failed Ceramic call. */
export function describeCeramicError(e: unknown): string {
	if (e instanceof CeramicError) return e.message;
	const msg = e instanceof Error ? e.message : String(e);
	const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
	if (code === 4001 || /user rejected|user denied|rejected the request/i.test(msg)) return 'You rejected the signature in your wallet';
	if (e instanceof TypeError || /failed to fetch|networkerror|fetch failed|ECONNREFUSED/i.test(msg))
		return `Cannot reach Ceramic at ${getConfig().ceramic.url}`;
	return `Ceramic refused the request: ${msg}`;
}

/** did:pkh id of an Ethereum account on the configured chain (lower-case, as did-session makes it). */
export function pkhDid(address: string, chainId: number = getConfig().chain.id): string {
	return `did:pkh:eip155:${chainId}:${address.toLowerCase()}`;
}

/** The address inside a did:pkh:eip155 id, or null for any other DID. */
export function addressFromDid(did: string): `0x${string}` | null {
	const m = /^did:pkh:eip155:\d+:(0x[0-9a-fA-F]{40})$/.exec(did);
	return m ? (m[1]!.toLowerCase() as `0x${string}`) : null;
}

// The shared Ceramic client, signed in as the connected wallet's did-session, for writes.
// One SIWE signature per session (see ./session); later writes in the session sign with its key.
import type { CeramicClient } from '@ceramicnetwork/http-client';
import type { EIP1193Provider } from 'viem';
import { getCeramic } from './client';
import { getSession } from './session';

export async function signedInCeramic(provider: EIP1193Provider, address: string): Promise<CeramicClient> {
	const [session, ceramic] = await Promise.all([getSession(provider, address), getCeramic()]);
	ceramic.did = session.did;
	return ceramic;
}

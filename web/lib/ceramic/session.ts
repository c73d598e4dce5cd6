// did-session in the browser: one SIWE signature gives a session key allowed to write the app's
// models as did:pkh:eip155:<chainId>:<address>. did-session keeps the session in IndexedDB, so a
// reload within its lifetime needs no new signature.
import type { DIDSession } from 'did-session';
import type { EIP1193Provider } from 'viem';
import { getConfig } from '$lib/config';
import { CeramicError } from './client';

const sessions = new Map<string, DIDSession>();

/** Resources the session may write: every document of the app's models. */
export function sessionResources(): string[] {
	return Object.values(getConfig().ceramic.models).map((model) => `ceramic://*?model=${model}`);
}

/**
 * The session for `address`, asking the wallet to sign in only when no valid one is stored.
 * The wallet must be on the configured chain: the DID embeds the chain id.
 */
export async function getSession(provider: EIP1193Provider, address: string): Promise<DIDSession> {
	const key = address.toLowerCase();
	const cached = sessions.get(key);
	if (cached && !cached.isExpired && cached.isAuthorized(sessionResources())) return cached;

	const walletChain = Number.parseInt(String(await provider.request({ method: 'eth_chainId' })), 16);
	const { chain } = getConfig();
	if (walletChain !== chain.id) throw new CeramicError(`Switch your wallet to ${chain.name} (chain ${chain.id}) before saving your profile`);

	const [{ DIDSession }, { EthereumWebAuth, getAccountId }] = await Promise.all([import('did-session'), import('@didtools/pkh-ethereum')]);
	const accountId = await getAccountId(provider, address);
	const authMethod = await EthereumWebAuth.getAuthMethod(provider, accountId);
	const session = await DIDSession.get(accountId, authMethod, { resources: sessionResources(), expiresInSecs: 7 * 24 * 3600 });
	sessions.set(key, session);
	return session;
}

/** Forget the cached session (e.g. on disconnect). */
export function clearSession(address: string): void {
	sessions.delete(address.toLowerCase());
}

// viem clients built from config.json. This module (and everything under chain/) is reached only
// through dynamic imports from pages, so viem never sits in the first-load bundle; static named
// imports here let the bundler tree-shake viem (a dynamic import('viem') would pull all of it).
import {
	createPublicClient,
	createWalletClient,
	custom,
	defineChain,
	http,
	type Account,
	type Address,
	type Chain,
	type EIP1193Provider,
	type PublicClient,
	type Transport,
	type WalletClient
} from 'viem';
import { getConfig } from '$lib/config';
import { presetFor } from '$lib/config/presets';

let chainPromise: Promise<Chain> | null = null;
let publicPromise: Promise<PublicClient> | null = null;

/** The viem chain described by config.json. */
export function getChain(): Promise<Chain> {
	if (!chainPromise) {
		chainPromise = (async () => {
			const { chain } = getConfig();
			const preset = presetFor(chain);
			return defineChain({
				id: chain.id,
				name: preset.name,
				nativeCurrency: preset.nativeCurrency,
				rpcUrls: { default: { http: [chain.rpcUrl] } },
				blockExplorers: preset.blockExplorer ? { default: { name: 'Explorer', url: preset.blockExplorer } } : undefined,
				testnet: preset.testnet
			});
		})();
	}
	return chainPromise;
}

/** One shared public client (JSON-RPC batching on: anvil and public RPCs accept batches). */
export function getPublicClient(): Promise<PublicClient> {
	if (!publicPromise) {
		publicPromise = (async () => {
			const chain = await getChain();
			return createPublicClient({
				chain,
				transport: http(getConfig().chain.rpcUrl, { batch: { wait: 10 }, retryCount: 1, timeout: 15_000 })
			});
		})();
		publicPromise.catch(() => {
			publicPromise = null;
		});
	}
	return publicPromise;
}

export type ConnectedWalletClient = WalletClient<Transport, Chain, Account>;

/** A wallet client over the connected wallet's EIP-1193 provider, acting as `account`. */
export async function getWalletClient(provider: EIP1193Provider, account: Address): Promise<ConnectedWalletClient> {
	const chain = await getChain();
	return createWalletClient({ account, chain, transport: custom(provider) });
}

/** Test hook: drop cached clients after the config changes. */
export function resetClients(): void {
	chainPromise = null;
	publicPromise = null;
}

// Known networks: what a wallet needs to add a chain it does not know (wallet_addEthereumChain).
// config.json names the chain id; these fill in currency and explorer details.

export interface NetworkPreset {
	id: number;
	name: string;
	nativeCurrency: { name: string; symbol: string; decimals: number };
	/** Default public RPC; config.json's rpcUrl always wins. */
	rpcUrl: string;
	blockExplorer: string | null;
	testnet: boolean;
}

export const NETWORK_PRESETS: Readonly<Record<number, NetworkPreset>> = {
	31337: {
		id: 31337,
		name: 'Local anvil',
		nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
		rpcUrl: 'http://127.0.0.1:8545',
		blockExplorer: null,
		testnet: true
	},
	11155111: {
		id: 11155111,
		name: 'Sepolia',
		nativeCurrency: { name: 'Sepolia Ether', symbol: 'ETH', decimals: 18 },
		rpcUrl: 'https://rpc.sepolia.org',
		blockExplorer: 'https://sepolia.etherscan.io',
		testnet: true
	},
	84532: {
		id: 84532,
		name: 'Base Sepolia',
		nativeCurrency: { name: 'Sepolia Ether', symbol: 'ETH', decimals: 18 },
		rpcUrl: 'https://sepolia.base.org',
		blockExplorer: 'https://sepolia.basescan.org',
		testnet: true
	},
	10: {
		id: 10,
		name: 'OP Mainnet',
		nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
		rpcUrl: 'https://mainnet.optimism.io',
		blockExplorer: 'https://optimistic.etherscan.io',
		testnet: false
	}
};

/** The preset for a chain id, or a generic ETH-denominated one built from config. */
export function presetFor(chain: { id: number; name: string; rpcUrl: string; blockExplorer: string | null }): NetworkPreset {
	const known = NETWORK_PRESETS[chain.id];
	return {
		id: chain.id,
		name: chain.name || known?.name || `Chain ${chain.id}`,
		nativeCurrency: known?.nativeCurrency ?? { name: 'Ether', symbol: 'ETH', decimals: 18 },
		rpcUrl: chain.rpcUrl,
		blockExplorer: chain.blockExplorer ?? known?.blockExplorer ?? null,
		testnet: known?.testnet ?? true
	};
}

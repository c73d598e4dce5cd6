// The shape of config.json (served beside index.html). Everything that names an endpoint or an
// address comes from here, so one built site can point at a local stack or a public network.

export type Address = `0x${string}`;

export interface ChainConfig {
	/** EIP-155 chain id the contracts live on. */
	id: number;
	name: string;
	rpcUrl: string;
	/** Base URL of a block explorer, or null when there is none (local chains). */
	blockExplorer: string | null;
}

export interface ContractsConfig {
	unionFactory: Address;
	/** Block the factory was deployed in; log scans start here. */
	deployBlock: number;
	/** Contracts shared by every union; null where a network has not deployed them (the site hides the feature). */
	arbiters: Address | null;
	escrow: Address | null;
	crowdfund: Address | null;
	/** Shared collective-demands contract (Demands.sol); null hides the Demands section. */
	demands: Address | null;
	/** Shared Courses contract (education); null hides the Courses section. */
	courses: Address | null;
}

export interface CeramicConfig {
	url: string;
	/** Stream ids of the Ceramic models the app reads and writes. */
	models: {
		profile: string;
		/** Posts and replies of union feeds (web/lib/social/schema.ts). */
		post?: string;
		reply?: string;
		/** Market listings; absent where a node has not created them (the market hides listings). */
		service?: string;
		job?: string;
		/** Course manifests (web/lib/courses/schema.ts); absent hides publishing. */
		course?: string;
	};
}

export interface IpfsConfig {
	/** Path gateway base, e.g. http://127.0.0.1:8080 (the app appends /ipfs/<cid>). */
	gateway: string;
	/** Kubo-style add endpoint, e.g. http://127.0.0.1:5001/api/v0/add. */
	uploadUrl: string;
}

export interface DemoConfig {
	/** A union to feature on the directory page, if any. */
	union: Address | null;
}

/** A Uniswap V2 deployment (the canonical one on a public chain, the official artifacts locally). */
export interface UniswapConfig {
	factory: Address;
	router: Address;
	weth: Address;
}

/**
 * Gas sponsorship (issue 15): an ERC-4337 bundler endpoint — public infrastructure, any provider — and the
 * EntryPoint v0.8, the shared relay account (the union contracts' ERC-2771 forwarder) and the paymaster.
 */
export interface SponsorshipConfig {
	bundlerUrl: string;
	entryPoint: Address;
	relayAccount: Address;
	paymaster: Address;
}

/**
 * An ERC-7677 paymaster web service for this chain (issue 15): a wallet offering EIP-5792 `paymasterService`
 * calls `pm_getPaymasterStubData` / `pm_getPaymasterData` at `url` itself. Optional; none runs locally (README).
 */
export interface PaymasterServiceConfig {
	url: string;
	/** Passed to the service as ERC-7677's `context` (e.g. a provider's policy id). */
	context: Record<string, unknown> | null;
}

export interface AppConfig {
	chain: ChainConfig;
	contracts: ContractsConfig;
	ceramic: CeramicConfig;
	ipfs: IpfsConfig;
	demo: DemoConfig;
	/** null (or absent) where the network has no Uniswap V2: the swap page says so. */
	uniswap: UniswapConfig | null;
	/** null (or absent) where no paymaster is deployed: members pay their own gas. */
	sponsorship?: SponsorshipConfig | null;
	/** null (or absent) where no ERC-7677 service is named: wallets pay, or our signature relay does. */
	paymasterService?: PaymasterServiceConfig | null;
}

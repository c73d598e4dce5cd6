// The networks `npm run deploy`, `npm run publish` and `npm run ens:set` know by name. One typed
// table: chain id, a default public RPC (env NU_RPC_<NAME> overrides it), explorer, Uniswap V2 and
// ENS where they exist. Mainnets are listed so the table is complete, but every script refuses them
// unless called with --allow-mainnet: real money should never be one typo away.
//
// Sources (checked 2026-11 through the project's offline document store, not live):
// - Uniswap V2 Factory / Router02: Uniswap's own docs, "V2 Deployment Addresses",
//   https://docs.uniswap.org/contracts/v2/reference/smart-contracts/v2-deployments
//   (source file: https://github.com/Uniswap/docs/blob/main/content/protocols/v2/deployments.mdx).
//   That table lists Mainnet, Sepolia, Base and Optimism; it lists NO Uniswap V2 on Base Sepolia or
//   OP Sepolia, so those are null here (a union there deploys its own pair contracts or does without).
// - WETH: the Uniswap V2 page does not list WETH. The deploy script therefore reads `WETH()` from the
//   router on the chain itself and only falls back to this table. Values here: Ethereum's WETH9
//   (https://etherscan.io/token/0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2), and the OP Stack WETH9
//   predeploy 0x4200…0006 on Base and OP Mainnet (@eth-optimism/contracts, L2/predeploys/WETH9) —
//   that address was not confirmed from a stored docs page; `router.WETH()` is authoritative.
// - ENS registry: 0x00000000000C2E074eC69A0dFb2997BA6C7d2e1e on Ethereum mainnet and Sepolia
//   (https://docs.ens.domains/learn/deployments). .eth names resolve from L1; a union on an L2 still
//   names its site on Ethereum mainnet (or Sepolia for a test).
import type { Address } from 'viem';

export type NetworkName = 'local' | 'sepolia' | 'base-sepolia' | 'op-sepolia' | 'ethereum' | 'base' | 'optimism';

export interface UniswapV2 {
  factory: Address;
  router: Address;
  /** Best known WETH; the deploy script prefers `router.WETH()` read from the chain. */
  weth: Address | null;
}

export interface Network {
  name: NetworkName;
  /** Human name for config.json's chain.name. */
  label: string;
  chainId: number;
  /** Default public RPC, used when NU_RPC_<NAME> is unset. */
  rpcUrl: string;
  blockExplorer: string | null;
  mainnet: boolean;
  uniswapV2: UniswapV2 | null;
  /** ENS registry on this chain, or null where ENS is not deployed. */
  ensRegistry: Address | null;
}

const ENS_REGISTRY: Address = '0x00000000000C2E074eC69A0dFb2997BA6C7d2e1e';
const OP_STACK_WETH: Address = '0x4200000000000000000000000000000000000006';

export const NETWORKS: Readonly<Record<NetworkName, Network>> = {
  local: {
    name: 'local',
    label: 'Local chain (anvil)',
    chainId: 31337,
    rpcUrl: 'http://127.0.0.1:8545',
    blockExplorer: null,
    mainnet: false,
    // The local stack deploys its own Uniswap V2 and ENS; their addresses come from its data folder.
    uniswapV2: null,
    ensRegistry: null,
  },
  sepolia: {
    name: 'sepolia',
    label: 'Ethereum Sepolia',
    chainId: 11155111,
    rpcUrl: 'https://ethereum-sepolia-rpc.publicnode.com',
    blockExplorer: 'https://sepolia.etherscan.io',
    mainnet: false,
    uniswapV2: {
      factory: '0xF62c03E08ada871A0bEb309762E260a7a6a880E6',
      router: '0xeE567Fe1712Faf6149d80dA1E6934E354124CfE3',
      weth: null,
    },
    ensRegistry: ENS_REGISTRY,
  },
  'base-sepolia': {
    name: 'base-sepolia',
    label: 'Base Sepolia',
    chainId: 84532,
    rpcUrl: 'https://sepolia.base.org',
    blockExplorer: 'https://sepolia.basescan.org',
    mainnet: false,
    uniswapV2: null,
    ensRegistry: null,
  },
  'op-sepolia': {
    name: 'op-sepolia',
    label: 'OP Sepolia',
    chainId: 11155420,
    rpcUrl: 'https://sepolia.optimism.io',
    blockExplorer: 'https://sepolia-optimism.etherscan.io',
    mainnet: false,
    uniswapV2: null,
    ensRegistry: null,
  },
  ethereum: {
    name: 'ethereum',
    label: 'Ethereum',
    chainId: 1,
    rpcUrl: 'https://ethereum-rpc.publicnode.com',
    blockExplorer: 'https://etherscan.io',
    mainnet: true,
    uniswapV2: {
      factory: '0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f',
      router: '0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D',
      weth: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
    },
    ensRegistry: ENS_REGISTRY,
  },
  base: {
    name: 'base',
    label: 'Base',
    chainId: 8453,
    rpcUrl: 'https://mainnet.base.org',
    blockExplorer: 'https://basescan.org',
    mainnet: true,
    uniswapV2: {
      factory: '0x8909Dc15e40173Ff4699343b6eB8132c65e18eC6',
      router: '0x4752ba5DBc23f44D87826276BF6Fd6b1C372aD24',
      weth: OP_STACK_WETH,
    },
    ensRegistry: null,
  },
  optimism: {
    name: 'optimism',
    label: 'OP Mainnet',
    chainId: 10,
    rpcUrl: 'https://mainnet.optimism.io',
    blockExplorer: 'https://optimistic.etherscan.io',
    mainnet: true,
    uniswapV2: {
      factory: '0x0c3c1c532F1e39EdF36BE9Fe0bE1410313E074Bf',
      router: '0x4A7b5Da61326A6379179b40d00F57E5bbDC962c2',
      weth: OP_STACK_WETH,
    },
    ensRegistry: null,
  },
};

export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** `NU_RPC_BASE_SEPOLIA` for `base-sepolia`. */
export function rpcEnvName(name: NetworkName): string {
  return `NU_RPC_${name.toUpperCase().replaceAll('-', '_')}`;
}

/**
 * Looks a network up by name and applies the RPC override. Throws for an unknown name, and for a
 * mainnet unless `allowMainnet` (the --allow-mainnet flag) is given.
 */
export function resolveNetwork(name: string, opts: { allowMainnet?: boolean; env?: Record<string, string | undefined> } = {}): Network {
  const env = opts.env ?? process.env;
  if (!Object.hasOwn(NETWORKS, name)) {
    throw new NetworkError(`unknown network "${name}"; known: ${Object.keys(NETWORKS).join(', ')}`);
  }
  const network = NETWORKS[name as NetworkName];
  if (network.mainnet && !opts.allowMainnet) {
    throw new NetworkError(`${network.label} is a mainnet: real funds. Re-run with --allow-mainnet if you mean it.`);
  }
  const override = env[rpcEnvName(network.name)];
  if (override) return { ...network, rpcUrl: override };
  // The local chain follows the stack's own port variable, so `--network local` finds a shifted stack.
  if (network.name === 'local' && env.NU_ANVIL_PORT) return { ...network, rpcUrl: `http://127.0.0.1:${env.NU_ANVIL_PORT}` };
  return network;
}

/** Asks the RPC for its chain id; refuses when it is not the network's (a wrong URL must not deploy). */
export async function assertChainId(network: Network, fetchFn: typeof fetch = fetch): Promise<void> {
  let actual: number;
  try {
    const res = await fetchFn(network.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    });
    const body = (await res.json()) as { result?: string; error?: { message: string } };
    if (body.result === undefined) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
    actual = Number.parseInt(body.result, 16);
  } catch (err) {
    throw new NetworkError(`could not ask ${network.rpcUrl} for its chain id: ${(err as Error).message}`);
  }
  if (actual !== network.chainId) {
    throw new NetworkError(`${network.rpcUrl} is chain ${actual}, but ${network.name} is chain ${network.chainId}: refusing to continue`);
  }
}

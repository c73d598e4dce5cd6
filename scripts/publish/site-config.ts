// The config.json a published site reads for one network. Endpoints are configuration, not code:
// each comes from a flag or an environment variable; on the local chain the defaults are the local
// stack's own ports and Ceramic models. Validated with the site's own parser before it is written.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPublicClient, http, isAddress, type Address } from 'viem';
import { parseConfig } from '../../web/lib/config/parse.ts';
import type { AppConfig } from '../../web/lib/config/types.ts';
import { NETWORKS, type Network } from '../networks.ts';
import { stackConfig } from '../stack/config.ts';
import { UsageError } from './args.ts';

/** The deployment record Deploy.s.sol writes, plus what `npm run deploy` adds. */
export interface DeploymentRecord {
  chainId: number;
  unionFactory: Address;
  deployBlock: number;
  implementations?: Record<string, Address>;
  [key: string]: unknown;
}

export type Env = Record<string, string | undefined>;

/** config.json plus the Uniswap V2 addresses of the network, when it has them. */
export type PublishedConfig = AppConfig & { uniswap?: { factory: Address; router: Address; weth: Address } };

const routerWethAbi = [{ type: 'function', name: 'WETH', stateMutability: 'pure', inputs: [], outputs: [{ type: 'address' }] }] as const;

export interface SiteEndpoints {
  rpcUrl: string;
  ceramicUrl: string;
  models: Record<string, string>;
  ipfsGateway: string;
  ipfsUploadUrl: string;
}

function need(value: string | undefined, what: string, variable: string): string {
  if (value) return value;
  throw new UsageError(`${what} is not set: set ${variable} (it goes into the public config.json — no secrets)`);
}

/** Where the site's endpoints come from for `network`. */
export async function siteEndpoints(network: Network, env: Env, dataDir: string): Promise<SiteEndpoints> {
  if (network.name === 'local') {
    const ports = stackConfig(env);
    const models = modelsFromEnv(env) ?? (await readJson<Record<string, string>>(join(dataDir, 'ceramic', 'models.json')));
    if (!models) throw new UsageError(`no Ceramic model ids: ${dataDir}/ceramic/models.json is missing (is \`npm start\` running?) and NU_CERAMIC_MODELS is unset`);
    return {
      rpcUrl: env.NU_SITE_RPC_URL ?? network.rpcUrl,
      ceramicUrl: env.NU_CERAMIC_URL ?? `http://127.0.0.1:${ports.ceramicPort}`,
      models,
      ipfsGateway: env.NU_IPFS_GATEWAY ?? `http://127.0.0.1:${ports.gatewayPort}`,
      ipfsUploadUrl: env.NU_IPFS_UPLOAD_URL ?? `http://127.0.0.1:${ports.ipfsApiPort}/api/v0/add`,
    };
  }
  const models = modelsFromEnv(env);
  if (!models) throw new UsageError('the Ceramic model ids are not set: set NU_CERAMIC_MODELS (JSON, e.g. {"profile":"kjz…"}), the models your Ceramic node indexes');
  return {
    // Members' browsers use this RPC: the default public one, never the deployer's (possibly keyed) override.
    rpcUrl: env.NU_SITE_RPC_URL ?? NETWORKS[network.name].rpcUrl,
    ceramicUrl: need(env.NU_CERAMIC_URL, 'the Ceramic node URL', 'NU_CERAMIC_URL'),
    models,
    ipfsGateway: env.NU_IPFS_GATEWAY ?? 'https://dweb.link',
    ipfsUploadUrl: need(env.NU_IPFS_UPLOAD_URL, 'the IPFS upload endpoint (Kubo-style /api/v0/add)', 'NU_IPFS_UPLOAD_URL'),
  };
}

function modelsFromEnv(env: Env): Record<string, string> | null {
  if (!env.NU_CERAMIC_MODELS) return null;
  try {
    return JSON.parse(env.NU_CERAMIC_MODELS) as Record<string, string>;
  } catch {
    throw new UsageError('NU_CERAMIC_MODELS must be JSON, e.g. {"profile":"kjz…"}');
  }
}

export async function buildSiteConfig(network: Network, deployment: DeploymentRecord, endpoints: SiteEndpoints, env: Env): Promise<PublishedConfig> {
  const demo = env.NU_DEMO_UNION;
  if (demo !== undefined && !isAddress(demo)) throw new UsageError(`NU_DEMO_UNION must be an address, got "${demo}"`);
  const raw = {
    chain: { id: network.chainId, name: network.label, rpcUrl: endpoints.rpcUrl, blockExplorer: network.blockExplorer },
    contracts: { ...extraContracts(deployment), unionFactory: deployment.unionFactory, deployBlock: deployment.deployBlock },
    ceramic: { url: endpoints.ceramicUrl, models: endpoints.models },
    ipfs: { gateway: endpoints.ipfsGateway, uploadUrl: endpoints.ipfsUploadUrl },
    demo: { union: demo ?? null },
  };
  // The site's own validator: a config it would reject must never be published.
  parseConfig(raw);
  const config = raw as PublishedConfig;
  if (network.uniswapV2) config.uniswap = { ...network.uniswapV2, weth: await wethOf(network) };
  return config;
}

/** Other top-level contract addresses a later Deploy.s.sol block records (e.g. escrow). */
function extraContracts(deployment: DeploymentRecord): Record<string, Address> {
  const out: Record<string, Address> = {};
  for (const [key, value] of Object.entries(deployment)) {
    if (typeof value === 'string' && isAddress(value) && key !== 'unionFactory') out[key] = value;
  }
  return out;
}

/** WETH as the router itself names it; the table's value only when the chain cannot be asked. */
async function wethOf(network: Network): Promise<Address> {
  const uni = network.uniswapV2;
  if (!uni) throw new Error('no Uniswap V2 on this network');
  try {
    const client = createPublicClient({ transport: http(network.rpcUrl) });
    return await client.readContract({ address: uni.router, abi: routerWethAbi, functionName: 'WETH' });
  } catch (err) {
    if (uni.weth) return uni.weth;
    throw new Error(`could not read WETH() from the Uniswap V2 router ${uni.router}: ${(err as Error).message}`);
  }
}

export async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

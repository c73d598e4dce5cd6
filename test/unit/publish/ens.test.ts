// Local ENS end to end, with real anvil and IPFS processes: ENS's own compiled registry and resolver
// are deployed, the demo name's contenthash points at a site, the gateway serves
// `<name>.eth.localhost` from it and follows a change; networks refuse a mismatched chain id.
import '../stack/helpers.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPublicClient, http, namehash, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contenthashResolverAbi, readContenthash } from '../../../scripts/lib/ens.ts';
import { assertChainId, resolveNetwork } from '../../../scripts/networks.ts';
import { LOCAL_DEPLOYER } from '../../../scripts/stack/deploy.ts';
import { ensureLocalEns } from '../../../scripts/stack/ens.ts';
import { addFiles, addFolderViaApi } from '../../../scripts/stack/ipfs/client.ts';
import { startAnvil, startIpfs, type AnvilHandle, type IpfsHandle } from '../../../scripts/stack/processes.ts';
import { httpGet, tempDataDir } from '../stack/helpers.ts';
import { testPort } from '../ports.ts';

const PORTS = {
  NU_ANVIL_PORT: testPort(18547),
  NU_GATEWAY_PORT: testPort(18481),
  NU_IPFS_API_PORT: testPort(15402),
  NU_IPFS_SWARM_PORT: testPort(14403),
  NU_IPFS_WS_PORT: testPort(14404),
};

let data: Awaited<ReturnType<typeof tempDataDir>>;
let anvil: AnvilHandle;
let ipfs: IpfsHandle;
let siteCid: string;

beforeAll(async () => {
  data = await tempDataDir('ens');
  const env = { ...PORTS, NU_DATA_DIR: data.dir, NU_GATEWAY_TIMEOUT_MS: '3000' };
  [anvil, ipfs] = await Promise.all([startAnvil(env, { timeoutMs: 120_000 }), startIpfs(env, { timeoutMs: 120_000 })]);
  const site = join(data.dir, 'site');
  await mkdir(site, { recursive: true });
  await writeFile(join(site, 'index.html'), '<!doctype html><h1>Translators</h1>');
  siteCid = await addFolderViaApi(ipfs.apiUrl, site);
});

afterAll(async () => {
  await Promise.all([ipfs?.stop(), anvil?.stop()]);
  await data?.remove();
});

const host = (name: string): Record<string, string> => ({ Host: `${name}.localhost:${PORTS.NU_GATEWAY_PORT}` });

describe('local ENS', () => {
  it('deploys the npm artifacts, registers translators.eth and sets its contenthash to the site', async () => {
    const ens = await ensureLocalEns({ rpcUrl: anvil.rpcUrl, dataDir: data.dir, owner: LOCAL_DEPLOYER, cid: siteCid });
    expect(ens.name).toBe('translators.eth');
    const client = createPublicClient({ transport: http(anvil.rpcUrl) }) as PublicClient;
    expect(await readContenthash(client, ens.registry, 'translators.eth')).toBe(siteCid);
    // ENSIP-7 bytes: 0xe3 (ipfs-ns) 0x01 (CIDv1) 0x70 (dag-pb)…
    const raw = await client.readContract({ address: ens.resolver, abi: contenthashResolverAbi, functionName: 'contenthash', args: [namehash('translators.eth')] });
    expect(raw.startsWith('0xe30101')).toBe(true);
  });

  it('is idempotent: a second run reuses the contracts and sends nothing', async () => {
    const client = createPublicClient({ transport: http(anvil.rpcUrl) }) as PublicClient;
    const first = await ensureLocalEns({ rpcUrl: anvil.rpcUrl, dataDir: data.dir, owner: LOCAL_DEPLOYER, cid: siteCid });
    const nonce = await client.getTransactionCount({ address: LOCAL_DEPLOYER });
    const second = await ensureLocalEns({ rpcUrl: anvil.rpcUrl, dataDir: data.dir, owner: LOCAL_DEPLOYER, cid: siteCid });
    expect(second.registry).toBe(first.registry);
    expect(await client.getTransactionCount({ address: LOCAL_DEPLOYER })).toBe(nonce);
  });

  it('the gateway serves http://translators.eth.localhost:<port>/ from the contenthash', async () => {
    const res = await httpGet(`${ipfs.gatewayUrl}/`, host('translators.eth'));
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('<h1>Translators</h1>');
    expect(res.headers['x-ipfs-path']).toBe(`/ipfs/${siteCid}/`);
  });

  it('follows a new contenthash on the next request', async () => {
    const [other] = (await addFiles(ipfs.apiUrl, [{ path: 'index.html', content: '<h1>v2</h1>' }])).slice(-1);
    await ensureLocalEns({ rpcUrl: anvil.rpcUrl, dataDir: data.dir, owner: LOCAL_DEPLOYER, cid: other.Hash });
    const res = await httpGet(`${ipfs.gatewayUrl}/`, host('translators.eth'));
    expect(res.body.toString()).toContain('<h1>v2</h1>');
  });

  it('answers 404 for a name without a contenthash', async () => {
    const res = await httpGet(`${ipfs.gatewayUrl}/`, host('nobody.eth'));
    expect(res.status).toBe(404);
    expect(res.body.toString()).toContain('nobody.eth has no IPFS contenthash');
  });
});

describe('networks', () => {
  it('refuses a mainnet without --allow-mainnet and an unknown name', () => {
    expect(() => resolveNetwork('base')).toThrow(/--allow-mainnet/);
    expect(resolveNetwork('base', { allowMainnet: true }).chainId).toBe(8453);
    expect(() => resolveNetwork('basse')).toThrow(/unknown network/);
  });

  it('takes the RPC from NU_RPC_<NAME>', () => {
    expect(resolveNetwork('base-sepolia', { env: { NU_RPC_BASE_SEPOLIA: 'http://rpc.example' } }).rpcUrl).toBe('http://rpc.example');
  });

  it('accepts the local chain and refuses an RPC whose chain id is not the network’s', async () => {
    await expect(assertChainId(resolveNetwork('local', { env: { NU_RPC_LOCAL: anvil.rpcUrl } }))).resolves.toBeUndefined();
    await expect(assertChainId(resolveNetwork('sepolia', { env: { NU_RPC_SEPOLIA: anvil.rpcUrl } }))).rejects.toThrow(/is chain 31337, but sepolia is chain 11155111/);
  });
});

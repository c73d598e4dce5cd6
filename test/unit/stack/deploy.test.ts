// The deploy script against a real anvil: every contract gets code, a second run deploys nothing, and a
// contract missing from the record (a feature added after the first deployment) is the only one deployed.
import './helpers.ts';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRpcProvider } from '../../../scripts/stack/ceramic/eip1193.ts';
import { StaleDeploymentError, buildFingerprint, deployLocal, type Deployment } from '../../../scripts/stack/deploy.ts';
import { startAnvil, type AnvilHandle } from '../../../scripts/stack/processes.ts';
import { projectRoot } from '../../../scripts/lib/tools.ts';
import { testPort } from '../ports.ts';

// forge may only write under ./.data (foundry.toml fs_permissions), so the data folder lives there.
let dataDir: string;
let anvil: AnvilHandle;

beforeAll(async () => {
  dataDir = await mkdtemp(join(projectRoot, '.data', 'deploy-test-'));
  anvil = await startAnvil({ NU_DATA_DIR: dataDir, NU_ANVIL_PORT: testPort(18347) });
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function codeSize(address: string): Promise<number> {
  const code = (await jsonRpcProvider(anvil.rpcUrl).request({ method: 'eth_getCode', params: [address, 'latest'] })) as string;
  return (code.length - 2) / 2;
}

const shared = ['unionFactory', 'arbiters', 'escrow', 'crowdfund', 'demands', 'courses'] as const;

describe('deploy script', () => {
  let first: Deployment;

  it('deploys the factory, its implementations and the shared feature contracts', async () => {
    first = await deployLocal(anvil.rpcUrl, dataDir, anvil.chainId);
    for (const name of shared) expect(await codeSize(first[name]), name).toBeGreaterThan(0);
    for (const [name, impl] of Object.entries(first.implementations)) expect(await codeSize(impl), name).toBeGreaterThan(0);
    expect(new Set(shared.map((n) => first[n].toLowerCase())).size).toBe(shared.length);
  }, 120_000);

  it('deploys nothing on a second run', async () => {
    const rpc = jsonRpcProvider(anvil.rpcUrl);
    const before = await rpc.request({ method: 'eth_blockNumber' });
    const again = await deployLocal(anvil.rpcUrl, dataDir, anvil.chainId);
    expect(again).toEqual(first);
    expect(await rpc.request({ method: 'eth_blockNumber' })).toBe(before);
  }, 120_000);

  it('records the build it deployed, and refuses a chain deployed from another build', async () => {
    const fingerprintFile = join(dataDir, 'deployments', 'build.sha256');
    expect(await readFile(fingerprintFile, 'utf8')).toBe(await buildFingerprint());
    const rpc = jsonRpcProvider(anvil.rpcUrl);
    const before = await rpc.request({ method: 'eth_blockNumber' });
    await writeFile(fingerprintFile, 'a different build');
    await expect(deployLocal(anvil.rpcUrl, dataDir, anvil.chainId)).rejects.toBeInstanceOf(StaleDeploymentError);
    await expect(deployLocal(anvil.rpcUrl, dataDir, anvil.chainId)).rejects.toThrow('npm run reset');
    expect(await rpc.request({ method: 'eth_blockNumber' })).toBe(before);
    // A record from before builds were fingerprinted is just as unknown.
    await rm(fingerprintFile);
    await expect(deployLocal(anvil.rpcUrl, dataDir, anvil.chainId)).rejects.toBeInstanceOf(StaleDeploymentError);
    await writeFile(fingerprintFile, await buildFingerprint());
  }, 120_000);

  it('deploys only what the record lacks', async () => {
    const file = join(dataDir, 'deployments', `${anvil.chainId}.json`);
    const record = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    delete record.crowdfund;
    await writeFile(file, JSON.stringify(record));
    const next = await deployLocal(anvil.rpcUrl, dataDir, anvil.chainId);
    expect(next.crowdfund).not.toBe(first.crowdfund);
    expect(await codeSize(next.crowdfund)).toBeGreaterThan(0);
    expect({ ...next, crowdfund: first.crowdfund }).toEqual(first);
  }, 120_000);
});

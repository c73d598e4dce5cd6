// The publish tools as a user runs them (`npm run deploy` / `npm run ens:set`), against a real anvil:
// `--network local` deploys exactly as a testnet would, re-running deploys nothing, a mismatched
// chain id is refused before anything is sent, and ens:set's forge script sets the contenthash.
import '../stack/helpers.ts';
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createPublicClient, http, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContenthash } from '../../../scripts/lib/ens.ts';
import { projectRoot } from '../../../scripts/lib/tools.ts';
import { LOCAL_DEPLOYER } from '../../../scripts/stack/deploy.ts';
import { ensureLocalEns } from '../../../scripts/stack/ens.ts';
import { startAnvil, type AnvilHandle } from '../../../scripts/stack/processes.ts';
import { parseConfig } from '../../../web/lib/config/parse.ts';
import { testPort } from '../ports.ts';

const ANVIL_PORT = testPort(18548);
const SITE_CID = 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi';

// Inside ./.data: forge may write deployment records only there and in ./deployments (foundry.toml).
const data = { dir: join(projectRoot, '.data', `cli-test-${process.pid}`) };
let anvil: AnvilHandle;
let client: PublicClient;

/** `npm run <script> -- <args>` with the test's environment; resolves with exit code and output. */
function npmRun(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const { NU_DEPLOYER_KEY: _k, PRIVATE_KEY: _p, ...base } = process.env;
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: projectRoot,
      env: { ...base, NU_DATA_DIR: data.dir, NU_ANVIL_PORT: ANVIL_PORT, NU_CERAMIC_MODELS: '{"profile":"kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god9"}', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

beforeAll(async () => {
  await rm(data.dir, { recursive: true, force: true });
  await mkdir(data.dir, { recursive: true });
  anvil = await startAnvil({ NU_DATA_DIR: data.dir, NU_ANVIL_PORT: ANVIL_PORT }, { timeoutMs: 120_000 });
  client = createPublicClient({ transport: http(anvil.rpcUrl) }) as PublicClient;
});

afterAll(async () => {
  await anvil?.stop();
  await rm(data.dir, { recursive: true, force: true });
});

describe('npm run deploy', { timeout: 300_000 }, () => {
  it('--network local deploys with forge script and writes the record and the site config', async () => {
    const { code, out } = await npmRun('deploy', ['--network', 'local']);
    expect(code, out).toBe(0);
    const record = JSON.parse(await readFile(join(data.dir, 'deployments', '31337.json'), 'utf8')) as Record<string, unknown>;
    const factory = record.unionFactory as `0x${string}`;
    expect(await client.getCode({ address: factory })).toMatch(/^0x[0-9a-f]{10,}/);
    expect(record.network).toBe('local');
    expect(record.commit).toMatch(/^[0-9a-f]{40}(-dirty)?$/);
    expect((record.blocks as Record<string, number>).unionFactory).toBeGreaterThan(0);
    const config = parseConfig(JSON.parse(await readFile(join(data.dir, 'deployments', '31337.config.json'), 'utf8')));
    expect(config.chain).toMatchObject({ id: 31337, rpcUrl: anvil.rpcUrl });
    expect(config.contracts.unionFactory).toBe(factory);
  });

  it('is idempotent: a second run sends no transaction and keeps the factory', async () => {
    const before = await client.getTransactionCount({ address: LOCAL_DEPLOYER });
    const record = await readFile(join(data.dir, 'deployments', '31337.json'), 'utf8');
    const { code, out } = await npmRun('deploy', ['--network', 'local']);
    expect(code, out).toBe(0);
    expect(out).toContain('already deployed');
    expect(await client.getTransactionCount({ address: LOCAL_DEPLOYER })).toBe(before);
    expect(JSON.parse(await readFile(join(data.dir, 'deployments', '31337.json'), 'utf8')).unionFactory).toBe(JSON.parse(record).unionFactory);
  });

  it('refuses an RPC whose chain id is not the network’s, before forge runs', async () => {
    const { code, out } = await npmRun('deploy', ['--network', 'sepolia'], { NU_RPC_SEPOLIA: anvil.rpcUrl, NU_DEPLOYER_KEY: '0x01' });
    expect(code).toBe(1);
    expect(out).toContain('is chain 31337, but sepolia is chain 11155111');
    expect(out).not.toContain('forge script');
  });
});

describe('npm run ens:set', { timeout: 300_000 }, () => {
  it('sets the contenthash on the local ENS through the forge script and prints the eth.limo URL', async () => {
    const ens = await ensureLocalEns({ rpcUrl: anvil.rpcUrl, dataDir: data.dir, owner: LOCAL_DEPLOYER, cid: 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy' });
    const { code, out } = await npmRun('ens:set', ['translators.eth', '--cid', SITE_CID, '--network', 'local']);
    expect(code, out).toBe(0);
    expect(out).toContain('https://translators.eth.limo/');
    expect(await readContenthash(client, ens.registry, 'translators.eth')).toBe(SITE_CID);
  });
});

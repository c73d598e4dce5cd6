// Deploys the contracts to the local chain with the same forge script a real network uses
// (contracts/script/Deploy.s.sol), signing with anvil's unlocked first account so no key is in code.
// The record goes to the stack's data folder: a wiped chain must not leave stale addresses behind.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Address } from 'viem';
import { contractNames } from '../abi/generate.ts';
import { forgeBin, projectRoot } from '../lib/tools.ts';

export interface Deployment {
  chainId: number;
  unionFactory: Address;
  deployBlock: number;
  implementations: Record<string, Address>;
  arbiters: Address;
  escrow: Address;
  crowdfund: Address;
  demands: Address;
  courses: Address;
  /** Sponsorship (issue 15): zero addresses when deployed without an EntryPoint. */
  entryPoint: Address;
  relayAccount: Address;
  paymaster: Address;
}

/** anvil's first deterministic account, which the local stack deploys and founds the demo with. */
export const LOCAL_DEPLOYER: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

/**
 * The local chain was deployed from other contract code than this checkout's build (or before builds
 * were fingerprinted): its contracts no longer match the app's ABIs, so the stack refuses to run on it.
 */
export class StaleDeploymentError extends Error {
  constructor(dataDir: string) {
    super(
      `The contracts changed since the local chain in ${dataDir} was deployed, so the site's ABIs no longer match it. ` +
        'Run `npm run reset` (it wipes the local chain, Ceramic and IPFS data) and then `npm start` again.',
    );
    this.name = 'StaleDeploymentError';
  }
}

/** sha256 over the creation bytecode of every contract the deploy script deploys, from forge's out/. */
export async function buildFingerprint(outDir = join(projectRoot, 'out')): Promise<string> {
  const hash = createHash('sha256');
  for (const name of contractNames) {
    const artifact = JSON.parse(await readFile(join(outDir, `${name}.sol`, `${name}.json`), 'utf8')) as { bytecode?: { object?: string } };
    hash.update(`${name}:${artifact.bytecode?.object ?? ''}\n`);
  }
  return hash.digest('hex');
}

/** Stake the local paymaster puts in the EntryPoint (ERC-7562 lets a staked paymaster read union storage). */
export const PAYMASTER_STAKE_WEI = 10n ** 18n;

export async function deployLocal(rpcUrl: string, dataDir: string, chainId: number, entryPoint?: Address): Promise<Deployment> {
  const deploymentsDir = join(dataDir, 'deployments');
  await mkdir(deploymentsDir, { recursive: true });
  // The deploy script keeps every recorded contract that has code, so after a contract change it would
  // keep the old one; a fingerprint of the build that deployed this chain tells the two apart.
  const file = join(deploymentsDir, `${chainId}.json`);
  const fingerprintFile = join(deploymentsDir, 'build.sha256');
  const fingerprint = await buildFingerprint();
  if (await exists(file)) {
    // A record without a fingerprint predates them: its build is unknown, so it counts as another one.
    const recorded = await readFile(fingerprintFile, 'utf8').catch(() => null);
    if (recorded?.trim() !== fingerprint) throw new StaleDeploymentError(dataDir);
  }
  // --slow: one transaction at a time, each after the previous is mined. Sent all at once, a dropped
  // one left the rest queued behind a nonce gap on anvil and forge waiting forever.
  const args = ['script', 'contracts/script/Deploy.s.sol', '--rpc-url', rpcUrl, '--broadcast', '--slow', '--unlocked', '--sender', LOCAL_DEPLOYER];
  const sponsorEnv: Record<string, string> = entryPoint
    ? { ENTRY_POINT: entryPoint, PAYMASTER_STAKE_WEI: String(PAYMASTER_STAKE_WEI), PAYMASTER_UNSTAKE_DELAY: '86400' }
    : {};
  const output = await runForge(args, { DEPLOYMENTS_DIR: deploymentsDir, ...sponsorEnv });
  let deployment: Deployment;
  try {
    deployment = JSON.parse(await readFile(file, 'utf8')) as Deployment;
  } catch (err) {
    throw new Error(`forge script ran but ${file} was not written (${(err as Error).message}):\n${output}`);
  }
  await writeFile(fingerprintFile, fingerprint);
  return deployment;
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function runForge(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(forgeBin(), args, { cwd: projectRoot, env: withoutKey({ ...process.env, ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // A deployment to a local chain takes seconds; a stuck one must fail the stack, not hang it.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`forge ${args[0]} did not finish within ${FORGE_TIMEOUT_MS / 1000} s:\n${output}`));
    }, FORGE_TIMEOUT_MS);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`forge ${args[0]} failed (exit ${code}):\n${output}`));
    });
  });
}

const FORGE_TIMEOUT_MS = 300_000;

/** A PRIVATE_KEY in the caller's environment would override the unlocked local deployer. */
function withoutKey(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { PRIVATE_KEY: _ignored, ...rest } = env;
  return rest;
}

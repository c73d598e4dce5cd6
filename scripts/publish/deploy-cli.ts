// `npm run deploy -- --network <name> [--account <keystore> | --ledger] [--allow-mainnet]`
// Deploys the contracts with forge script (contracts/script/Deploy.s.sol, idempotent: a recorded
// factory with code is kept), completes deployments/<chainId>.json with the commit, network and the
// block of every contract, and writes deployments/<chainId>.config.json — the config.json the site
// reads for that network. `--network local` is the same path against the local stack's anvil
// (records in the stack's data folder, anvil's unlocked account 0 signs unless a key is given).
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertChainId } from '../networks.ts';
import { projectRoot } from '../lib/tools.ts';
import { parseCommon, requireSigner, UsageError } from './args.ts';
import { configPath, deploymentsDir } from './deploy-paths.ts';
import { forgeScript } from './forge.ts';
import { buildSiteConfig, readJson, siteEndpoints, type DeploymentRecord } from './site-config.ts';

interface BroadcastRun {
  receipts?: Array<{ contractAddress?: string | null; blockNumber?: string }>;
}

async function main(): Promise<void> {
  const args = parseCommon(process.argv.slice(2), {});
  const { network } = args;
  const signer = requireSigner(args);
  await assertChainId(network);
  const dir = deploymentsDir(network, args.dataDir);
  if (!dir.startsWith(join(projectRoot, '.data')) && !dir.startsWith(join(projectRoot, 'deployments'))) {
    // foundry.toml lets forge write only under ./deployments and ./.data.
    throw new UsageError(`NU_DATA_DIR must be inside ${join(projectRoot, '.data')} for --network local (forge may not write ${dir})`);
  }
  await mkdir(dir, { recursive: true });

  await forgeScript('contracts/script/Deploy.s.sol', network.rpcUrl, signer, { DEPLOYMENTS_DIR: dir });

  const file = join(dir, `${network.chainId}.json`);
  const record = await readJson<DeploymentRecord>(file);
  if (!record) throw new Error(`forge script ran but wrote no ${file}`);
  const blocks = (record.blocks as Record<string, number> | undefined) ?? (await contractBlocks(network.chainId, record));
  const enriched: DeploymentRecord = {
    ...record,
    network: network.name,
    // A skipped (already deployed) run keeps the commit the contracts were built from.
    commit: typeof record.commit === 'string' ? record.commit : gitCommit(),
    ...(blocks ? { blocks } : {}),
  };
  await writeFile(file, JSON.stringify(enriched, null, 2) + '\n');

  const config = await buildSiteConfig(network, enriched, await siteEndpoints(network, process.env, args.dataDir), process.env);
  const cfgFile = configPath(network, args.dataDir);
  await writeFile(cfgFile, JSON.stringify(config, null, 2) + '\n');
  console.log(`\n✔ ${network.label} (chain ${network.chainId})
  UnionFactory  ${enriched.unionFactory}  (from block ${enriched.deployBlock})
  record        ${file}
  site config   ${cfgFile}
Next: npm run publish -- --network ${network.name}`);
}

/** Block of each contract, from forge's broadcast log of this run (absent when nothing was sent). */
async function contractBlocks(chainId: number, record: DeploymentRecord): Promise<Record<string, number> | null> {
  const run = await readJson<BroadcastRun>(join(projectRoot, 'broadcast', 'Deploy.s.sol', String(chainId), 'run-latest.json'));
  if (!run?.receipts) return null;
  const byAddress = new Map(run.receipts.filter((r) => r.contractAddress && r.blockNumber).map((r) => [String(r.contractAddress).toLowerCase(), Number(r.blockNumber)]));
  const named: Array<[string, unknown]> = [['unionFactory', record.unionFactory], ...Object.entries(record.implementations ?? {})];
  const blocks: Record<string, number> = {};
  for (const [name, address] of named) {
    const block = typeof address === 'string' ? byAddress.get(address.toLowerCase()) : undefined;
    if (block !== undefined) blocks[name] = block;
  }
  return Object.keys(blocks).length > 0 ? blocks : null;
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'contracts'], { cwd: projectRoot, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha}-dirty` : sha;
  } catch {
    return 'unknown';
  }
}

main().catch((err: unknown) => {
  console.error(`✗ ${err instanceof UsageError ? 'usage: ' : ''}${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

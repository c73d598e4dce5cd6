// `npm run publish -- --network <name> [--config <file>] [--skip-build] [--ipfs-api <url>] [--out <dir>]`
// Builds the site, stages it with the network's config.json (from `npm run deploy`) and a CSP naming
// that network's origins, computes the root CID itself, writes site.car, adds the folder to the IPFS
// node's Kubo-style API and checks the node got the same CID, pins it through the Pinning Service
// API when NU_PINNING_ENDPOINT and NU_PINNING_TOKEN are set, and prints where members can open it.
// Same build + same config → same CID (deterministic import; test/unit/publish/publish.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseConfig } from '../../web/lib/config/parse.ts';
import type { AppConfig } from '../../web/lib/config/types.ts';
import { projectRoot } from '../lib/tools.ts';
import { stageSite } from '../site/stage.ts';
import { addFolderViaApi } from '../stack/ipfs/client.ts';
import { stackConfig } from '../stack/config.ts';
import { parseCommon, UsageError } from './args.ts';
import { writeSiteCar } from './car.ts';
import { configPath } from './deploy-paths.ts';
import { requestPin } from './pin.ts';
import { siteUrls } from './urls.ts';

async function main(): Promise<void> {
  const args = parseCommon(process.argv.slice(2), {
    config: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    'ipfs-api': { type: 'string' },
    out: { type: 'string' },
  });
  const { network } = args;
  const cfgFile = typeof args.values.config === 'string' ? resolve(args.values.config) : configPath(network, args.dataDir);
  let raw: string;
  try {
    raw = await readFile(cfgFile, 'utf8');
  } catch {
    throw new UsageError(`no site config at ${cfgFile}: run \`npm run deploy -- --network ${network.name}\` first, or pass --config <file>`);
  }
  const json = JSON.parse(raw) as unknown;
  // Validate with the site's parser, but publish the file as written (it may carry fields added later).
  const checked = parseConfig(json);
  if (checked.chain.id !== network.chainId) throw new UsageError(`${cfgFile} is for chain ${checked.chain.id}, not ${network.label} (${network.chainId})`);

  if (args.values['skip-build'] !== true) {
    console.log('▶ npm run build');
    const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: projectRoot, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the site build failed');
  }

  const outDir = typeof args.values.out === 'string' ? resolve(args.values.out) : join(args.dataDir, 'publish', network.name);
  const staged = join(outDir, 'site');
  await mkdir(outDir, { recursive: true });
  await stageSite(join(projectRoot, 'build'), staged, json as AppConfig);
  const carFile = join(outDir, 'site.car');
  const cid = (await writeSiteCar(staged, carFile)).toString();
  console.log(`▶ root CID ${cid}; CAR written to ${relative(projectRoot, carFile)}`);

  const ports = stackConfig();
  const apiUrl = typeof args.values['ipfs-api'] === 'string' ? args.values['ipfs-api'] : (process.env.NU_IPFS_API_URL ?? `http://127.0.0.1:${ports.ipfsApiPort}`);
  let added: string;
  try {
    added = await addFolderViaApi(apiUrl, staged);
  } catch (err) {
    throw new Error(`could not add the site to the IPFS node at ${apiUrl} (${(err as Error).message}); ${relative(projectRoot, carFile)} holds the same content for a CAR upload`);
  }
  if (added !== cid) throw new Error(`the IPFS node at ${apiUrl} made ${added}, not ${cid}: it imports with other options (use CIDv1, raw leaves, 1 MiB chunks)`);

  const endpoint = process.env.NU_PINNING_ENDPOINT;
  const token = process.env.NU_PINNING_TOKEN;
  let pinLine = 'not requested (set NU_PINNING_ENDPOINT and NU_PINNING_TOKEN, or upload the CAR to your provider)';
  if (endpoint && token) {
    const pin = await requestPin(endpoint, token, cid, `network-union-${network.name}`);
    pinLine = `${pin.status} (request ${pin.requestid} at ${new URL(endpoint).host})`;
  }

  const isLocalApi = /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(apiUrl);
  const urls = siteUrls(cid, isLocalApi ? `http://127.0.0.1:${ports.gatewayPort}` : null);
  await writeFile(join(outDir, 'publish.json'), JSON.stringify({ network: network.name, chainId: network.chainId, cid, car: carFile, config: cfgFile, urls }, null, 2) + '\n');
  console.log(`
✔ published for ${network.label}
  CID   ${cid}
  pin   ${pinLine}

Open it on an isolated origin (recommended):
${[...(urls.local ? [urls.local.subdomain] : []), ...urls.subdomain].map((u) => `  ${u}`).join('\n')}
Path gateways (one origin shared by every site on the gateway):
${[...(urls.local ? [urls.local.path] : []), ...urls.path].map((u) => `  ${u}`).join('\n')}
Name it: npm run ens:set -- <name>.eth --cid ${cid} --network ${network.name === 'local' ? 'local' : 'sepolia'}`);
}

main().catch((err: unknown) => {
  console.error(`✗ ${err instanceof UsageError ? 'usage: ' : ''}${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

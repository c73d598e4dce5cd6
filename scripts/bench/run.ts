// `npm run bench`: brings up a bench stack of its own (ports 38xxx, its own data folder), then prints
// gas per action beside its storage floor, the site's first-load JS and page load times, and the
// support-rank figures. Figures, not pass/fail: targets are printed beside them.
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../lib/tools.ts';
import { portShift, shiftPorts } from '../stack/config.ts';
import { bringUpStack } from '../stack/up.ts';
import { benchPageLoad } from './page-load.ts';
import { printTable, type Row } from './table.ts';
import { benchUnionGas } from './union-gas.ts';
import { benchCourses } from './courses.ts';

const BENCH_ENV = shiftPorts({
  NU_ANVIL_PORT: '38545',
  NU_CERAMIC_PORT: '37007',
  NU_CERAMIC_SWARM_PORT: '34011',
  NU_GATEWAY_PORT: '38080',
  NU_IPFS_API_PORT: '35001',
  NU_IPFS_SWARM_PORT: '34001',
  NU_IPFS_WS_PORT: '34002',
}, portShift());

for (const script of ['build:contracts', 'build']) {
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm run ${script} failed`);
}

const dataDir = join(projectRoot, '.data', 'bench');
await rm(dataDir, { recursive: true, force: true });
const stack = await bringUpStack({ env: { ...BENCH_ENV, NU_DATA_DIR: dataDir }, seed: true, publish: true });
try {
  if (!stack.demo || !stack.siteCid) throw new Error('bench stack has no demo union or site');
  const gas: Row[] = await benchUnionGas(stack.anvil.rpcUrl, stack.deployment.unionFactory);
  printTable('Foundation — gas (real receipts on anvil; target: join ≤ 1.3× floor)', gas);
  const siteUrl = `${stack.ipfs.gatewayUrl}/ipfs/${stack.siteCid}/`;
  printTable('Foundation — site', await benchPageLoad(siteUrl, stack.demo.union, stack.demo.members.length));
  printTable('Courses — gas and IPFS (anchor: ERC-20 transfer 51,613 new holder / 34,513 existing)', await benchCourses({ rpcUrl: stack.anvil.rpcUrl, chainId: stack.anvil.chainId, factory: stack.deployment.unionFactory, courses: stack.deployment.courses, siteUrl }));
} finally {
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}

// The rank benchmark needs no stack; it runs after the nodes are down so they do not share the cores.
const rank = await import('./rank.ts').catch(() => null);
if (rank) printTable('Social layer — support rank (target: 100k/1M < 1 s and ≥ 10× both libraries)', await rank.benchRank());
process.exit(0);

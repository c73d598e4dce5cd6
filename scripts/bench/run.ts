// `npm run bench`: brings up a bench stack of its own (ports 38xxx, its own data folder), then prints
// gas per action beside its storage floor, the site's first-load JS and page load times, and the
// support-rank figures. Figures, not pass/fail: targets are printed beside them.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../lib/tools.ts';
import { portShift, shiftPorts } from '../stack/config.ts';
import { bringUpStack } from '../stack/up.ts';
import { benchPageLoad } from './page-load.ts';
import { benchPublish } from './publish.ts';
import { printTable } from './table.ts';
import { benchUnionGas } from './union-gas.ts';
import { benchBackingGas } from './backing-gas.ts';
import { benchMarketGas } from './market.ts';
import { benchFundSwap } from './fund-swap.ts';
import { benchGovernanceGas } from './governance.ts';
import { benchCourses } from './courses.ts';
import { benchSponsor } from './sponsor.ts';

const BENCH_ENV = shiftPorts({
  NU_ANVIL_PORT: '38545',
  NU_CERAMIC_PORT: '37007',
  NU_CERAMIC_SWARM_PORT: '34011',
  NU_GATEWAY_PORT: '38080',
  NU_IPFS_API_PORT: '35001',
  NU_IPFS_SWARM_PORT: '34001',
  NU_IPFS_WS_PORT: '34002',
  NU_BUNDLER_PORT: '34337',
}, portShift());


// `npm run bench -- market fund` runs only the named sections (while tuning one contract); no names: all.
const SECTIONS = ['foundation', 'backing', 'market', 'fund', 'governance', 'sponsor', 'site', 'publish', 'courses', 'rank', 'sync', 'leaders'] as const;
type Section = (typeof SECTIONS)[number];
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(SECTIONS as readonly string[]).includes(a));
if (unknown.length > 0) throw new Error(`unknown bench section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
const wants = (s: Section): boolean => asked.length === 0 || asked.includes(s);
const needsSite = wants('site') || wants('publish') || wants('courses');
const needsStack = SECTIONS.some((s) => s !== 'rank' && s !== 'sync' && s !== 'leaders' && wants(s));

// The stack's data is thrown away each run; .data/bench/chains (the sync bench's cached big chain,
// see bigChain.ts) stays beside it.
const dataDir = join(projectRoot, '.data', 'bench', 'stack');
await rm(dataDir, { recursive: true, force: true });
const stack = needsStack ? await bringUpStack({ env: { ...BENCH_ENV, NU_DATA_DIR: dataDir }, seed: needsSite, publish: needsSite }) : null;
if (stack) try {
  if (needsSite && (!stack.demo || !stack.siteCid)) throw new Error('bench stack has no demo union or site');
  if (wants('foundation')) printTable('Foundation — gas (real receipts on anvil; target: join ≤ 1.3× floor)', await benchUnionGas(stack.anvil.rpcUrl, stack.deployment.unionFactory));
  if (wants('backing')) printTable('Social layer — gas of backing (real receipts on anvil)', await benchBackingGas(stack.anvil.rpcUrl, stack.deployment.unionFactory));
  const { escrow, arbiters } = stack.deployment;
  if (wants('market') && escrow && arbiters) printTable('Market — escrow gas (real receipts; target ≤ 1.3× floor)', await benchMarketGas(stack.anvil.rpcUrl, stack.deployment.unionFactory, escrow, arbiters));
  if (wants('fund') && stack.deployment.crowdfund && stack.config.uniswap)
    printTable(
      'Economy — crowdfunding and Uniswap V2 swap gas (real receipts; target: our actions ≤ 1.3× floor)',
      await benchFundSwap({ rpcUrl: stack.anvil.rpcUrl, unionFactory: stack.deployment.unionFactory, crowdfund: stack.deployment.crowdfund, uniswap: stack.config.uniswap }),
    );
  if (wants('governance')) printTable('Governance and demands — gas (real receipts on anvil, beside storage floors and an OpenZeppelin Governor + timelock measured alongside)', await benchGovernanceGas(stack.anvil.rpcUrl, stack.deployment.unionFactory, stack.deployment.demands, stack.config.uniswap?.weth));
  if (wants('sponsor') && stack.deployment.paymaster)
    printTable(
      'Gas sponsorship — what the treasury pays beside paying directly (real receipts through the alto bundler)',
      await benchSponsor(stack.anvil.rpcUrl, stack.anvil.chainId, stack.bundler.url, stack.deployment),
    );
  const siteUrl = `${stack.ipfs.gatewayUrl}/ipfs/${stack.siteCid}/`;
  if (wants('site') && stack.demo) printTable('Foundation — site', await benchPageLoad(siteUrl, stack.demo.union, stack.demo.members.length, stack.ipfs.apiUrl));
  if (wants('publish') && stack.ens) printTable('Publish — what running your own union costs', await benchPublish(stack.anvil.rpcUrl, stack.deployment, stack.ens, join(dataDir, 'site')));
  if (wants('courses')) printTable('Courses — gas and IPFS (anchor: ERC-20 transfer 51,613 new holder / 34,513 existing)', await benchCourses({ rpcUrl: stack.anvil.rpcUrl, chainId: stack.anvil.chainId, factory: stack.deployment.unionFactory, courses: stack.deployment.courses, siteUrl }));
} finally {
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}

// The rank benchmark needs no stack; it runs after the nodes are down so they do not share the cores.
const rank = wants('rank') ? await import('./rank.ts').catch(() => null) : null;
if (rank) printTable('Social layer — support rank (target: 100k/1M < 1 s and ≥ 10× both libraries)', await rank.benchRank());
const atScale = wants('rank') ? await import('./rankAtScale.ts').catch(() => null) : null;
if (atScale) printTable('Social layer — support rank at 1M members / 10M backs, in a worker (target: build + converge ≤ 3 s, ≤ 500 MB)', await atScale.benchRankAtScale());
const coldReplay = wants('rank') ? await import('./coldReplay.ts').catch(() => null) : null;
if (coldReplay) printTable('Social layer — cold replay of 1.1M events from the IndexedDB cache (target ≤ 2 s)', await coldReplay.benchColdReplay());
const sync = wants('sync') ? await import('./sync.ts').catch(() => null) : null;
if (sync) printTable('Social layer — event sync (target: warm reload to ranked leaders < 500 ms at 100k events)', await sync.benchSync());
// The leaders page in Chromium over the sync bench's cached chain (scripts/bench/leaders-page.ts).
const leaders = wants('leaders') ? await import('./leaders-page.ts').catch(() => null) : null;
if (leaders) printTable('Social layer — the leaders page at scale, in Chromium (targets: warm reload ≤ 500 ms, a few hundred DOM rows, heap ≤ 400 MB)', await leaders.benchLeadersPage());
process.exit(0);

// Brings the whole local stack up in order: the three nodes (in parallel), the contracts, the Ceramic
// models, the demo union, and the site on IPFS. Shared by `npm start`, the e2e tests and the bench,
// which differ only in ports, data folder and whether the demo is seeded.
import { mkdir } from 'node:fs/promises';
import type { Address } from 'viem';
import type { AppConfig } from '../../web/lib/config/types.ts';
import { ensureModels, type ModelIds } from './ceramic/models.ts';
import { stackConfig, type Env } from './config.ts';
import { deployLocal, LOCAL_DEPLOYER, type Deployment } from './deploy.ts';
import { ensureLocalEns, type LocalEns } from './ens.ts';
import { startAnvil, startBundler, startCeramic, startIpfs, type AnvilHandle, type BundlerHandle, type CeramicHandle, type IpfsHandle, type StartOptions } from './processes.ts';
import { ensureEntryPoint } from './bundler.ts';
import { publishSite } from './publish-site.ts';
import { seedDemo, type SeedResult } from './seed.ts';
import { seedSwapPool } from './seed/swap.ts';
import { deployUniswap, type UniswapDeployment } from './uniswap.ts';

export interface StackOptions {
  /** NU_* variables (ports, data folder); the rest of the environment is inherited. */
  env?: Env;
  seed?: boolean;
  /** Add the built site (build/) to IPFS with a config.json for this stack. */
  publish?: boolean;
  log?: (message: string) => void;
  onLine?: StartOptions['onLine'];
}

export interface Stack {
  anvil: AnvilHandle;
  ipfs: IpfsHandle;
  ceramic: CeramicHandle;
  /** The alto ERC-4337 bundler (issue 15). */
  bundler: BundlerHandle;
  deployment: Deployment;
  models: ModelIds;
  demo: SeedResult | null;
  config: AppConfig;
  /** Root CID of the published site, when published. */
  siteCid: string | null;
  /** Local ENS (registry, resolver, demo name → site CID), when the demo was seeded and published. */
  ens: LocalEns | null;
  dataDir: string;
  stop(): Promise<void>;
}

export async function bringUpStack(options: StackOptions = {}): Promise<Stack> {
  const env = options.env ?? {};
  const cfg = stackConfig({ ...process.env, ...env });
  const log = options.log ?? (() => undefined);
  await mkdir(cfg.dataDir, { recursive: true });
  const childEnv = { ...env, NU_DATA_DIR: cfg.dataDir };

  log('starting anvil, IPFS and Ceramic');
  const started = await Promise.allSettled([
    startAnvil(childEnv, { onLine: options.onLine }),
    startIpfs(childEnv, { onLine: options.onLine }),
    startCeramic(childEnv, { onLine: options.onLine }),
  ]);
  const handles = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  /** Started after the nodes (the bundler); stopped before them, since it polls anvil. */
  const later: { stop(): Promise<void> }[] = [];
  const stopAll = async (): Promise<void> => {
    for (const h of later) await h.stop().catch(() => undefined);
    // Ceramic first: it writes its state on the way down and anvil dumps its own.
    for (const h of [...handles].reverse()) await h.stop().catch(() => undefined);
  };
  const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    await stopAll();
    throw failure.reason;
  }
  const [anvil, ipfs, ceramic] = handles as [AnvilHandle, IpfsHandle, CeramicHandle];

  try {
    log('deploying the ERC-4337 EntryPoint v0.8 (official artifact, canonical address)');
    const entryPoint = await ensureEntryPoint(anvil.rpcUrl, anvil.chainId);
    log('deploying contracts');
    const deployment = await deployLocal(anvil.rpcUrl, cfg.dataDir, anvil.chainId, entryPoint);
    log('starting the alto bundler');
    const bundler = await startBundler(anvil.rpcUrl, childEnv, { onLine: options.onLine });
    later.push(bundler);
    log('deploying Uniswap V2 (official artifacts)');
    const uniswap = await deployUniswap(anvil.rpcUrl, cfg.dataDir, anvil.chainId);
    log('creating Ceramic models');
    const models = await ensureModels(ceramic.url, cfg.dataDir);
    let demo: SeedResult | null = null;
    if (options.seed) {
      log('seeding the demo union');
      demo = await seedDemo({
        rpcUrl: anvil.rpcUrl,
        ceramicUrl: ceramic.url,
        ipfsApiUrl: ipfs.apiUrl,
        profileModel: models.profile,
        postModels: { post: models.post, reply: models.reply },
        serviceModel: models.service,
        jobModel: models.job,
        arbiters: deployment.arbiters,
        demands: deployment.demands,
        courses: deployment.courses,
        courseModel: models.course,
        unionFactory: deployment.unionFactory,
        dataDir: cfg.dataDir,
        paymaster: deployment.paymaster,
        crowdfund: deployment.crowdfund,
      });
      await seedSwapPool({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId, union: demo.union, founder: demo.members[0], uniswap });
    }
    const config = siteConfig({ anvil, ipfs, ceramic, bundler, deployment, models, demoUnion: demo?.union ?? null, uniswap });
    let siteCid: string | null = null;
    if (options.publish) {
      log('adding the site to IPFS');
      siteCid = await publishSite(ipfs.apiUrl, cfg.dataDir, config);
    }
    let ens: LocalEns | null = null;
    if (siteCid !== null && demo !== null) {
      log('naming the site with local ENS');
      ens = await ensureLocalEns({ rpcUrl: anvil.rpcUrl, dataDir: cfg.dataDir, owner: LOCAL_DEPLOYER, cid: siteCid });
    }
    return { anvil, ipfs, ceramic, bundler, deployment, models, demo, config, siteCid, ens, dataDir: cfg.dataDir, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

function siteConfig(s: {
  anvil: AnvilHandle;
  ipfs: IpfsHandle;
  ceramic: CeramicHandle;
  bundler: BundlerHandle;
  deployment: Deployment;
  models: ModelIds;
  demoUnion: Address | null;
  uniswap: UniswapDeployment;
}): AppConfig {
  return {
    chain: { id: s.anvil.chainId, name: 'Local chain (anvil)', rpcUrl: s.anvil.rpcUrl, blockExplorer: null },
    contracts: {
      unionFactory: s.deployment.unionFactory,
      deployBlock: s.deployment.deployBlock,
      arbiters: s.deployment.arbiters,
      escrow: s.deployment.escrow,
      crowdfund: s.deployment.crowdfund,
      demands: s.deployment.demands,
      courses: s.deployment.courses,
    },
    ceramic: {
      url: s.ceramic.url,
      models: { profile: s.models.profile, post: s.models.post, reply: s.models.reply, service: s.models.service, job: s.models.job, course: s.models.course },
    },
    ipfs: { gateway: s.ipfs.gatewayUrl, uploadUrl: `${s.ipfs.apiUrl}/api/v0/add` },
    demo: { union: s.demoUnion },
    uniswap: { factory: s.uniswap.factory, router: s.uniswap.router, weth: s.uniswap.weth },
    sponsorship: {
      bundlerUrl: s.bundler.url,
      entryPoint: s.deployment.entryPoint,
      relayAccount: s.deployment.relayAccount,
      paymaster: s.deployment.paymaster,
    },
  };
}

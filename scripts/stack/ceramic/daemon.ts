// Starts the js-ceramic 6.11 daemon (the same HTTP API as a production node) on an inmemory
// network, with its IPFS connection swapped for the in-process js-ipfs node from ./ipfs.ts.
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { CeramicDaemon, DaemonConfig } from '@ceramicnetwork/cli';
import { Ceramic } from '@ceramicnetwork/core';
import { IpfsConnectionFactory } from '@ceramicnetwork/cli/lib/ipfs-connection-factory.js';
import { EnvironmentUtils } from '@ceramicnetwork/common';
import type { IPFS } from 'ipfs-core';
import type { StackConfig } from '../config.ts';
import { adminDid } from './admin-key.ts';
import { createCeramicIpfs } from './ipfs.ts';

export interface CeramicService {
  url: string;
  adminDid: string;
  stop(): Promise<void>;
}

type Config = Pick<StackConfig, 'dataDir' | 'ceramicPort' | 'ceramicSwarmPort'>;

/**
 * How often the node applies finished anchors. The in-memory anchor service anchors a commit as soon as
 * it is asked, but the node only applies that anchor on its next pass over pending requests — by
 * default at most once a minute. Ceramic applies an anchor even when the stream has moved on, and an
 * anchored branch beats an unanchored one: an anchor for tip T landing just after an update U on T
 * drops U. With passes a second apart, every anchor lands within about a second of its commit, so only
 * updates less than a second after the previous one can meet it (a person editing a course, a
 * profile or a listing does not do that; production CAS anchors in batches minutes apart, and there
 * too the node replaces a pending request with the newer tip).
 */
const ANCHOR_LOOP_MS = 1_000;

export async function startCeramicService(cfg: Config): Promise<CeramicService> {
  const dir = join(cfg.dataDir, 'ceramic');
  await mkdir(join(dir, 'logs'), { recursive: true });
  // Ceramic 6 defaults to ceramic-one ("rust") behaviour (Recon sync, offline pin store);
  // our js-ipfs node is a Kubo-like node, so select the "go" code paths.
  EnvironmentUtils.setIpfsFlavor('go');
  const admin = await adminDid(cfg.dataDir);
  const ipfs = await createCeramicIpfs({ repo: join(dir, 'ipfs'), swarmPort: cfg.ceramicSwarmPort });
  const original = IpfsConnectionFactory.buildIpfsConnection;
  IpfsConnectionFactory.buildIpfsConnection = async () => ipfs as unknown as Awaited<ReturnType<typeof original>>;
  // The daemon's config file has no key for the anchor loop; the core reads it from its own config.
  const processConfig = Ceramic._processConfig;
  Ceramic._processConfig = (node, config, versionInfo) => processConfig.call(Ceramic, node, { ...config, anchorLoopMinDurationMs: ANCHOR_LOOP_MS }, versionInfo);

  let daemon: CeramicDaemon;
  try {
    daemon = await CeramicDaemon.create(
      DaemonConfig.fromObject({
        anchor: {},
        'http-api': {
          hostname: '127.0.0.1',
          port: cfg.ceramicPort,
          'cors-allowed-origins': ['.*'],
          'admin-dids': [admin.id],
        },
        ipfs: { mode: 'bundled' },
        logger: { 'log-level': 2, 'log-to-files': false, 'log-directory': join(dir, 'logs') },
        metrics: { 'metrics-exporter-enabled': false, 'prometheus-exporter-enabled': false },
        network: { name: 'inmemory' },
        node: {},
        'state-store': { mode: 'fs', 'local-directory': join(dir, 'statestore') },
        indexing: {
          db: `sqlite://${join(dir, 'indexing.sqlite')}`,
          'allow-queries-before-historical-sync': true,
          'disable-composedb': false,
          'enable-historical-sync': false,
        },
      }),
    );
  } catch (err) {
    await stopIpfs(ipfs);
    throw err;
  } finally {
    IpfsConnectionFactory.buildIpfsConnection = original;
    Ceramic._processConfig = processConfig;
  }
  return {
    url: `http://127.0.0.1:${cfg.ceramicPort}`,
    adminDid: admin.id,
    async stop() {
      await daemon.close();
      await stopIpfs(ipfs);
    },
  };
}

async function stopIpfs(ipfs: IPFS): Promise<void> {
  try {
    await ipfs.stop();
  } catch {
    // Already stopped by ceramic.close() in some versions; nothing left to release.
  }
}

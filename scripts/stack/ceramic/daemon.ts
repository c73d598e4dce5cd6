// Starts the js-ceramic 6.11 daemon (the same HTTP API as a production node) on an inmemory
// network, with its IPFS connection swapped for the in-process js-ipfs node from ./ipfs.ts.
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { CeramicDaemon, DaemonConfig } from '@ceramicnetwork/cli';
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
 * The local node anchors nothing. Its in-memory anchor service anchors a commit as soon as it is
 * asked, and the node applies that anchor on its next pass over pending requests — even when the
 * stream has moved on since, and an anchored branch beats an unanchored one: an anchor for tip T that
 * lands just after an update U on T drops U. A faster pass (1 s, tried in session 7) only moved the
 * window: CI then lost a reply's edit made a second after the reply. Anchors prove a commit's time
 * against a blockchain; this node's would prove it against nothing (network "inmemory"), and nothing
 * here reads them. js-ceramic reads the switch at every anchor request (`Repository.anchor`).
 */
const DISABLE_ANCHORING = 'CERAMIC_DISABLE_ANCHORING';

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
  process.env[DISABLE_ANCHORING] = 'true';

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

// A Helia 7 node for local development: persistent on disk, listening on 127.0.0.1 only, and
// built without Helia's defaults (bootstrap peers, mDNS, DHT, delegated HTTP routers, public
// trustless gateways) so it never tries to reach the internet. Blocks come from the local store
// or from peers that dial us directly (e.g. a browser Helia node over WebSockets) via bitswap.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { noise } from '@chainsafe/libp2p-noise';
import { yamux } from '@chainsafe/libp2p-yamux';
import { withBitswap } from '@helia/bitswap';
import { withLibp2pLight, type HeliaWithLibp2p } from '@helia/libp2p';
import * as dagCbor from '@ipld/dag-cbor';
import * as dagJson from '@ipld/dag-json';
import { identify } from '@libp2p/identify';
import { tcp } from '@libp2p/tcp';
import { webSockets } from '@libp2p/websockets';
import { FsBlockstore } from 'blockstore-fs';
import { LevelDatastore } from 'datastore-level';
import { createHeliaLight } from 'helia';
import type { Identify } from '@libp2p/identify';

export interface IpfsNodeOptions {
  /** Folder holding `blocks/` and `datastore/` (created if missing). */
  dir: string;
  swarmPort: number;
  wsPort: number;
}

export type Helia = HeliaWithLibp2p<{ identify: Identify }>;

export interface IpfsNode {
  helia: Helia;
  /** Stops libp2p and Helia, then closes the on-disk stores (Helia leaves given stores open). */
  stop(): Promise<void>;
}

export async function createIpfsNode(opts: IpfsNodeOptions): Promise<IpfsNode> {
  await mkdir(opts.dir, { recursive: true });
  const blockstore = new FsBlockstore(join(opts.dir, 'blocks'));
  const datastore = new LevelDatastore(join(opts.dir, 'datastore'));
  await blockstore.open();
  await datastore.open();

  const light = createHeliaLight({ blockstore, datastore, codecs: [dagCbor, dagJson] });
  // The peer key is stored in the datastore by withLibp2pLight, so the peer id survives restarts.
  const withNet = withLibp2pLight(light, {
    addresses: {
      listen: [`/ip4/127.0.0.1/tcp/${opts.swarmPort}`, `/ip4/127.0.0.1/tcp/${opts.wsPort}/ws`],
    },
    transports: [tcp(), webSockets()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    peerDiscovery: [],
    services: { identify: identify() },
  });
  const helia = withBitswap(withNet);
  await helia.start();
  return {
    helia,
    async stop() {
      await helia.stop();
      await blockstore.close();
      await datastore.close();
    },
  };
}

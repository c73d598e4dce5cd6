// The in-process js-ipfs node Ceramic 6.11 runs on. The daemon normally wants ceramic-one or
// Kubo, neither of which installs offline; ipfs-core 0.13 with the dag-jose codec provides the
// same dag/block/pubsub API. Swarm on 127.0.0.1 only, no bootstrap, no MDNS, no preload: it never
// dials out.
import { mkdir } from 'node:fs/promises';
import * as dagJose from 'dag-jose';
import { create, type IPFS } from 'ipfs-core';

export interface CeramicIpfsOptions {
  repo: string;
  swarmPort: number;
}

export async function createCeramicIpfs(opts: CeramicIpfsOptions): Promise<IPFS> {
  await mkdir(opts.repo, { recursive: true });
  return create({
    repo: opts.repo,
    ipld: { codecs: [dagJose] },
    init: { algorithm: 'Ed25519' },
    preload: { enabled: false },
    silent: true,
    config: {
      Addresses: { Swarm: [`/ip4/127.0.0.1/tcp/${opts.swarmPort}`], API: '', Gateway: '', Delegates: [] },
      Bootstrap: [],
      Discovery: { MDNS: { Enabled: false }, webRTCStar: { Enabled: false } },
      Pubsub: { Enabled: true, Router: 'gossipsub' },
    },
  });
}

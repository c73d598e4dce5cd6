// The whole IPFS service in one process: the Helia node, the HTTP gateway and the Kubo-style RPC.
import { once } from 'node:events';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { StackConfig } from '../config.ts';
import { ensResolverFromRecord } from './gateway/ens-host.ts';
import { createGatewayServer } from './gateway/server.ts';
import { createIpfsNode, type Helia } from './node.ts';
import { createRpcServer } from './rpc/server.ts';

export interface IpfsService {
  helia: Helia;
  gatewayUrl: string;
  apiUrl: string;
  /** WebSocket multiaddr with peer id, for browser Helia nodes to dial. */
  wsAddr: string;
  peerId: string;
  stop(): Promise<void>;
}

type Config = Pick<StackConfig, 'dataDir' | 'gatewayPort' | 'ipfsApiPort' | 'ipfsSwarmPort' | 'ipfsWsPort' | 'gatewayTimeoutMs'>;

export async function startIpfsService(cfg: Config): Promise<IpfsService> {
  const node = await createIpfsNode({ dir: join(cfg.dataDir, 'ipfs'), swarmPort: cfg.ipfsSwarmPort, wsPort: cfg.ipfsWsPort });
  const { helia } = node;
  const peerId = helia.libp2p.peerId.toString();
  const addresses = helia.libp2p.getMultiaddrs().map(String);
  const gateway = createGatewayServer({ blocks: helia.blockstore, port: cfg.gatewayPort, timeoutMs: cfg.gatewayTimeoutMs,
    // scripts/stack/ens.ts writes this record once the local ENS exists.
    resolveName: ensResolverFromRecord(join(cfg.dataDir, 'ens.json')),
  });
  const rpc = createRpcServer({ blockstore: helia.blockstore, peerId, addresses, agentVersion: `${helia.info.name}/${helia.info.version}` });
  try {
    await listen(gateway, cfg.gatewayPort);
    await listen(rpc, cfg.ipfsApiPort);
  } catch (err) {
    await closeServer(gateway);
    await node.stop();
    throw err;
  }
  return {
    helia,
    gatewayUrl: `http://127.0.0.1:${cfg.gatewayPort}`,
    apiUrl: `http://127.0.0.1:${cfg.ipfsApiPort}`,
    wsAddr: `/ip4/127.0.0.1/tcp/${cfg.ipfsWsPort}/ws/p2p/${peerId}`,
    peerId,
    async stop() {
      await Promise.all([closeServer(gateway), closeServer(rpc)]);
      await node.stop();
    },
  };
}

async function listen(server: Server, port: number): Promise<void> {
  server.listen(port, '127.0.0.1');
  await Promise.race([once(server, 'listening'), once(server, 'error').then(([err]) => Promise.reject(err as Error))]);
}

async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

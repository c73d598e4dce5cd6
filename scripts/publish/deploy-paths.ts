// Where `npm run deploy` keeps a network's records: the local chain's with the local stack's data
// (wiped together), public networks' in the repository's deployments/ (committed, shared).
import { join } from 'node:path';
import type { Network } from '../networks.ts';
import { projectRoot } from '../lib/tools.ts';

export function deploymentsDir(network: Network, dataDir: string): string {
  return network.name === 'local' ? join(dataDir, 'deployments') : join(projectRoot, 'deployments');
}

/** The config.json the site reads for that network. */
export function configPath(network: Network, dataDir: string): string {
  return join(deploymentsDir(network, dataDir), `${network.chainId}.config.json`);
}

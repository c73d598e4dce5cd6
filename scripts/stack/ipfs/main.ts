// Entry point of the IPFS service process:
//   node --import ./scripts/stack/polyfill.mjs --import tsx scripts/stack/ipfs/main.ts
// Env: NU_GATEWAY_PORT, NU_IPFS_API_PORT, NU_IPFS_SWARM_PORT, NU_IPFS_WS_PORT, NU_DATA_DIR,
// NU_GATEWAY_TIMEOUT_MS. Prints `READY ipfs {...}` once serving; stops on SIGTERM/SIGINT.
import { stackConfig } from '../config.ts';
import { printReady, stopOnSignals } from '../ready.ts';
import { startIpfsService } from './service.ts';

const service = await startIpfsService(stackConfig());
stopOnSignals('ipfs', () => service.stop());
printReady('ipfs', { gateway: service.gatewayUrl, api: service.apiUrl, ws: service.wsAddr });

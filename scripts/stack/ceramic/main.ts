// Entry point of the Ceramic service process:
//   node --import ./scripts/stack/polyfill.mjs --import tsx scripts/stack/ceramic/main.ts
// Env: NU_CERAMIC_PORT, NU_CERAMIC_SWARM_PORT, NU_DATA_DIR. Prints `READY ceramic {"url":...}`.
import { stackConfig } from '../config.ts';
import { printReady, stopOnSignals } from '../ready.ts';
import { startCeramicService } from './daemon.ts';

const service = await startCeramicService(stackConfig());
stopOnSignals('ceramic', () => service.stop());
printReady('ceramic', { url: service.url, adminDid: service.adminDid });

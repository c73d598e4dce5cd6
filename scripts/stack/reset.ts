// `npm run reset`: deletes the local stack's data folder (chain state, Ceramic and IPFS repos,
// deployment record, demo seed). The next `npm start` begins from nothing.
import { rm } from 'node:fs/promises';
import { stackConfig } from './config.ts';

const { dataDir } = stackConfig();
await rm(dataDir, { recursive: true, force: true });
console.log(`deleted ${dataDir}`);

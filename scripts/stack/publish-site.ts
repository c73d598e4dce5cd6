// Puts the built site on the local IPFS node: the build folder plus the config.json that points it
// at this stack (and a CSP naming this stack's origins), added as one UnixFS directory. Only
// config.json and the CSP differ between networks; the site reads ./config.json at run time.
import { join } from 'node:path';
import type { AppConfig } from '../../web/lib/config/types.ts';
import { projectRoot } from '../lib/tools.ts';
import { stageSite } from '../site/stage.ts';
import { addFolderViaApi } from './ipfs/client.ts';

export async function publishSite(ipfsApiUrl: string, dataDir: string, config: AppConfig, buildDir = join(projectRoot, 'build')): Promise<string> {
  const staged = join(dataDir, 'site');
  await stageSite(buildDir, staged, config);
  return addFolderViaApi(ipfsApiUrl, staged);
}

// Puts the built site on the local IPFS node: the build folder plus the config.json that points it
// at this stack, added as one UnixFS directory. Only config.json differs between networks, so one
// build serves every deployment (the site reads ./config.json at run time).
import { cp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../../web/lib/config/types.ts';
import { projectRoot } from '../lib/tools.ts';
import { addFolderViaApi } from './ipfs/client.ts';

export async function publishSite(ipfsApiUrl: string, dataDir: string, config: AppConfig, buildDir = join(projectRoot, 'build')): Promise<string> {
  try {
    await stat(join(buildDir, 'index.html'));
  } catch {
    throw new Error(`${buildDir}/index.html is missing: run \`npm run build\` first`);
  }
  const staged = join(dataDir, 'site');
  await rm(staged, { recursive: true, force: true });
  await mkdir(staged, { recursive: true });
  await cp(buildDir, staged, { recursive: true });
  await writeFile(join(staged, 'config.json'), JSON.stringify(config, null, 2) + '\n');
  return addFolderViaApi(ipfsApiUrl, staged);
}

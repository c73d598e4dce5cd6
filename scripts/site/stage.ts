// Stages a build for one network: a copy of build/ plus that network's config.json, with the CSP
// meta in index.html widened to exactly the origins config.json names. Both the local stack and
// `npm run publish` stage through here, so what the e2e tests open is what a union publishes.
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../../web/lib/config/types.ts';
import { cspForConfig } from './csp.ts';

export async function stageSite(buildDir: string, outDir: string, config: AppConfig): Promise<void> {
  try {
    await stat(join(buildDir, 'index.html'));
  } catch {
    throw new Error(`${buildDir}/index.html is missing: run \`npm run build\` first`);
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await cp(buildDir, outDir, { recursive: true });
  await writeFile(join(outDir, 'config.json'), JSON.stringify(config, null, 2) + '\n');
  const index = join(outDir, 'index.html');
  await writeFile(index, cspForConfig(await readFile(index, 'utf8'), config));
}

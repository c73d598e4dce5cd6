// `npm run build:contracts`: compile with forge (skips unchanged sources), then regenerate the typed
// ABIs the site and scripts import. Everything downstream (site build, type check, stack) needs both.
import { spawnSync } from 'node:child_process';
import { forgeBin, projectRoot } from '../lib/tools.ts';

const forge = spawnSync(forgeBin(), ['build'], { cwd: projectRoot, stdio: 'inherit' });
if (forge.status !== 0) process.exit(forge.status ?? 1);
const generate = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/abi/generate.ts'], {
  cwd: projectRoot,
  stdio: 'inherit',
});
process.exit(generate.status ?? 1);

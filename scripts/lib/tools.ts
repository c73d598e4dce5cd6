// Paths to the real Foundry binaries that the npm packages install as optional dependencies.
// We run them directly, never through `npx`, so that stopping a process really stops it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

function foundryBin(tool: 'forge' | 'anvil'): string {
  const platform = `${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`;
  const bin = join(root, 'node_modules', '@foundry-rs', `${tool}-${platform}`, 'bin', tool);
  if (!existsSync(bin)) throw new Error(`${tool} binary not found at ${bin}: run npm install`);
  return bin;
}

export const forgeBin = (): string => foundryBin('forge');
export const anvilBin = (): string => foundryBin('anvil');
export const projectRoot = root;

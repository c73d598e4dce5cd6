// The official Uniswap V2 build artifacts as shipped in the npm packages @uniswap/v2-core 1.0.1 and
// @uniswap/v2-periphery 1.1.0-beta.0: bytecode and ABI read from their build/*.json, never recompiled,
// so the contracts on the local chain are byte for byte the published ones.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { keccak256, type Abi, type Hex } from 'viem';
import { projectRoot } from './tools.ts';

export type UniswapArtifactName = 'UniswapV2Factory' | 'UniswapV2Pair' | 'UniswapV2Router02' | 'WETH9';

const PACKAGE: Record<UniswapArtifactName, string> = {
  UniswapV2Factory: '@uniswap/v2-core',
  UniswapV2Pair: '@uniswap/v2-core',
  UniswapV2Router02: '@uniswap/v2-periphery',
  WETH9: '@uniswap/v2-periphery',
};

export interface UniswapArtifact {
  abi: Abi;
  bytecode: Hex;
}

export async function uniswapArtifact(name: UniswapArtifactName): Promise<UniswapArtifact> {
  const file = resolve(projectRoot, 'node_modules', PACKAGE[name], 'build', `${name}.json`);
  const json = JSON.parse(await readFile(file, 'utf8')) as { abi: Abi; bytecode?: string; evm?: { bytecode?: { object?: string } } };
  const raw = json.bytecode ?? json.evm?.bytecode?.object;
  if (!raw) throw new Error(`${file} has no bytecode`);
  return { abi: json.abi, bytecode: (raw.startsWith('0x') ? raw : `0x${raw}`) as Hex };
}

/** keccak256 of the pair's creation code: what the factory's CREATE2 uses for every pair address. */
export async function pairInitCodeHash(): Promise<Hex> {
  return keccak256((await uniswapArtifact('UniswapV2Pair')).bytecode);
}

/**
 * Every PUSH32 constant in Router02's code. UniswapV2Library.pairFor has the pair's init code hash
 * baked in as one of them; a test checks that it equals `pairInitCodeHash()` of the v2-core build,
 * since a mismatch would make the router compute pair addresses where no pair lives.
 */
export async function routerPush32Constants(): Promise<Hex[]> {
  const code = (await uniswapArtifact('UniswapV2Router02')).bytecode.slice(2).toLowerCase();
  const found: Hex[] = [];
  // Walk opcodes properly so data bytes are never read as PUSH32.
  for (let i = 0; i < code.length; ) {
    const op = parseInt(code.slice(i, i + 2), 16);
    if (op >= 0x60 && op <= 0x7f) {
      const n = op - 0x5f;
      if (op === 0x7f) found.push(`0x${code.slice(i + 2, i + 2 + 64)}` as Hex);
      i += 2 + n * 2;
    } else i += 2;
  }
  return found;
}

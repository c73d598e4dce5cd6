// Turns forge's build output (out/<Name>.sol/<Name>.json) into `as const` ABIs so viem infers every argument
// and return type. Run after `forge build`: node --import tsx scripts/abi/generate.ts
// Output is deterministic (fixed contract order, ABI entries as forge emits them, stable JSON formatting).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = resolve(root, process.env.FORGE_OUT ?? 'out');
const target = resolve(root, 'web/lib/chain/abi/generated.ts');

/** The contracts the app talks to, in output order. */
export const contractNames = [
  'UnionFactory',
  'Union',
  'UnionToken',
  'UnionGovernor',
  'UnionTimelock',
  'UnionVestingWallet',
  'UnionArbiters',
  'Escrow',
  'Crowdfund',
  'Demands',
  'Courses',
] as const;

type AbiEntry = Record<string, unknown>;

/**
 * ABIs of contracts we deploy from their publishers' own npm build artifacts (never recompiled), cut
 * to the entries the app uses so the swap page's chunk stays small.
 */
export const artifactAbis = [
  {
    exportName: 'uniswapV2RouterAbi',
    file: 'node_modules/@uniswap/v2-periphery/build/UniswapV2Router02.json',
    entries: ['WETH', 'addLiquidityETH', 'factory', 'getAmountsOut', 'removeLiquidityETH', 'swapExactETHForTokens', 'swapExactTokensForETH'],
  },
  { exportName: 'uniswapV2FactoryAbi', file: 'node_modules/@uniswap/v2-core/build/UniswapV2Factory.json', entries: ['getPair'] },
  {
    exportName: 'uniswapV2PairAbi',
    file: 'node_modules/@uniswap/v2-core/build/UniswapV2Pair.json',
    entries: ['Swap', 'Sync', 'allowance', 'approve', 'balanceOf', 'getReserves', 'token0', 'token1', 'totalSupply'],
  },
] as const;

/** The named entries of an npm build artifact's ABI, in the artifact's own order. */
export function readArtifactAbi(file: string, entries: readonly string[]): AbiEntry[] {
  const parsed = JSON.parse(readFileSync(resolve(root, file), 'utf8')) as { abi?: unknown };
  if (!isAbi(parsed.abi)) throw new Error(`${file} has no ABI array`);
  const picked = parsed.abi.filter((e) => typeof e.name === 'string' && entries.includes(e.name));
  const missing = entries.filter((name) => !picked.some((e) => e.name === name));
  if (missing.length > 0) throw new Error(`${file} has no ${missing.join(', ')}`);
  return picked;
}

function isAbi(value: unknown): value is AbiEntry[] {
  return Array.isArray(value) && value.every((e) => typeof e === 'object' && e !== null && 'type' in e);
}

/** Reads one artifact's ABI, failing with a sentence that says what to do. */
export function readAbi(name: string, dir: string = outDir): AbiEntry[] {
  const file = resolve(dir, `${name}.sol`, `${name}.json`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file} (run forge build first): ${(error as Error).message}`);
  }
  const abi = typeof parsed === 'object' && parsed !== null ? (parsed as { abi?: unknown }).abi : undefined;
  if (!isAbi(abi)) throw new Error(`${file} has no ABI array`);
  return abi;
}

/** UnionFactory -> unionFactoryAbi */
export function exportName(name: string): string {
  return `${name.charAt(0).toLowerCase()}${name.slice(1)}Abi`;
}

export function render(abis: ReadonlyArray<readonly [string, AbiEntry[]]>, artifacts: ReadonlyArray<readonly [string, AbiEntry[]]> = []): string {
  const header = '// generated — do not edit. Source: forge out/ and npm build artifacts via scripts/abi/generate.ts\n';
  const body = [...abis.map(([name, abi]) => [exportName(name), abi] as const), ...artifacts]
    .map(([name, abi]) => `export const ${name} = ${JSON.stringify(abi, null, 2)} as const;\n`)
    .join('\n');
  return `${header}\n${body}`;
}

function main(): void {
  const abis = contractNames.map((name) => [name, readAbi(name)] as const);
  const artifacts = artifactAbis.map((a) => [a.exportName, readArtifactAbi(a.file, a.entries)] as const);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, render(abis, artifacts));
  process.stdout.write(`wrote ${target} (${abis.length + artifacts.length} ABIs)\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

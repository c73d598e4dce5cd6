// Turns forge's build output (out/<Name>.sol/<Name>.json) into `as const` ABIs so viem infers every argument
// and return type. Run after `forge build`: node --import tsx scripts/abi/generate.ts
// Output is deterministic (fixed contract order, ABI entries as forge emits them, stable JSON formatting).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  'UnionRelayAccount',
  'UnionPaymaster',
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

/**
 * Every custom error of the given ABIs, once per signature, in first-seen order: what the app needs
 * to decode a revert from any of its contracts without shipping their whole ABIs on first load.
 */
export function errorsOf(abis: ReadonlyArray<readonly [string, AbiEntry[]]>): AbiEntry[] {
  const seen = new Map<string, AbiEntry>();
  for (const [, abi] of abis) {
    for (const entry of abi) {
      if (entry.type !== 'error') continue;
      const inputs = Array.isArray(entry.inputs) ? (entry.inputs as Array<{ type?: unknown }>) : [];
      const signature = `${String(entry.name)}(${inputs.map((i) => String(i.type)).join(',')})`;
      if (!seen.has(signature)) seen.set(signature, entry);
    }
  }
  return [...seen.values()];
}

const HEADER = '// generated — do not edit. Source: forge out/ and npm build artifacts via scripts/abi/generate.ts\n';

/** Every exported ABI by its export name: the contracts', the npm artifacts' and the errors-only one. */
export function exportsOf(
  abis: ReadonlyArray<readonly [string, AbiEntry[]]>,
  artifacts: ReadonlyArray<readonly [string, AbiEntry[]]> = [],
): Array<readonly [string, AbiEntry[]]> {
  return [...abis.map(([name, abi]) => [exportName(name), abi] as const), ...artifacts, ['contractErrorsAbi', errorsOf(abis)] as const];
}

/** One ABI's module: a bundler chunks by module, so a page downloads only the ABIs it uses. */
export function renderOne(name: string, abi: AbiEntry[]): string {
  return `${HEADER}\nexport const ${name} = ${JSON.stringify(abi, null, 2)} as const;\n`;
}

/** The index every import goes through (`$lib/chain/abi/generated`), re-exporting each module. */
export function renderIndex(names: readonly string[]): string {
  return `${HEADER}\n${names.map((n) => `export { ${n} } from './${BY_CONTRACT}/${n}';\n`).join('')}`;
}

const BY_CONTRACT = 'by-contract';

function main(): void {
  const abis = contractNames.map((name) => [name, readAbi(name)] as const);
  const artifacts = artifactAbis.map((a) => [a.exportName, readArtifactAbi(a.file, a.entries)] as const);
  const all = exportsOf(abis, artifacts);
  const dir = resolve(dirname(target), BY_CONTRACT);
  rmSync(dir, { recursive: true, force: true }); // no module left over from a contract since removed
  mkdirSync(dir, { recursive: true });
  for (const [name, abi] of all) writeFileSync(resolve(dir, `${name}.ts`), renderOne(name, abi));
  writeFileSync(target, renderIndex(all.map(([name]) => name)));
  process.stdout.write(`wrote ${target} and ${all.length} modules in ${BY_CONTRACT}/ (${abis.length + artifacts.length} ABIs + errors)\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

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

export function render(abis: ReadonlyArray<readonly [string, AbiEntry[]]>): string {
  const header = '// generated — do not edit. Source: forge out/ via scripts/abi/generate.ts\n';
  const body = abis
    .map(([name, abi]) => `export const ${exportName(name)} = ${JSON.stringify(abi, null, 2)} as const;\n`)
    .join('\n');
  return `${header}\n${body}`;
}

function main(): void {
  const abis = contractNames.map((name) => [name, readAbi(name)] as const);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, render(abis));
  process.stdout.write(`wrote ${target} (${abis.length} ABIs)\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

// Prints the gzip size of the JS a first visit to "/" loads before the page is usable, and of the
// lazy chunks behind it, from Vite's client manifest. Run after `npm run build`:
//   node --import tsx scripts/site/bundle-report.ts
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
	file: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
}
type Manifest = Record<string, Chunk>;

const CLIENT = '.svelte-kit/output/client';

/** Static-import closure of some manifest keys (with `dynamic`, lazy imports too). */
function closure(m: Manifest, keys: string[], dynamic = false, seen = new Set<string>()): Set<string> {
	for (const k of keys) {
		if (seen.has(k) || !m[k]) continue;
		seen.add(k);
		closure(m, [...(m[k].imports ?? []), ...(dynamic ? (m[k].dynamicImports ?? []) : [])], dynamic, seen);
	}
	return seen;
}

async function gzipSize(file: string): Promise<number> {
	return gzipSync(await readFile(join(CLIENT, file)), { level: 9 }).length;
}

async function total(m: Manifest, keys: Set<string>): Promise<number> {
	let sum = 0;
	for (const k of keys) if (m[k]!.file.endsWith('.js')) sum += await gzipSize(m[k]!.file);
	return sum;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const manifest = JSON.parse(await readFile(join(CLIENT, '.vite/manifest.json'), 'utf8')) as Manifest;
const key = (suffix: string) => Object.keys(manifest).find((k) => k.endsWith(suffix));
const entries = Object.keys(manifest).filter((k) => manifest[k]!.isEntry && /entry|app\.js/.test(k));
const layout = key('nodes/0.js');
const home = key('nodes/2.js');
if (!layout || !home) throw new Error('layout or home node missing from the manifest; build first');

const shell = closure(manifest, [...entries, layout, home]);
const listUnions = key('web/lib/union/listUnions.ts');
const reads = listUnions ? closure(manifest, [listUnions]) : new Set<string>();
const readsOnly = new Set([...reads].filter((k) => !shell.has(k)));

const lazy: Array<[string, string | undefined]> = [
	['wallet connect (web3-onboard)', key('web/lib/wallet/onboard.ts')],
	['createUnion (viem write path)', key('web/lib/union/createUnion.ts')],
	['Ceramic profile read/write', key('web/lib/social/profile.ts')],
	['Ceramic http-client', key('node_modules/@ceramicnetwork/http-client/lib/ceramic-http-client.js')],
	['did-session (sign-in)', key('node_modules/did-session/dist/index.js')]
];

const rows: Array<[string, number]> = [
	['first load: kit runtime + layout + "/" page (before any data)', await total(manifest, shell)],
	['+ chain reads for the directory (viem public client, ABI)', await total(manifest, readsOnly)]
];
const already = new Set([...shell, ...reads]);
for (const [label, k] of lazy) {
	if (!k) continue;
	// Everything the feature may load, lazy imports included, minus what is already loaded.
	const own = new Set([...closure(manifest, [k], true)].filter((x) => !already.has(x)));
	rows.push([`lazy: ${label}`, await total(manifest, own)]);
}
const width = Math.max(...rows.map(([l]) => l.length));
console.log(`${'chunk group'.padEnd(width)}  gzip`);
for (const [label, size] of rows) console.log(`${label.padEnd(width)}  ${kb(size)}`);

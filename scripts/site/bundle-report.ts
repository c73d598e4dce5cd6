// Prints the gzip size of the JS a first visit to "/" loads before the directory lists unions (beside
// issue 14's 60 KB target and a SvelteKit hello world), and of the lazy chunks behind it, from Vite's
// client manifest. Run after `npm run build`:
//   node --import tsx scripts/site/bundle-report.ts
import { FIRST_LOAD_TARGET_KB, HELLO_WORLD_KB, firstLoadChunks, kb, unionPageChunks } from './firstLoad.ts';
import { CLIENT_DIR, closure, manifestKey, readManifest, type Manifest } from './manifest.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

async function total(m: Manifest, keys: Set<string>): Promise<number> {
	let sum = 0;
	for (const k of keys) if (m[k]!.file.endsWith('.js')) sum += gzipSync(await readFile(join(CLIENT_DIR, m[k]!.file)), { level: 9 }).length;
	return sum;
}

const manifest = await readManifest();
const chunks = await firstLoadChunks(manifest);
const shell = chunks.filter((c) => c.group === 'shell');
const reads = chunks.filter((c) => c.group === 'reads');
const sum = (cs: typeof chunks) => cs.reduce((n, c) => n + c.gzipBytes, 0);

const lazy: Array<[string, string | undefined]> = [
	['wallet connect (web3-onboard)', manifestKey(manifest, 'web/lib/wallet/onboard.ts')],
	['createUnion (viem write path)', manifestKey(manifest, 'web/lib/union/createUnion.ts')],
	['Ceramic profile read/write', manifestKey(manifest, 'web/lib/social/profile.ts')],
	['Ceramic http-client', manifestKey(manifest, 'node_modules/@ceramicnetwork/http-client/lib/ceramic-http-client.js')],
	['did-session (sign-in)', manifestKey(manifest, 'node_modules/did-session/dist/index.js')]
];

const rows: Array<[string, string]> = [
	['first load: kit runtime + layout + "/" page (before any data)', kb(sum(shell))],
	['+ the directory’s read (minimal JSON-RPC reader, factory ABI)', kb(sum(reads))],
	[`= JS before the directory lists unions (target ≤ ${FIRST_LOAD_TARGET_KB} KB; hello world ~${HELLO_WORLD_KB} KB)`, kb(sum(chunks))]
];
// The union page (/u/<union>): everything it imports statically, before its members show.
const unionPage = await unionPageChunks(manifest);
const viemInUnionPage = unionPage.some((c) => c.code.includes('viem@'));
rows.push([`union page: kit runtime + layouts + page + its reads (${unionPage.length} files; viem: ${viemInUnionPage ? 'yes' : 'no'})`, kb(unionPage.reduce((n, c) => n + c.gzipBytes, 0))]);
const already = new Set(chunks.map((c) => c.key));
for (const [label, k] of lazy) {
	if (!k) continue;
	// Everything the feature may load, lazy imports included, minus what is already loaded. The walk stops
	// at loaded chunks: their own lazy imports (the shell's wallet connect, say) are not this feature's.
	const own = new Set([...closure(manifest, [k], true, new Set(already))].filter((x) => !already.has(x)));
	rows.push([`lazy: ${label}`, kb(await total(manifest, own))]);
}
const width = Math.max(...rows.map(([l]) => l.length));
console.log(`${'chunk group'.padEnd(width)}  gzip`);
for (const [label, size] of rows) console.log(`${label.padEnd(width)}  ${size}`);

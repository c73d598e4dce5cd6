// What a cold visit to "/" downloads before the directory lists unions, from Vite's client manifest:
// the kit runtime, root layout and "/" page (static import closure of the entries and those nodes),
// plus the directory's read (web/lib/union/listUnions.ts, dynamically imported by the page, and its
// static closure). Shared by scripts/site/bundle-report.ts and test/unit/site/firstLoad.test.ts.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CLIENT_DIR, closure, manifestKey, type Manifest } from './manifest.ts';

/** Issue 14's target for that figure, and a SvelteKit hello world's for scale. */
export const FIRST_LOAD_TARGET_KB = 60;
export const HELLO_WORLD_KB = 28;

export interface FirstLoadChunk {
	key: string;
	file: string;
	gzipBytes: number;
	/** Where it is needed: before any data ('shell') or for the directory's read ('reads'). */
	group: 'shell' | 'reads';
	code: string;
}

/** Kit's generated route nodes (nodes/N.js, each re-exporting one route file's component). */
const NODES_DIR = '.svelte-kit/generated/client-optimized/nodes';

/**
 * The manifest key of the node whose component is `route` (e.g. 'routes/+page.svelte'). Kit numbers
 * nodes by its own sort (the union layout is node 2, "/" node 3 today), so a fixed number names
 * another route as soon as routes are added.
 */
export async function nodeKey(m: Manifest, route: string, nodesDir = NODES_DIR): Promise<string> {
	for (const f of await readdir(nodesDir)) {
		const text = await readFile(join(nodesDir, f), 'utf8');
		if (text.includes(`/web/${route}"`)) {
			const key = manifestKey(m, `nodes/${f}`);
			if (key) return key;
		}
	}
	throw new Error(`no route node for ${route} in ${nodesDir}: build first`);
}

/** The kit runtime's entries. */
const kitEntries = (m: Manifest): string[] => Object.keys(m).filter((k) => m[k]!.isEntry && /entry|app\.js/.test(k));

/**
 * The JS the union page (/u/<union>) imports statically: kit's runtime, the root and union layouts
 * and the page, with gzip sizes and code — what must arrive, parse and run before its members show
 * (the page's reads are static imports; the charter renderer, member panels and writes are lazy).
 */
export async function unionPageChunks(m: Manifest, clientDir = CLIENT_DIR): Promise<Omit<FirstLoadChunk, 'group'>[]> {
	const nodes = await Promise.all(['routes/+layout.svelte', 'routes/u/[union=address]/+layout.svelte', 'routes/u/[union=address]/+page.svelte'].map((r) => nodeKey(m, r)));
	const out: Omit<FirstLoadChunk, 'group'>[] = [];
	for (const key of closure(m, [...kitEntries(m), ...nodes])) {
		const file = m[key]!.file;
		if (!file.endsWith('.js')) continue;
		const code = await readFile(join(clientDir, file));
		out.push({ key, file, gzipBytes: gzipSync(code, { level: 9 }).length, code: code.toString('utf8') });
	}
	return out;
}

/** Every JS chunk of the first load, with its gzip size (level 9) and code. */
export async function firstLoadChunks(m: Manifest, clientDir = CLIENT_DIR): Promise<FirstLoadChunk[]> {
	const entries = kitEntries(m);
	const layout = await nodeKey(m, 'routes/+layout.svelte');
	const home = await nodeKey(m, 'routes/+page.svelte');
	const shell = closure(m, [...entries, layout, home]);
	const listUnions = manifestKey(m, 'web/lib/union/listUnions.ts');
	if (!listUnions) throw new Error('web/lib/union/listUnions.ts is not a chunk of its own: the page no longer imports it lazily');
	const reads = [...closure(m, [listUnions])].filter((k) => !shell.has(k));
	const out: FirstLoadChunk[] = [];
	for (const [group, keys] of [['shell', [...shell]], ['reads', reads]] as const) {
		for (const key of keys) {
			const file = m[key]!.file;
			if (!file.endsWith('.js')) continue;
			const code = await readFile(join(clientDir, file));
			out.push({ key, file, group, gzipBytes: gzipSync(code, { level: 9 }).length, code: code.toString('utf8') });
		}
	}
	return out;
}

export const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

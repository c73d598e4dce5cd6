// What a cold visit to "/" downloads before the directory lists unions, from Vite's client manifest:
// the kit runtime, root layout and "/" page (static import closure of the entries and nodes 0 and 2),
// plus the directory's read (web/lib/union/listUnions.ts, dynamically imported by the page, and its
// static closure). Shared by scripts/site/bundle-report.ts and test/unit/site/firstLoad.test.ts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ManifestChunk {
	file: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** Issue 14's target for that figure, and a SvelteKit hello world's for scale. */
export const FIRST_LOAD_TARGET_KB = 60;
export const HELLO_WORLD_KB = 28;

export const CLIENT_DIR = '.svelte-kit/output/client';

export async function readManifest(clientDir = CLIENT_DIR): Promise<Manifest> {
	return JSON.parse(await readFile(join(clientDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** Static-import closure of some manifest keys (with `dynamic`, lazy imports too). */
export function closure(m: Manifest, keys: string[], dynamic = false, seen = new Set<string>()): Set<string> {
	for (const k of keys) {
		if (seen.has(k) || !m[k]) continue;
		seen.add(k);
		closure(m, [...(m[k].imports ?? []), ...(dynamic ? (m[k].dynamicImports ?? []) : [])], dynamic, seen);
	}
	return seen;
}

export const manifestKey = (m: Manifest, suffix: string): string | undefined => Object.keys(m).find((k) => k.endsWith(suffix));

export interface FirstLoadChunk {
	key: string;
	file: string;
	gzipBytes: number;
	/** Where it is needed: before any data ('shell') or for the directory's read ('reads'). */
	group: 'shell' | 'reads';
	code: string;
}

/** Every JS chunk of the first load, with its gzip size (level 9) and code. */
export async function firstLoadChunks(m: Manifest, clientDir = CLIENT_DIR): Promise<FirstLoadChunk[]> {
	const entries = Object.keys(m).filter((k) => m[k]!.isEntry && /entry|app\.js/.test(k));
	const layout = manifestKey(m, 'nodes/0.js');
	const home = manifestKey(m, 'nodes/2.js');
	if (!layout || !home) throw new Error('layout or home node missing from the manifest; build first');
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

// Vite's client manifest (.svelte-kit/output/client/.vite/manifest.json), the one description of which
// chunk imports which that the post-build steps read: the first-load figures (firstLoad.ts,
// bundle-report.ts) and the per-route preloads index.html carries (route-preload.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One entry of the manifest (the fields read here). */
export interface ManifestChunk {
	file: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
	css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export const CLIENT_DIR = '.svelte-kit/output/client';

export async function readManifest(clientDir = CLIENT_DIR): Promise<Manifest> {
	return JSON.parse(await readFile(join(clientDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** Static-import closure of some manifest keys (with `dynamic`, lazy imports too), added to `seen`. */
export function closure(m: Manifest, keys: readonly string[], dynamic = false, seen = new Set<string>()): Set<string> {
	for (const k of keys) {
		if (seen.has(k) || !m[k]) continue;
		seen.add(k);
		closure(m, [...(m[k].imports ?? []), ...(dynamic ? (m[k].dynamicImports ?? []) : [])], dynamic, seen);
	}
	return seen;
}

/** The key whose path ends in `suffix`, e.g. 'web/lib/wallet/onboard.ts'. */
export const manifestKey = (m: Manifest, suffix: string): string | undefined => Object.keys(m).find((k) => k.endsWith(suffix));

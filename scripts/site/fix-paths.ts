// Post-build fix-up: SvelteKit's hash-router build still writes absolute "/_app/..." URLs into
// index.html, which break when the site is served from /ipfs/<cid>/. Rewrite them to "./_app/...".
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rehashInlineScripts } from './csp.ts';
import { readBuildRoutes, withRoutePreloads } from './route-preload.ts';

/** Matches "/_app/ when it starts a quoted URL or a CSS url(), i.e. is not already relative. */
const ABSOLUTE_APP = /(["'(=\s])\/_app\//g;

/** SvelteKit registers its service worker at the domain root; it must sit beside index.html. */
const ABSOLUTE_SW = /(["'])\/service-worker\.js\1/g;

/** Rewrites absolute /_app/ references in one HTML document; returns the new text and the count. */
export function fixPaths(html: string): { html: string; replaced: number } {
	let replaced = 0;
	let out = html.replace(ABSOLUTE_APP, (_m, lead: string) => {
		replaced += 1;
		return `${lead}./_app/`;
	});
	out = out.replace(ABSOLUTE_SW, (_m, q: string) => {
		replaced += 1;
		return `${q}./service-worker.js${q}`;
	});
	// The boot script changed, so the CSP hash SvelteKit computed for it no longer matches.
	if (replaced > 0 && /http-equiv="content-security-policy"/i.test(out)) out = rehashInlineScripts(out);
	return { html: out, replaced };
}

/** Rewrites every top-level *.html file in `dir`. */
export async function fixPathsInDir(dir: string): Promise<Array<{ file: string; replaced: number }>> {
	const names = (await readdir(dir)).filter((n) => n.endsWith('.html'));
	const results: Array<{ file: string; replaced: number }> = [];
	for (const name of names) {
		const file = join(dir, name);
		const { html, replaced } = fixPaths(await readFile(file, 'utf8'));
		if (replaced > 0) await writeFile(file, html);
		results.push({ file: name, replaced });
	}
	return results;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
	const dir = resolve(process.argv[2] ?? 'build');
	const results = await fixPathsInDir(dir);
	if (results.length === 0) {
		console.error(`fix-paths: no .html files in ${dir}`);
		process.exit(1);
	}
	for (const r of results) console.log(`fix-paths: ${r.file}: ${r.replaced} absolute /_app/ reference(s) made relative`);
	// The opened route's chunks, preloaded from index.html (scripts/site/route-preload.ts).
	const preloads = await readBuildRoutes(resolve('.'));
	const index = join(dir, 'index.html');
	await writeFile(index, rehashInlineScripts(withRoutePreloads(await readFile(index, 'utf8'), preloads)));
	console.log(`fix-paths: index.html: preloads for ${preloads.routes.length} routes (${preloads.files.length} files)`);
}

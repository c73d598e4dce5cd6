import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseDictionary, preloadScript, routePattern, routePreloads, withRoutePreloads } from '../../../scripts/site/route-preload';
import type { Manifest } from '../../../scripts/site/manifest';

// The shape kit 2 writes into .svelte-kit/generated/client-optimized/app.js.
const appJs = `export const nodes = [];
export const dictionary = {
		"/": [3],
		"/u/[union=address]": [7,[2]],
		"/u/[union=address]/courses/new": [12,[2]],
		"/u/[union=address]/courses/[id]": [9,[2]]
	};
export const hooks = {};`;

const manifest: Manifest = {
	'node_modules/@sveltejs/kit/src/runtime/client/entry.js': { file: '_app/immutable/entry/start.js', isEntry: true, imports: ['_runtime.js'] },
	'.svelte-kit/generated/client-optimized/app.js': { file: '_app/immutable/entry/app.js', isEntry: true, imports: ['_runtime.js'] },
	'_runtime.js': { file: '_app/immutable/chunks/runtime.js' },
	'.svelte-kit/generated/client-optimized/nodes/0.js': { file: '_app/immutable/nodes/0.js', isEntry: true, imports: ['_runtime.js'], css: ['_app/immutable/assets/0.css'] },
	'.svelte-kit/generated/client-optimized/nodes/1.js': { file: '_app/immutable/nodes/1.js', isEntry: true, imports: ['_runtime.js'] },
	'.svelte-kit/generated/client-optimized/nodes/2.js': { file: '_app/immutable/nodes/2.js', isEntry: true, imports: ['_nav.js'] },
	'.svelte-kit/generated/client-optimized/nodes/3.js': { file: '_app/immutable/nodes/3.js', isEntry: true, imports: ['_runtime.js'] },
	'.svelte-kit/generated/client-optimized/nodes/7.js': { file: '_app/immutable/nodes/7.js', isEntry: true, imports: ['_viem.js', '_nav.js'], css: ['_app/immutable/assets/7.css'] },
	'.svelte-kit/generated/client-optimized/nodes/9.js': { file: '_app/immutable/nodes/9.js', isEntry: true, imports: ['_viem.js'] },
	'.svelte-kit/generated/client-optimized/nodes/12.js': { file: '_app/immutable/nodes/12.js', isEntry: true, imports: ['_form.js'] },
	'_viem.js': { file: '_app/immutable/chunks/viem.js', imports: ['_runtime.js'] },
	'_nav.js': { file: '_app/immutable/chunks/nav.js' },
	'_form.js': { file: '_app/immutable/chunks/form.js' }
};

/** Runs the inline script against a fake document at `hash`; the links it would add. */
function linksFor(hash: string): Array<{ rel: string; href: string; as?: string }> {
	const added: Array<{ rel: string; href: string; as?: string }> = [];
	const fetched: string[] = [];
	const script = preloadScript(routePreloads(manifest, parseDictionary(appJs)));
	runInNewContext(script, {
		location: { hash },
		fetch: (url: string) => (fetched.push(url), Promise.resolve()),
		globalThis: {},
		document: { createElement: () => ({}), head: { appendChild: (l: { rel: string; href: string; as?: string }) => added.push({ ...l }) } }
	});
	expect(fetched).toEqual(['./config.json']);
	return added;
}

describe('route preloads', () => {
	it("reads kit's route dictionary: page node and layouts", () => {
		expect(parseDictionary(appJs)).toEqual({
			'/': { page: 3, layouts: [] },
			'/u/[union=address]': { page: 7, layouts: [2] },
			'/u/[union=address]/courses/new': { page: 12, layouts: [2] },
			'/u/[union=address]/courses/[id]': { page: 9, layouts: [2] }
		});
	});

	it('matches a parameter as one path segment', () => {
		const re = new RegExp(routePattern('/u/[union=address]/courses/[id]'));
		expect(re.test('/u/0xabc/courses/7')).toBe(true);
		expect(re.test('/u/0xabc/courses/7/')).toBe(true);
		expect(re.test('/u/0xabc/courses')).toBe(false);
		expect(re.test('/u/0xabc/courses/7/lesson')).toBe(false);
	});

	it("preloads the union page's nodes, chunks and CSS, but nothing index.html already preloads", () => {
		const byHref = (a: { href: string }, b: { href: string }) => a.href.localeCompare(b.href);
		expect(linksFor('#/u/0xabc').sort(byHref)).toEqual([
			{ rel: 'modulepreload', href: './_app/immutable/nodes/1.js' },
			{ rel: 'modulepreload', href: './_app/immutable/nodes/2.js' },
			{ rel: 'modulepreload', href: './_app/immutable/chunks/nav.js' },
			{ rel: 'modulepreload', href: './_app/immutable/nodes/7.js' },
			{ rel: 'modulepreload', href: './_app/immutable/chunks/viem.js' },
			{ rel: 'preload', as: 'style', href: './_app/immutable/assets/7.css' }
		].sort(byHref));
	});

	it('prefers a static segment over a parameter (courses/new is not course "new")', () => {
		const hrefs = linksFor('#/u/0xabc/courses/new').map((l) => l.href);
		expect(hrefs).toContain('./_app/immutable/nodes/12.js');
		expect(hrefs).not.toContain('./_app/immutable/nodes/9.js');
	});

	it('preloads the directory for an empty hash, and nothing for an unknown route', () => {
		expect(linksFor('').map((l) => l.href).sort()).toEqual(['./_app/immutable/nodes/1.js', './_app/immutable/nodes/3.js']);
		expect(linksFor('#/nowhere')).toEqual([]);
	});

	it('puts the script before the first stylesheet, which an inline script would wait for', () => {
		const html = `<head><link href="./a.js" rel="modulepreload">\n<link href="./0.css" rel="stylesheet"></head>`;
		const out = withRoutePreloads(html, { files: [], routes: [] });
		expect(out.indexOf('<script>')).toBeGreaterThan(out.indexOf('modulepreload'));
		expect(out.indexOf('<script>')).toBeLessThan(out.indexOf('rel="stylesheet"'));
	});
});

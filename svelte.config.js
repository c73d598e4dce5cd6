// SvelteKit config: a static, hash-routed site that works from any IPFS path (/ipfs/<cid>/).
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { execFileSync } from 'node:child_process';

/**
 * SvelteKit's default version is the build time, which lands in the boot script and version.json, so
 * two builds of one commit would get two CIDs. The commit (or NU_BUILD_VERSION) keeps builds reproducible.
 */
function buildVersion() {
	if (process.env.NU_BUILD_VERSION) return process.env.NU_BUILD_VERSION;
	try {
		return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
	} catch {
		return 'unversioned';
	}
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// Components' styles travel inside their JS and are added as <style> when first mounted, instead of
	// one .css file per chunk: a cold union page asked the gateway for four style sheets beside its
	// scripts, on the same 6 connections (issue 14). The global sheet (app.css) stays a file, preloaded
	// by index.html. CSP allows it: style-src has 'unsafe-inline'.
	compilerOptions: { css: 'injected' },
	kit: {
		// No fallback: with the hash router every route is served by the one index.html.
		adapter: adapter({ pages: 'build', assets: 'build', strict: true }),
		files: {
			src: 'web',
			routes: 'web/routes',
			lib: 'web/lib',
			appTemplate: 'web/app.html',
			errorTemplate: 'web/error.html',
			assets: 'static'
		},
		// Relative asset paths + hash routing: the site never assumes it lives at the domain root.
		paths: { relative: true },
		router: { type: 'hash' },
		version: { name: buildVersion() },
		// The app registers its service worker itself, once the first page is settled
		// (web/lib/offline/register.ts): kit's registration at `load` competed with the page's own chunks.
		serviceWorker: { register: false },
		// Content Security Policy, as a <meta> in index.html with hashes of SvelteKit's inline boot
		// script: no other inline script runs. connect-src/img-src list only 'self' here; the endpoints
		// live in config.json (runtime), so `npm run publish` and the local stack add that network's RPC,
		// Ceramic and IPFS origins to this meta when they stage the build (scripts/site/csp.ts).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;

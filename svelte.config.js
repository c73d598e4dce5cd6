// SvelteKit config: a static, hash-routed site that works from any IPFS path (/ipfs/<cid>/).
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
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
	}
};

export default config;

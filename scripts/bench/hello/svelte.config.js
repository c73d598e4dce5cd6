// The bench's anchor (scripts/bench/page-load.ts): a SvelteKit hello world built the way the site is
// (adapter-static, hash router, relative paths) and served from the same gateway in the same run, so
// the union page's cold load is read beside what any kit page costs from there.
import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
export default {
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', strict: true }),
		paths: { relative: true },
		router: { type: 'hash' },
		version: { name: 'bench-hello' }
	}
};

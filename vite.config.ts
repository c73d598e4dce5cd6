// Vite + Vitest config. defineConfig from vitest/config so svelte-check accepts the `test` block.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// web3-onboard and the Ceramic client are big lazy chunks by design; warn only on real surprises.
		chunkSizeWarningLimit: 1500
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'web',
					include: ['test/unit/web/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				// Components mounted in jsdom: svelte's browser build (the default resolves to its server build).
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'dom',
					include: ['test/unit/dom/**/*.test.ts'],
					environment: 'jsdom'
				}
			},
			{
				// Stack tests start real services: node env, long timeouts, one file at a time.
				test: {
					name: 'stack',
					include: ['test/unit/**/*.test.ts'],
					exclude: ['test/unit/web/**', 'test/unit/dom/**', '**/node_modules/**'],
					environment: 'node',
					testTimeout: 120_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			}
		]
	}
});

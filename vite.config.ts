// Vite + Vitest config. defineConfig from vitest/config so svelte-check accepts the `test` block.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { routeChunks } from './scripts/site/routeChunks.ts';

export default defineConfig({
	plugins: [sveltekit(), routeChunks()],
	build: {
		// web3-onboard and the Ceramic client are big lazy chunks by design; warn only on real surprises.
		chunkSizeWarningLimit: 1500,
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						// viem and the libraries under it as one lazy chunk instead of ~20 shared slices: a
						// chain page then waits on a few requests to the gateway, not a staircase of them
						// (a browser opens 6 connections per host). The first load reads through web/lib/rpc
						// and never imports viem, so this chunk stays off it.
						{ name: 'viem', priority: 1, test: /^(?!.*node_modules.*node_modules).*[\\/]node_modules[\\/](viem|ox|abitype)[\\/]/ }
						// + the client's shell (with the bundler's own helpers, above this group) and the union
						// page's groups, from routeChunks()
					]
				}
			}
		}
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

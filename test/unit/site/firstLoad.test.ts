// Issue 14: a cold visit to "/" downloads at most 60 KB gzip of JS before the directory lists unions,
// and none of it is viem (its public client alone is ~100 KB). Builds the site first (npm run build,
// the same build the e2e run serves), so the figure is this commit's, never a stale build's.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../scripts/lib/tools.ts';
import { FIRST_LOAD_TARGET_KB, firstLoadChunks, unionPageChunks, type FirstLoadChunk } from '../../../scripts/site/firstLoad.ts';
import { readManifest } from '../../../scripts/site/manifest.ts';

let chunks: FirstLoadChunk[];
let unionPage: Omit<FirstLoadChunk, 'group'>[];

// Strings that survive minification: createPublicClient's default name, and the version tag every
// viem error class (BaseError) carries.
const VIEM_CLIENT = 'Public Client';
const VIEM_ANY = 'viem@';

beforeAll(async () => {
	// Without vitest's NODE_ENV=test, which makes Vite build Svelte's dev runtime (~9 KB bigger).
	const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
	const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: projectRoot, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stderr}`);
	const manifest = await readManifest();
	chunks = await firstLoadChunks(manifest);
	unionPage = await unionPageChunks(manifest);
}, 300_000);

describe('the directory’s first load', () => {
	it(`is at most ${FIRST_LOAD_TARGET_KB} KB gzip of JS`, () => {
		const total = chunks.reduce((n, c) => n + c.gzipBytes, 0);
		const biggest = [...chunks].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 5).map((c) => `${c.key} ${(c.gzipBytes / 1024).toFixed(1)} KB`);
		expect(total / 1024, `first load ${(total / 1024).toFixed(1)} KB; biggest chunks: ${biggest.join(', ')}`).toBeLessThanOrEqual(FIRST_LOAD_TARGET_KB);
	});

	it('holds no viem client and no viem at all, the directory’s read included', () => {
		expect(chunks.some((c) => c.group === 'reads'), 'the directory read is a chunk of its own').toBe(true);
		expect(chunks.filter((c) => c.code.includes(VIEM_CLIENT)).map((c) => c.key)).toEqual([]);
		expect(chunks.filter((c) => c.code.includes(VIEM_ANY)).map((c) => c.key)).toEqual([]);
	});

	it('holds no web3-onboard and no Ceramic client', () => {
		expect(chunks.filter((c) => /web3-onboard|onboard-v2|ceramic-http-client|did-session/.test(c.key + c.code)).map((c) => c.key)).toEqual([]);
	});
});

// Issue 14: the union page reads its settings and members through the minimal JSON-RPC path, so
// viem's chunk (~93 KB gzip) is not downloaded, parsed or run before its members show.
describe('the union page’s static JS', () => {
	it('holds no viem', () => {
		expect(unionPage.length).toBeGreaterThan(chunks.length / 2);
		expect(unionPage.filter((c) => c.code.includes(VIEM_ANY) || c.code.includes(VIEM_CLIENT)).map((c) => c.key)).toEqual([]);
	});

	it('holds the reads the page starts with', () => {
		expect(unionPage.some((c) => c.code.includes('eth_getCode')), 'the settings read').toBe(true);
		expect(unionPage.some((c) => c.code.includes('eth_getLogs')), 'the member list sync').toBe(true);
	});
});

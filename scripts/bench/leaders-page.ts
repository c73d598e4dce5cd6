// The leaders page at scale, in Debian's Chromium on a phone viewport: the sync bench's cached big
// chain (bigChain.ts: one union, 5,000 members, 100k real Backed events by default) behind the built
// site on a local IPFS gateway, with no Ceramic node (names fall back to addresses, as when the node
// is down). Measured through the page itself:
//   cold:   first visit, the whole backing history synced into IndexedDB, ranked, first row drawn;
//   warm:   reloads in the same browser profile (median of 5), to the top rows on screen, ranked;
//   DOM:    rows in the document (the list is windowed) and the tab's JS heap after the reloads;
//   filter: typing an address fragment until the list shows only the matches.
//   node --import ./scripts/stack/polyfill.mjs --import tsx scripts/bench/leaders-page.ts
// NU_BENCH_SYNC_EVENTS picks the chain's size (shares the sync bench's cache).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { projectRoot } from '../lib/tools.ts';
import { portShift } from '../stack/config.ts';
import { startIpfs } from '../stack/processes.ts';
import { publishSite } from '../stack/publish-site.ts';
import type { AppConfig } from '../../web/lib/config/types.ts';
import { bigChain } from './bigChain.ts';
import type { Row } from './table.ts';

const RELOADS = 5;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
const TARGET_WARM_MS = 500;
const TARGET_HEAP_MB = 400;

export async function benchLeadersPage(log: (line: string) => void = (l) => console.error(l)): Promise<Row[]> {
	const events = Number(process.env.NU_BENCH_SYNC_EVENTS ?? 100_000);
	const backsPerMember = 20;
	const members = Math.ceil(events / backsPerMember);
	const shift = portShift();
	const big = await bigChain(Number(process.env.NU_BENCH_SYNC_ANVIL_PORT ?? 18745 + shift), { members, backsPerMember, events, txPerBlock: 2000 }, log);
	const dataDir = join(projectRoot, '.data', 'bench', 'leaders-page');
	await rm(dataDir, { recursive: true, force: true });
	const ipfs = await startIpfs({
		NU_DATA_DIR: dataDir,
		NU_GATEWAY_PORT: String(18780 + shift),
		NU_IPFS_API_PORT: String(15701 + shift),
		NU_IPFS_SWARM_PORT: String(14701 + shift),
		NU_IPFS_WS_PORT: String(14702 + shift)
	});
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
	try {
		const config: AppConfig = {
			chain: { id: big.anvil.chain.id, name: 'Local chain (anvil)', rpcUrl: big.anvil.rpcUrl, blockExplorer: null },
			// The leaders page reads only the union's own events, from its creation block.
			contracts: { unionFactory: big.union, deployBlock: big.createdBlock },
			// No node: profile reads fail fast and the page shows addresses (the fallback is part of the test).
			ceramic: { url: 'http://127.0.0.1:9/', models: { profile: 'kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god9' } },
			ipfs: { gateway: ipfs.gatewayUrl, uploadUrl: `${ipfs.apiUrl}/api/v0/add` },
			demo: { union: big.union },
			uniswap: null
		};
		const cid = await publishSite(ipfs.apiUrl, dataDir, config);
		const url = `${ipfs.gatewayUrl}/ipfs/${cid}/#/u/${big.union}/leaders`;
		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		log(`leaders page: cold visit (${events.toLocaleString('en')} events through the page)`);
		let t = Date.now();
		await page.goto(url);
		await ranked(page, 300_000);
		const cold = Date.now() - t;
		const warm: number[] = [];
		for (let i = 0; i < RELOADS; i++) {
			t = Date.now();
			await page.reload();
			await ranked(page, 60_000);
			warm.push(Date.now() - t);
		}
		const summary = await page.getByTestId('leaders-summary').textContent();
		const rows = await page.getByTestId('leader-item').count();
		const total = Number(await page.getByTestId('leader-list').getAttribute('data-total'));
		const heap = await jsHeap(page);
		// A fragment that matches a few members' addresses: the list must shrink to exactly those.
		const first = (await page.getByTestId('leader-item').first().getAttribute('data-address')) ?? '';
		const fragment = first.slice(2, 8);
		t = Date.now();
		await page.getByTestId('leaders-filter').fill(fragment);
		await page.waitForFunction((n) => Number(document.querySelector('[data-testid="leader-list"]')?.getAttribute('data-total')) < n, total, { timeout: 30_000 });
		const filterMs = Date.now() - t;
		await context.close();
		return [
			{ name: `leaders page ${short(events)}: cold visit → ranked list`, value: sec(cold), note: `Chromium, phone viewport · sync of every event from the chain into IndexedDB, replay, rank, first rows (${summary?.replace(/\s+/g, ' ').trim().slice(0, 80)})` },
			{ name: `leaders page ${short(events)}: warm reload → top rows on screen`, value: `${median(warm)} ms`, note: `target ≤ ${TARGET_WARM_MS} ms · median of ${RELOADS} reloads (${warm.join(', ')} ms), snapshot + reorg window + worker rank + render` },
			{ name: `leaders page ${short(events)}: DOM rows / total`, value: `${rows} / ${total}`, note: 'target: at most a few hundred rows in the document' },
			{ name: `leaders page ${short(events)}: JS heap after ${RELOADS} reloads`, value: `${heap} MB`, note: `target ≤ ${TARGET_HEAP_MB} MB · main thread (performance.memory)` },
			{ name: `leaders page ${short(events)}: filter by an address fragment`, value: `${filterMs} ms`, note: `"${fragment}" typed → list of ${total} narrowed` }
		];
	} finally {
		await browser.close();
		await ipfs.stop().catch(() => undefined);
		await big.anvil.stop();
		await rm(dataDir, { recursive: true, force: true });
	}
}

/** The ranked list with its first row on screen. */
async function ranked(page: Page, timeout: number): Promise<void> {
	await page.getByTestId('leaders-summary').waitFor({ timeout });
	await page.getByTestId('leader-item').first().waitFor({ state: 'visible', timeout });
}

async function jsHeap(page: Page): Promise<number> {
	const used = await page.evaluate(() => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);
	return Math.round(used / 1024 / 1024);
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)] ?? NaN;
}

const short = (x: number): string => (x >= 1_000_000 ? `${x / 1_000_000}M` : x >= 1000 ? `${x / 1000}k` : String(x));
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { printTable } = await import('./table.ts');
	printTable('Social layer — the leaders page at scale, in Chromium', await benchLeadersPage());
	process.exit(0);
}

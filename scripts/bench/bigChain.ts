// The sync bench's big chain, generated once and kept: anvil --dump-state writes it under
// .data/bench/chains/, keyed by the contract build fingerprint (scripts/stack/deploy.ts) and the
// history's shape, and later runs start anvil with --load-state instead of spending ~30 s or more
// re-creating 100k transactions. Any contract change makes a new key, so a stale chain is never used.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPublicClient, http, type Address, type PublicClient } from 'viem';
import { deployUnion, startAnvil, type Anvil } from '../../test/unit/sync/localChain.ts';
import { createBackingHistory, type HistoryOptions } from '../lib/unionHistory.ts';
import { projectRoot } from '../lib/tools.ts';
import { buildFingerprint } from '../stack/deploy.ts';

export const CHAIN_CACHE_DIR = join(projectRoot, '.data', 'bench', 'chains');
const ANVIL_ARGS = ['--gas-limit', '2000000000', '--order', 'fifo'];

export interface BigChain {
	anvil: Anvil;
	publicClient: PublicClient;
	union: Address;
	createdBlock: number;
	head: number;
	/** Time spent creating the history, or null when it came from the cache. */
	createMs: number | null;
	/** Time anvil took to load the cached state (always loaded, so both runs measure the same chain). */
	loadMs: number;
	file: string;
}

interface Meta {
	union: Address;
	createdBlock: number;
	head: number;
}

export async function bigChain(port: number, history: Omit<HistoryOptions, 'log'>, log: (line: string) => void): Promise<BigChain> {
	const fingerprint = (await buildFingerprint()).slice(0, 16);
	const name = `sync-${history.members}m-${history.events}b-${history.txPerBlock}pb-${history.gapBlocks ?? 0}g-${fingerprint}`;
	const file = join(CHAIN_CACHE_DIR, `${name}.json`);
	const metaFile = join(CHAIN_CACHE_DIR, `${name}.meta.json`);
	let meta = await readFile(metaFile, 'utf8')
		.then((text) => JSON.parse(text) as Meta)
		.catch(() => null);
	let createMs: number | null = null;
	if (!meta) {
		await mkdir(CHAIN_CACHE_DIR, { recursive: true });
		const partial = `${file}.partial`;
		log(`sync bench: no cached chain for ${name}; creating it (anvil --dump-state)`);
		const anvil = await startAnvil(port, [...ANVIL_ARGS, '--dump-state', partial]);
		try {
			const chain = await deployUnion(anvil);
			const t0 = performance.now();
			await createBackingHistory(anvil.rpcUrl, chain.union, { ...history, log });
			createMs = performance.now() - t0;
			meta = { union: chain.union, createdBlock: chain.createdBlock, head: Number(await chain.publicClient.getBlockNumber({ cacheTime: 0 })) };
		} finally {
			await anvil.stop(); // anvil writes the dump on exit
		}
		// Renamed only once complete: an interrupted generation leaves no half chain behind a valid key.
		await rename(partial, file);
		await writeFile(metaFile, JSON.stringify(meta));
	}
	const t0 = performance.now();
	const anvil = await startAnvil(port, [...ANVIL_ARGS, '--load-state', file], 300_000).catch(async (e: unknown) => {
		// A corrupt cache file: drop it so the next run regenerates.
		await rm(metaFile, { force: true });
		throw e;
	});
	const loadMs = performance.now() - t0;
	const publicClient = createPublicClient({ chain: anvil.chain, transport: http(anvil.rpcUrl) }) as PublicClient;
	return { anvil, publicClient, union: meta.union, createdBlock: meta.createdBlock, head: meta.head, createMs, loadMs, file };
}

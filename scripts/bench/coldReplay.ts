// Cold replay of 1.1M events: the leaders page opened with nothing in memory, from its IndexedDB
// cache to the live graph, before ranking starts. In Node, with fake-indexeddb standing in for the
// browser's IndexedDB (the same `idb` code, structured clones of the same rows); Chromium's
// IndexedDB is usually faster for one large row, so this is an upper bound of the storage part.
//
// The fixture: one union of 100,000 members (random addresses; a founder, then joins by the open
// door and by invitation) and 1,000,000 backs, each member backing ten distinct others with a
// popularity skew (a leader is drawn as ⌊n·u²⌋, so a few thousand members collect most backing),
// with 1% of the backs later withdrawn, 0.3% of the members leaving and half of those rejoining —
// 1.1M events in chain order, packed by the app's own appendCompact into the snapshot row the page's
// sync writes (web/lib/leaders/snapshotStore.ts), with the log cache's cursor beside it
// (web/lib/sync/idbStore.ts). It is generated once and kept under .data/bench/replay/.
//
// Timed, median of 5 (each a fresh database connection, as on a page load):
//   read:   open both stores, the log cursor, the snapshot row (packed events + address table + scores);
//   clone:  structuredClone of what the page posts to the rank worker (stands in for postMessage);
//   replay: the worker's `load` — the bulk replay into CSR rows (rank/replay.ts);
//   rank:   the worker's `rank` to the top 50, warm-started from the saved scores.
// Anchor in the same run: the event-by-event replay of graph.ts (per-member lists, Map lookups) —
// what `load` did before the bulk replay — over the same events.
//   node --import tsx scripts/bench/coldReplay.ts
import 'fake-indexeddb/auto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appendCompact, emptyCompact, unpackCompact, type CompactEvents } from '../../web/lib/leaders/rank/compact';
import { BackingGraph } from '../../web/lib/leaders/rank/graph';
import type { SocialEvent } from '../../web/lib/leaders/rank/events';
import { createRankHandler } from '../../web/lib/leaders/rank/protocol';
import { SnapshotStore } from '../../web/lib/leaders/snapshotStore';
import { scoresFor } from '../../web/lib/leaders/scores';
import { IdbSyncStore } from '../../web/lib/sync/idbStore';
import { prng } from '../lib/randomGraph.ts';
import { projectRoot } from '../lib/tools.ts';
import type { Row } from './table.ts';

const MEMBERS = 100_000;
const BACKS_PER_MEMBER = 10;
const RUNS = 5;
const TARGET_MS = 2000;
const UNION = '0x00000000000000000000000000000000000b3c11' as const;
const SCOPE = { chainId: 31337, address: UNION };
export const FIXTURE = join(projectRoot, '.data', 'bench', 'replay', `snapshot-${MEMBERS}-${BACKS_PER_MEMBER}-v1.bin`);

/** The history described at the top, in chain order. */
function history(): SocialEvent[] {
	const rand = prng(2026);
	const hex = (): string => Math.floor(rand() * 0x100000000).toString(16).padStart(8, '0');
	const addresses = Array.from({ length: MEMBERS }, () => `0x${hex()}${hex()}${hex()}${hex()}${hex()}`);
	const events: SocialEvent[] = [];
	let block = 100;
	let logIndex = 0;
	const at = (): { blockNumber: number; logIndex: number } => {
		if (logIndex === 2000) (block++, (logIndex = 0));
		return { blockNumber: block, logIndex: logIndex++ };
	};
	for (let i = 0; i < MEMBERS; i++) events.push({ ...at(), kind: 'joined', member: addresses[i], path: i === 0 ? 0 : rand() < 0.7 ? 1 : 2 });
	const backs: Array<[number, number]> = [];
	for (let i = 0; i < MEMBERS; i++) {
		const chosen = new Set<number>();
		while (chosen.size < BACKS_PER_MEMBER) {
			const u = rand();
			const l = Math.floor(MEMBERS * u * u);
			if (l !== i) chosen.add(l);
		}
		for (const l of chosen) backs.push([i, l]);
	}
	// Chain order: backs from all members interleaved (a shuffle), withdrawals and leaves among them.
	for (let k = backs.length - 1; k > 0; k--) {
		const j = Math.floor(rand() * (k + 1));
		[backs[k], backs[j]] = [backs[j], backs[k]];
	}
	for (let k = 0; k < backs.length; k++) {
		const [b, l] = backs[k];
		events.push({ ...at(), kind: 'backed', backer: addresses[b], leader: addresses[l] });
		if (rand() < 0.01 && k > 1000) {
			const [ub, ul] = backs[k - 1 - Math.floor(rand() * 1000)];
			events.push({ ...at(), kind: 'unbacked', backer: addresses[ub], leader: addresses[ul] });
		}
		if (rand() < (0.003 * MEMBERS) / backs.length) {
			const who = addresses[1 + Math.floor(rand() * (MEMBERS - 1))];
			events.push({ ...at(), kind: 'left', member: who });
			if (rand() < 0.5) events.push({ ...at(), kind: 'joined', member: who, path: 1 });
		}
	}
	return events;
}

/** The fixture file: a JSON header line, then kinds, a, b, scores as raw bytes (read by leaders-page.ts too). */
export async function fixture(log: (line: string) => void): Promise<{ compact: CompactEvents; scores: Float64Array; lastBlock: number }> {
	if (existsSync(FIXTURE)) {
		const bytes = await readFile(FIXTURE);
		const newline = bytes.indexOf(10);
		const head = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { addresses: string[]; count: number; lastBlock: number; lastLogIndex: number };
		const copy = (from: number, length: number): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset + from, bytes.byteOffset + from + length);
		let at = newline + 1;
		const kinds = new Uint8Array(copy(at, head.count));
		at += head.count;
		const a = new Int32Array(copy(at, head.count * 4));
		at += head.count * 4;
		const b = new Int32Array(copy(at, head.count * 4));
		at += head.count * 4;
		const scores = new Float64Array(copy(at, head.addresses.length * 8));
		const compact = { addresses: head.addresses, count: head.count, kinds, a, b, lastBlock: head.lastBlock, lastLogIndex: head.lastLogIndex };
		return { compact, scores, lastBlock: head.lastBlock };
	}
	log(`cold replay: generating the 1.1M-event fixture (once) → ${relative(projectRoot, FIXTURE)}`);
	const compact = appendCompact(emptyCompact(), history());
	// The scores the page saves after its first ranking (the warm start of every later visit).
	const handle = createRankHandler();
	handle({ id: 1, type: 'load', compact });
	const ranked = handle({ id: 2, type: 'rank' });
	if (ranked.type !== 'ranked') throw new Error(ranked.type === 'error' ? ranked.message : 'no ranking');
	const scores = scoresFor(compact, ranked.ranking);
	const head = JSON.stringify({ addresses: compact.addresses, count: compact.count, lastBlock: compact.lastBlock, lastLogIndex: compact.lastLogIndex });
	await mkdir(dirname(FIXTURE), { recursive: true });
	const bytes = (v: ArrayBufferView): Buffer => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
	await writeFile(FIXTURE, Buffer.concat([Buffer.from(`${head}\n`), bytes(compact.kinds), bytes(compact.a), bytes(compact.b), bytes(scores)]));
	return { compact, scores, lastBlock: compact.lastBlock };
}

export async function benchColdReplay(log: (line: string) => void = (l) => console.error(l)): Promise<Row[]> {
	const { compact, scores, lastBlock } = await fixture(log);
	const name = `bench-replay-${Date.now()}`;
	// Written once into the page's stores, as its sync leaves them (not timed).
	{
		const logs = await IdbSyncStore.open(`${name}-logs`);
		const snapshots = await SnapshotStore.open(`${name}-snap`);
		const cursor = { startBlock: 100, lastSyncedBlock: lastBlock };
		await logs.commit(SCOPE, { fromBlock: lastBlock - 11, toBlock: lastBlock }, [], cursor);
		await snapshots.put(SCOPE, { compact, cursor, scores });
		logs.close();
		snapshots.close();
	}
	const runs: Array<{ read: number; clone: number; replay: number; rank: number; members: number; edges: number; iterations: number }> = [];
	for (let run = 0; run < RUNS; run++) {
		globalThis.gc?.();
		const t0 = performance.now();
		const logs = await IdbSyncStore.open(`${name}-logs`);
		const snapshots = await SnapshotStore.open(`${name}-snap`);
		const [cursor, snapshot] = await Promise.all([logs.loadCursor(SCOPE), snapshots.get(SCOPE)]);
		if (!cursor || !snapshot) throw new Error('the fixture is not in the stores');
		await logs.loadLogs(SCOPE, cursor.lastSyncedBlock - 11);
		const t1 = performance.now();
		const message = structuredClone({ compact: snapshot.compact, scores: snapshot.scores });
		const t2 = performance.now();
		const handle = createRankHandler();
		const loaded = handle({ id: 1, type: 'load', compact: message.compact, scores: message.scores });
		if (loaded.type !== 'applied') throw new Error(loaded.type === 'error' ? loaded.message : loaded.type);
		const t3 = performance.now();
		const ranked = handle({ id: 2, type: 'rank', limit: 50 });
		if (ranked.type !== 'ranked') throw new Error(ranked.type === 'error' ? ranked.message : 'no ranking');
		const t4 = performance.now();
		logs.close();
		snapshots.close();
		runs.push({ read: t1 - t0, clone: t2 - t1, replay: t3 - t2, rank: t4 - t3, members: loaded.members, edges: loaded.edges, iterations: ranked.ranking.iterations });
	}
	globalThis.gc?.();
	const unpacked = unpackCompact(compact);
	const t5 = performance.now();
	new BackingGraph().apply(unpacked);
	const perEvent = performance.now() - t5;
	const med = (f: (r: (typeof runs)[number]) => number): number => median(runs.map(f));
	const total = med((r) => r.read + r.clone + r.replay);
	const last = runs[runs.length - 1];
	const events = `${(compact.count / 1e6).toFixed(2)}M`;
	return [
		{
			name: `cold replay ${events} events: IndexedDB → live graph`,
			value: ms(total),
			note: `target ≤ ${ms(TARGET_MS)} · median of ${RUNS} (${runs.map((r) => ms(r.read + r.clone + r.replay)).join(', ')}) · Node + fake-indexeddb · ${last.members.toLocaleString('en')} members, ${last.edges.toLocaleString('en')} live edges`
		},
		{ name: `cold replay ${events}: read the snapshot row + log cursor`, value: ms(med((r) => r.read)), note: `${relative(projectRoot, FIXTURE)} written into the page's stores once` },
		{ name: `cold replay ${events}: clone to the worker (postMessage stand-in)`, value: ms(med((r) => r.clone)), note: `${compact.addresses.length.toLocaleString('en')} addresses + 9 bytes an event + scores` },
		{ name: `cold replay ${events}: bulk replay into CSR rows (worker load)`, value: ms(med((r) => r.replay)), note: 'rank/replay.ts: eras + counting sort per leader' },
		{ name: `cold replay ${events}: (anchor) event-by-event replay, same run`, value: ms(perEvent), note: 'graph.ts per-member lists over the same events: the worker’s load before the bulk replay' },
		{ name: `cold replay ${events}: then rank to the top 50`, value: ms(med((r) => r.rank)), note: `${last.iterations} iterations, warm start from the saved scores · load average ${loadavg()[0].toFixed(1)} on 2 cores` }
	];
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)] ?? NaN;
}

function ms(x: number): string {
	return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { printTable } = await import('./table.ts');
	printTable('Social layer — cold replay of 1.1M events from the IndexedDB cache', await benchColdReplay());
	process.exit(0);
}

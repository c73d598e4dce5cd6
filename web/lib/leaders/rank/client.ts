// Main-thread client of the rank worker: posts events, awaits ranked results.
import type { RankRequest, RankResponse } from './protocol';
import type { SupportRankOptions, SupportRanking } from './supportRank';
import type { SocialEvent } from './events';
import type { CompactEvents } from './compact';
import type { LeaderTable } from './table';

/** What the client needs of a Worker (a real Worker, or an in-process stand-in in tests). */
export interface RankPort {
	postMessage(message: RankRequest): void;
	onmessage: ((event: MessageEvent<RankResponse>) => void) | null;
	terminate(): void;
}

export interface Applied {
	changed: number;
	members: number;
	edges: number;
	/** Time spent inside the worker (for a load: the replay). */
	ms?: number;
}

export interface Ranked {
	ranking: SupportRanking;
	/** Time spent ranking inside the worker. */
	ms: number;
	/** After a load: the scores parallel to the loaded compact.addresses (its scores row). */
	scores?: Float64Array;
}

// A union of a request without its id, distributed over each variant.
type Body<T> = T extends { id: number } ? Omit<T, 'id'> : never;

export function spawnRankWorker(): RankPort {
	return new Worker(new URL('./rank.worker.ts', import.meta.url), { type: 'module' }) as unknown as RankPort;
}

export class RankClient {
	private nextId = 1;
	private readonly pending = new Map<number, { resolve: (r: RankResponse) => void; reject: (e: Error) => void }>();

	constructor(private readonly port: RankPort = spawnRankWorker()) {
		port.onmessage = (event) => {
			const res = event.data;
			const waiter = this.pending.get(res.id);
			if (!waiter) return;
			this.pending.delete(res.id);
			if (res.type === 'error') waiter.reject(new Error(res.message));
			else waiter.resolve(res);
		};
	}

	/** Drops the worker's state and replays `events` (first load, or after a reorg). */
	async reset(events: SocialEvent[] = [], options?: SupportRankOptions): Promise<Applied> {
		return applied(await this.request({ type: 'reset', events, options }));
	}

	/** Drops the worker's state and replays a packed snapshot. */
	async load(compact: CompactEvents, options?: SupportRankOptions, scores?: Float64Array): Promise<Applied> {
		return applied(await this.request({ type: 'load', compact, options, scores }));
	}

	/** Applies new events on top of the worker's graph. */
	async apply(events: SocialEvent[]): Promise<Applied> {
		return applied(await this.request({ type: 'apply', events }));
	}

	async rank(limit?: number): Promise<Ranked> {
		const res = await this.request({ type: 'rank', limit });
		if (res.type !== 'ranked') throw new Error(`rank worker answered ${res.type} to rank`);
		return { ranking: res.ranking, ms: res.ms, scores: res.scores };
	}

	/** After a `load`: ranks every member, answered as typed arrays over `addresses` (the loaded table). */
	async rankTable(addresses: readonly string[]): Promise<Ranked & { table: LeaderTable }> {
		const res = await this.request({ type: 'rank', table: true });
		if (res.type !== 'ranked' || !res.table) throw new Error(`rank worker answered ${res.type} without a table (no snapshot loaded?)`);
		return { ranking: res.ranking, ms: res.ms, scores: res.scores, table: { ...res.table, addresses } };
	}

	terminate(): void {
		this.port.terminate();
		for (const waiter of this.pending.values()) waiter.reject(new Error('rank worker terminated'));
		this.pending.clear();
	}

	private request(body: Body<RankRequest>): Promise<RankResponse> {
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.port.postMessage({ ...body, id } as RankRequest);
		});
	}
}

function applied(res: RankResponse): Applied {
	if (res.type !== 'applied') throw new Error(`rank worker answered ${res.type}`);
	return { changed: res.changed, members: res.members, edges: res.edges, ms: res.ms };
}

// The live backing graph, replayed from union events in chain order and updated in place as new
// events arrive (no rebuild).
//
// The contract keeps a membership epoch per member and an edge is live only while both ends are in
// the epoch the edge was made in. Here that rule becomes: when a member leaves, every edge touching
// them is deleted. A rejoin starts a new epoch with no edges, so nothing is revived, and the edges
// that remain are exactly the contract's live edges (`isBacking`). Events the contract would have
// rejected (backing a non-member, duplicate edge, …) are ignored so a bad log cannot corrupt state.
import { buildCsr, type Csr } from './pagerank';
import { JOIN_PATH_FOUNDER, type SocialEvent } from './events';
import type { CompactEvents } from './compact';
import { replayCompact, type ReplayedGraph } from './replay';

export interface GraphCsr {
	csr: Csr;
	/** Compact CSR index → graph id. */
	nodeIds: Int32Array;
	/** Graph id → compact CSR index, or -1 for a non-member. */
	compactOf: Int32Array;
}

export class BackingGraph {
	/** Lower-cased address of each id; ids are handed out on first sight and never reused. */
	private addressList: string[] = [];
	private ids = new Map<string, number>();
	private active: boolean[] = [];
	/** Joins so far per id (the contract's epoch). */
	private epochs: number[] = [];
	// Adjacency as plain arrays, not Sets: replaying 1M backs is ~2x faster and degrees are small
	// enough that the linear duplicate check and removal stay cheap.
	private outEdges: Array<number[] | undefined> = [];
	private inEdges: Array<number[] | undefined> = [];
	/** Ids in order of their first join (seed candidates). */
	private joinOrder: number[] = [];
	/**
	 * After a bulk load (applyCompact on an empty graph): the live graph as typed arrays over the
	 * snapshot's address indices, which are then the ids. The per-id lists above are filled from it
	 * only when something needs them (an incremental apply, a member's backs); ranking reads it as is.
	 */
	private bulk: ReplayedGraph | null = null;
	/** The id → address map is built on first use after a bulk load (1M strings cost ~0.3 s). */
	private idsBuilt = true;
	private founderId = -1;
	private memberCount = 0;
	private edgeCount = 0;
	private lastBlock = -1;
	private lastLogIndex = -1;

	/** Lower-cased address of each id. */
	get addresses(): readonly string[] {
		return this.addressList;
	}

	get members(): number {
		return this.memberCount;
	}

	get edges(): number {
		return this.edgeCount;
	}

	/** The founder's address (first MemberJoined with path Founder), if seen. */
	get founder(): string | undefined {
		return this.founderId >= 0 ? this.addressList[this.founderId] : undefined;
	}

	/** Applies events in order; returns how many changed the graph. */
	apply(events: readonly SocialEvent[]): number {
		this.materialise();
		let changed = 0;
		for (const ev of events) {
			if (this.alreadyApplied(ev)) continue;
			if (this.applyOne(ev)) changed++;
		}
		return changed;
	}

	isMember(address: string): boolean {
		const id = this.idOf(address);
		if (this.bulk) return id !== undefined && (this.bulk.eras[id] & 1) === 1;
		return id !== undefined && this.active[id] === true;
	}

	isBacking(backer: string, leader: string): boolean {
		this.materialise();
		const b = this.ids.get(backer.toLowerCase());
		const l = this.ids.get(leader.toLowerCase());
		return b !== undefined && l !== undefined && this.outEdges[b]?.includes(l) === true;
	}

	/** Addresses `address` backs right now (live edges only). */
	backsOf(address: string): string[] {
		this.materialise();
		const id = this.ids.get(address.toLowerCase());
		return id === undefined ? [] : (this.outEdges[id] ?? []).map((l) => this.addresses[l]);
	}

	/** Addresses backing `address` right now. */
	backersOf(address: string): string[] {
		this.materialise();
		const id = this.ids.get(address.toLowerCase());
		return id === undefined ? [] : (this.inEdges[id] ?? []).map((b) => this.addresses[b]);
	}

	/** Current members' addresses, in id order. */
	memberAddresses(): string[] {
		this.materialise();
		return this.addresses.filter((_, id) => this.active[id]);
	}

	/**
	 * A leader's support base: every member from whom backing reaches `leader` along live edges
	 * (breadth-first over backers), and the edges among them, as [backer, leader] index pairs into
	 * `nodes`. `limit` caps the node count (nearest backers first) so a drawing stays bounded.
	 */
	supportBase(leader: string, limit = 10_000): { nodes: string[]; depth: Int32Array; edges: Array<[number, number]> } {
		this.materialise();
		const root = this.ids.get(leader.toLowerCase());
		if (root === undefined || !this.active[root]) return { nodes: [], depth: new Int32Array(0), edges: [] };
		const order: number[] = [root];
		const local = new Map<number, number>([[root, 0]]);
		const depths: number[] = [0];
		for (let head = 0; head < order.length && order.length < limit; head++) {
			const id = order[head];
			for (const b of this.inEdges[id] ?? []) {
				if (local.has(b)) continue;
				local.set(b, order.length);
				order.push(b);
				depths.push(depths[head] + 1);
				if (order.length >= limit) break;
			}
		}
		const edges: Array<[number, number]> = [];
		for (let k = 0; k < order.length; k++) {
			for (const l of this.outEdges[order[k]] ?? []) {
				const j = local.get(l);
				if (j !== undefined) edges.push([k, j]);
			}
		}
		return { nodes: order.map((id) => this.addresses[id]), depth: Int32Array.from(depths), edges };
	}

	/** Membership epoch (number of joins) of an address; 0 if it never joined. */
	epoch(address: string): number {
		const id = this.idOf(address);
		if (id === undefined) return 0;
		return this.bulk ? (this.bulk.eras[id] + 1) >> 1 : this.epochs[id];
	}

	idOf(address: string): number | undefined {
		this.buildIds();
		return this.ids.get(address.toLowerCase());
	}

	/**
	 * Whether this graph was bulk-loaded from (a structured clone of) exactly these addresses, so
	 * that an id is an index into them — e.g. scores saved parallel to a snapshot's address table.
	 */
	idsAreIndicesOf(addresses: readonly string[]): boolean {
		return this.bulk !== null && addresses === this.addressList;
	}

	/** Default seeds: the founder plus the first `count` other members to join (current members only). */
	defaultSeeds(count: number): number[] {
		const seeds: number[] = [];
		const bulk = this.bulk;
		const isActive = (id: number): boolean => (bulk ? (bulk.eras[id] & 1) === 1 : this.active[id]);
		if (this.founderId >= 0 && isActive(this.founderId)) seeds.push(this.founderId);
		let others = 0;
		const order = bulk ? bulk.joinOrder : this.joinOrder;
		for (const id of order) {
			if (others >= count) break;
			if (id === this.founderId) continue;
			others++;
			if (isActive(id)) seeds.push(id);
		}
		return seeds;
	}

	/** Live members and edges as CSR (members in id order, so the layout is stable across updates). */
	toCsr(): GraphCsr {
		if (this.bulk) return bulkCsr(this.bulk, this.memberCount);
		const total = this.addressList.length;
		const compactOf = new Int32Array(total).fill(-1);
		const nodeIds = new Int32Array(this.memberCount);
		let n = 0;
		for (let id = 0; id < total; id++) {
			if (!this.active[id]) continue;
			compactOf[id] = n;
			nodeIds[n++] = id;
		}
		const backers = new Int32Array(this.edgeCount);
		const leaders = new Int32Array(this.edgeCount);
		let m = 0;
		for (let k = 0; k < n; k++) {
			const out = this.outEdges[nodeIds[k]];
			if (!out) continue;
			for (const leader of out) {
				backers[m] = k;
				leaders[m++] = compactOf[leader];
			}
		}
		return { csr: buildCsr(n, backers, leaders, m), nodeIds, compactOf };
	}

	private alreadyApplied(ev: SocialEvent): boolean {
		if (ev.blockNumber === undefined || ev.logIndex === undefined) return false;
		if (ev.blockNumber < this.lastBlock || (ev.blockNumber === this.lastBlock && ev.logIndex <= this.lastLogIndex)) return true;
		this.lastBlock = ev.blockNumber;
		this.lastLogIndex = ev.logIndex;
		return false;
	}

	private applyOne(ev: SocialEvent): boolean {
		switch (ev.kind) {
			case 'joined':
				return this.joinId(this.intern(ev.member), ev.path);
			case 'left':
				return this.leaveId(this.lookup(ev.member));
			case 'backed':
				return this.backIds(this.lookup(ev.backer), this.lookup(ev.leader));
			case 'unbacked':
				return this.unbackIds(this.lookup(ev.backer), this.lookup(ev.leader));
		}
	}

	/**
	 * Applies packed events (compact.ts) in order — the warm-reload path. Each packed address is
	 * resolved to a graph id once, so replaying 100k events allocates no event objects and does no
	 * per-event string work. Packed events carry no positions: apply them to a fresh graph, then
	 * positioned events after them.
	 */
	applyCompact(c: CompactEvents): number {
		if (this.addressList.length === 0 && this.lastBlock < 0) {
			const replayed = replayCompact(c);
			if (replayed) {
				this.bulk = replayed;
				this.addressList = c.addresses;
				this.idsBuilt = false;
				this.founderId = replayed.founder;
				this.memberCount = replayed.members;
				this.edgeCount = replayed.edges;
				if (c.lastBlock >= 0) {
					this.lastBlock = c.lastBlock;
					this.lastLogIndex = c.lastLogIndex;
				}
				return replayed.changed;
			}
		}
		this.materialise();
		const idOf = new Int32Array(c.addresses.length).fill(-1);
		const resolve = (i: number): number => {
			if (idOf[i] < 0) idOf[i] = this.ids.get(c.addresses[i]) ?? -1;
			return idOf[i];
		};
		let changed = 0;
		for (let k = 0; k < c.count; k++) {
			const a = c.a[k];
			let ok: boolean;
			switch (c.kinds[k]) {
				case 0:
					if (idOf[a] < 0) idOf[a] = this.intern(c.addresses[a]);
					ok = this.joinId(idOf[a], c.b[k]);
					break;
				case 1:
					ok = this.leaveId(resolve(a));
					break;
				case 2:
					ok = this.backIds(resolve(a), resolve(c.b[k]));
					break;
				default:
					ok = this.unbackIds(resolve(a), resolve(c.b[k]));
			}
			if (ok) changed++;
		}
		if (c.lastBlock >= 0) {
			this.lastBlock = c.lastBlock;
			this.lastLogIndex = c.lastLogIndex;
		}
		return changed;
	}

	/** The id → address map after a bulk load (ids are the snapshot's address indices). */
	private buildIds(): void {
		if (this.idsBuilt) return;
		this.idsBuilt = true;
		const ids = new Map<string, number>();
		this.addressList.forEach((address, id) => ids.set(address, id));
		this.ids = ids;
	}

	/** Turns a bulk-loaded graph into the per-id lists that incremental updates work on. */
	private materialise(): void {
		const bulk = this.bulk;
		if (!bulk) return;
		this.buildIds();
		this.bulk = null;
		// The snapshot's address table may be shared with the caller: copy before interning more.
		this.addressList = this.addressList.slice();
		const size = this.addressList.length;
		this.active = new Array<boolean>(size);
		this.epochs = new Array<number>(size);
		this.outEdges = new Array<number[] | undefined>(size).fill(undefined);
		this.inEdges = new Array<number[] | undefined>(size).fill(undefined);
		for (let id = 0; id < size; id++) {
			this.active[id] = (bulk.eras[id] & 1) === 1;
			this.epochs[id] = (bulk.eras[id] + 1) >> 1;
		}
		this.joinOrder = Array.from(bulk.joinOrder);
		const { offsets, sources } = bulk;
		for (let l = 0; l < size; l++) {
			const start = offsets[l];
			const end = offsets[l + 1];
			if (start === end) continue;
			const backers: number[] = [];
			for (let k = start; k < end; k++) {
				const x = sources[k];
				backers.push(x);
				(this.outEdges[x] ??= []).push(l);
			}
			this.inEdges[l] = backers;
		}
	}

	private lookup(address: string): number {
		return this.ids.get(address.toLowerCase()) ?? -1;
	}

	private joinId(id: number, path: number): boolean {
		if (this.active[id]) return false;
		if (this.epochs[id] === 0) this.joinOrder.push(id);
		if (path === JOIN_PATH_FOUNDER && this.founderId < 0) this.founderId = id;
		this.active[id] = true;
		this.epochs[id]++;
		this.memberCount++;
		return true;
	}

	private leaveId(id: number): boolean {
		if (id < 0 || !this.active[id]) return false;
		this.active[id] = false;
		this.memberCount--;
		this.dropEdgesOf(id);
		return true;
	}

	private backIds(b: number, l: number): boolean {
		if (b < 0 || l < 0 || b === l || !this.active[b] || !this.active[l]) return false;
		const out = (this.outEdges[b] ??= []);
		if (out.includes(l)) return false;
		out.push(l);
		(this.inEdges[l] ??= []).push(b);
		this.edgeCount++;
		return true;
	}

	private unbackIds(b: number, l: number): boolean {
		if (b < 0 || l < 0 || !removeFrom(this.outEdges[b], l)) return false;
		removeFrom(this.inEdges[l], b);
		this.edgeCount--;
		return true;
	}

	/** Leaving ends the epoch: all edges touching `id` die for good. */
	private dropEdgesOf(id: number): void {
		const out = this.outEdges[id];
		if (out) {
			for (const l of out) removeFrom(this.inEdges[l], id);
			this.edgeCount -= out.length;
			this.outEdges[id] = undefined;
		}
		const inc = this.inEdges[id];
		if (inc) {
			for (const b of inc) removeFrom(this.outEdges[b], id);
			this.edgeCount -= inc.length;
			this.inEdges[id] = undefined;
		}
	}

	private intern(address: string): number {
		const key = address.toLowerCase();
		let id = this.ids.get(key);
		if (id === undefined) {
			id = this.addressList.length;
			this.ids.set(key, id);
			this.addressList.push(key);
			this.active.push(false);
			this.epochs.push(0);
			this.outEdges.push(undefined);
			this.inEdges.push(undefined);
		}
		return id;
	}
}

/** The CSR of a bulk-loaded graph: its members in id order, their rows remapped to compact indices. */
function bulkCsr(bulk: ReplayedGraph, members: number): GraphCsr {
	const size = bulk.eras.length;
	if (members === size) {
		// Everyone in the snapshot is a member (the usual case): ids are already compact indices and
		// the replay's rows are the CSR as they stand (the power iteration only reads them).
		const identity = new Int32Array(size);
		for (let i = 0; i < size; i++) identity[i] = i;
		return { csr: { n: size, m: bulk.edges, offsets: bulk.offsets, sources: bulk.sources, outDegree: bulk.outDegree }, nodeIds: identity, compactOf: identity.slice() };
	}
	const compactOf = new Int32Array(size).fill(-1);
	const nodeIds = new Int32Array(members);
	let n = 0;
	for (let id = 0; id < size; id++) {
		if ((bulk.eras[id] & 1) === 0) continue;
		compactOf[id] = n;
		nodeIds[n++] = id;
	}
	// Live edges join members only, so every row and source maps to a compact index.
	const offsets = new Int32Array(n + 1);
	const outDegree = new Int32Array(n);
	const sources = new Int32Array(bulk.edges);
	let m = 0;
	for (let i = 0; i < n; i++) {
		const id = nodeIds[i];
		outDegree[i] = bulk.outDegree[id];
		for (let k = bulk.offsets[id], end = bulk.offsets[id + 1]; k < end; k++) sources[m++] = compactOf[bulk.sources[k]];
		offsets[i + 1] = m;
	}
	return { csr: { n, m, offsets, sources, outDegree }, nodeIds, compactOf };
}

/** Removes `value` from an unordered list (swap with the last); false if absent. */
function removeFrom(list: number[] | undefined, value: number): boolean {
	if (!list) return false;
	const i = list.indexOf(value);
	if (i < 0) return false;
	list[i] = list[list.length - 1];
	list.pop();
	return true;
}

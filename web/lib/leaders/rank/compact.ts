// Social events packed into typed arrays (plus one address table), for the IndexedDB snapshot and
// for crossing postMessage to the rank worker. 100k events as objects cost ~100 bytes each to
// store, read back and clone; packed they are 13 bytes each and one structured-clone of a few
// ArrayBuffers, which is what makes a warm reload fast.
import type { SocialEvent } from './events';

const KIND_CODES = { joined: 0, left: 1, backed: 2, unbacked: 3 } as const;

export interface CompactEvents {
	/** Lower-cased addresses; events refer to them by index. */
	addresses: string[];
	count: number;
	/** 0 joined, 1 left, 2 backed, 3 unbacked. */
	kinds: Uint8Array;
	/** Member (joined/left) or backer (backed/unbacked), as an index into `addresses`. */
	a: Int32Array;
	/** Leader for backed/unbacked; the JoinPath for joined; 0 for left. */
	b: Int32Array;
	/** Chain position of the last event packed (−1 when none), so new logs can be told apart. */
	lastBlock: number;
	lastLogIndex: number;
}

export function emptyCompact(): CompactEvents {
	return { addresses: [], count: 0, kinds: new Uint8Array(0), a: new Int32Array(0), b: new Int32Array(0), lastBlock: -1, lastLogIndex: -1 };
}

/** Appends `events` (chain order, after everything already packed) to a copy of `base`. */
export function appendCompact(base: CompactEvents, events: readonly SocialEvent[]): CompactEvents {
	const addresses = base.addresses.slice();
	const index = new Map<string, number>();
	addresses.forEach((address, i) => index.set(address, i));
	const intern = (address: string): number => {
		const key = address.toLowerCase();
		let i = index.get(key);
		if (i === undefined) {
			i = addresses.length;
			addresses.push(key);
			index.set(key, i);
		}
		return i;
	};
	const count = base.count + events.length;
	const kinds = new Uint8Array(count);
	const a = new Int32Array(count);
	const b = new Int32Array(count);
	kinds.set(base.kinds.subarray(0, base.count));
	a.set(base.a.subarray(0, base.count));
	b.set(base.b.subarray(0, base.count));
	let { lastBlock, lastLogIndex } = base;
	let k = base.count;
	for (const ev of events) {
		kinds[k] = KIND_CODES[ev.kind];
		switch (ev.kind) {
			case 'joined':
				a[k] = intern(ev.member);
				b[k] = ev.path;
				break;
			case 'left':
				a[k] = intern(ev.member);
				break;
			case 'backed':
			case 'unbacked':
				a[k] = intern(ev.backer);
				b[k] = intern(ev.leader);
				break;
		}
		if (ev.blockNumber !== undefined && ev.logIndex !== undefined) {
			lastBlock = ev.blockNumber;
			lastLogIndex = ev.logIndex;
		}
		k++;
	}
	return { addresses, count, kinds, a, b, lastBlock, lastLogIndex };
}

/**
 * The packed events as SocialEvents, without positions: a replay of a snapshot is applied in
 * order once, and events synced later carry their positions.
 */
export function unpackCompact(c: CompactEvents): SocialEvent[] {
	const out: SocialEvent[] = new Array(c.count);
	for (let k = 0; k < c.count; k++) {
		const x = c.addresses[c.a[k]];
		switch (c.kinds[k]) {
			case 0:
				out[k] = { kind: 'joined', member: x, path: c.b[k] };
				break;
			case 1:
				out[k] = { kind: 'left', member: x };
				break;
			case 2:
				out[k] = { kind: 'backed', backer: x, leader: c.addresses[c.b[k]] };
				break;
			default:
				out[k] = { kind: 'unbacked', backer: x, leader: c.addresses[c.b[k]] };
		}
	}
	return out;
}

/** Whether a chain position comes after everything packed in `c`. */
export function isAfter(c: CompactEvents, blockNumber: number, logIndex: number): boolean {
	return blockNumber > c.lastBlock || (blockNumber === c.lastBlock && logIndex > c.lastLogIndex);
}

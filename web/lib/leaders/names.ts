// Display names for addresses: the Ceramic profile name when there is one, else a short address.
import type { ProfileRead } from '$lib/social/profile';
import { shortAddress } from '$lib/ui/links';

export function displayName(address: string, profiles: Map<string, ProfileRead> | undefined): string {
	const p = profiles?.get(address.toLowerCase());
	return p?.status === 'found' ? p.profile.name : shortAddress(address);
}

/** Case-insensitive match of `query` against a member's name or address. */
export function matchesFilter(address: string, name: string, query: string): boolean {
	const q = query.trim().toLowerCase();
	return q === '' || name.toLowerCase().includes(q) || address.toLowerCase().includes(q);
}

/**
 * The rows (0 … count − 1) whose member matches `query` by name or address, in order — what
 * `matchesFilter` says for each, computed for 100k rows per keystroke: the query is normalised once and
 * a row's display name is worked out only when its address does not already match.
 */
export function matchingRows(
	count: number,
	addressAt: (i: number) => string,
	profiles: Map<string, ProfileRead> | undefined,
	query: string
): number[] {
	const q = query.trim().toLowerCase();
	const found: number[] = [];
	for (let i = 0; i < count; i++) {
		const address = addressAt(i);
		const lower = address.toLowerCase();
		if (q === '' || lower.includes(q)) {
			found.push(i);
			continue;
		}
		const p = profiles?.get(lower);
		const name = p?.status === 'found' ? p.profile.name : shortAddress(address);
		if (name.toLowerCase().includes(q)) found.push(i);
	}
	return found;
}

/** Row width in a filter index: "0x", 40 hex digits and a newline no query can contain. */
const STRIDE = 43;

/** A filter over one list's rows that answers each keystroke without walking every row (`rowFilter`). */
export interface RowFilter {
	/** The rows matching `query`, in order: exactly `matchingRows` for the same arguments. */
	match(profiles: Map<string, ProfileRead> | undefined, query: string): number[];
	/** Builds the index now (e.g. when the browser is idle) instead of on the first keystroke. */
	prepare(): void;
}

/**
 * `matchingRows` for a list that is filtered many times: every row's lowercase address is kept once in one
 * string (fixed width, one row per `STRIDE` characters), so an address fragment is found by the engine's
 * native substring search (a few ms over 100k rows, against ~40 ms for a scan in JS), and a name is looked
 * for only among the profiles that were read (the rows that have been on screen), not in every row.
 * Why that is the same answer: a row without a profile shows its short address (`0x1234…abcd`), and a query
 * without "…" that occurs in it occurs in the address itself; a query with "…", or a list whose addresses
 * are not all 42 characters, takes the scan.
 */
export function rowFilter(count: number, addressAt: (i: number) => string): RowFilter {
	let text: string | null = null;
	let uniform = true;
	let rowOf: Map<string, number> | null = null;
	const index = (): string => {
		if (text !== null) return text;
		const parts = new Array<string>(count);
		for (let i = 0; i < count; i++) {
			const lower = addressAt(i).toLowerCase();
			if (lower.length !== STRIDE - 1) uniform = false;
			parts[i] = lower;
		}
		text = parts.length === 0 ? '' : parts.join('\n') + '\n';
		return text;
	};
	return {
		prepare: () => void index(),
		match(profiles, query) {
			const q = query.trim().toLowerCase();
			const all = index();
			if (q === '' || !uniform || q.includes('…') || q.includes('\n')) return matchingRows(count, addressAt, profiles, query);
			const found: number[] = [];
			for (let at = all.indexOf(q); at !== -1; ) {
				const row = Math.floor(at / STRIDE);
				found.push(row);
				at = all.indexOf(q, (row + 1) * STRIDE);
			}
			if (!profiles) return found;
			const byName: number[] = [];
			for (const [address, p] of profiles) {
				if (p.status !== 'found' || !p.profile.name.toLowerCase().includes(q)) continue;
				if (rowOf === null) {
					rowOf = new Map();
					for (let i = 0; i < count; i++) rowOf.set(all.slice(i * STRIDE, i * STRIDE + STRIDE - 1), i);
				}
				const row = rowOf.get(address);
				if (row !== undefined) byName.push(row);
			}
			if (byName.length === 0) return found;
			return [...new Set([...found, ...byName])].sort((a, b) => a - b);
		}
	};
}

/** A share of all support as a percentage with sensible precision. */
export function formatShare(score: number): string {
	const pct = score * 100;
	return pct >= 10 ? `${pct.toFixed(1)}%` : pct >= 0.01 ? `${pct.toFixed(2)}%` : pct > 0 ? '<0.01%' : '0%';
}

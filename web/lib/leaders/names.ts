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

/** A share of all support as a percentage with sensible precision. */
export function formatShare(score: number): string {
	const pct = score * 100;
	return pct >= 10 ? `${pct.toFixed(1)}%` : pct >= 0.01 ? `${pct.toFixed(2)}%` : pct > 0 ? '<0.01%' : '0%';
}

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

/** A share of all support as a percentage with sensible precision. */
export function formatShare(score: number): string {
	const pct = score * 100;
	return pct >= 10 ? `${pct.toFixed(1)}%` : pct >= 0.01 ? `${pct.toFixed(2)}%` : pct > 0 ? '<0.01%' : '0%';
}

// The leaders filter: `matchingRows` (the per-keystroke scan over every row) finds exactly the rows
// `matchesFilter` accepts with each member's display name, by name or address, case-insensitively.
import { describe, expect, it } from 'vitest';
import { displayName, matchesFilter, matchingRows } from '$lib/leaders/names';
import type { ProfileRead } from '$lib/social/profile';

const addresses = Array.from({ length: 500 }, (_, i) => {
	const hex = ((i * 2654435761) >>> 0).toString(16).padStart(8, '0');
	// mixed case as checksummed addresses come
	return `0x${hex.toUpperCase()}${'ab'.repeat(14)}${hex}`.slice(0, 42);
});
const names = ['Ada Lovelace', 'Grace Hopper', 'Émilie du Châtelet', 'Alan Turing'];
const profiles = new Map<string, ProfileRead>();
addresses.forEach((a, i) => {
	if (i % 3 === 0) profiles.set(a.toLowerCase(), { status: 'found', profile: { name: names[i % names.length] } });
	else if (i % 3 === 1) profiles.set(a.toLowerCase(), { status: 'none' });
});

function reference(query: string): number[] {
	return addresses.flatMap((a, i) => (matchesFilter(a, displayName(a, profiles), query) ? [i] : []));
}

describe('matchingRows', () => {
	it('finds the same rows as matchesFilter with display names, for names, addresses and short forms', () => {
		const queries = ['ada', 'GRACE', ' hopper ', 'châtelet', addresses[7].slice(2, 10), addresses[8].slice(-6).toUpperCase(), '…', 'zzz', ''];
		for (const q of queries) {
			expect(matchingRows(addresses.length, (i) => addresses[i], profiles, q), q).toEqual(reference(q));
		}
	});

	it('matches a name only where its profile was found, and keeps the rows in order', () => {
		const rows = matchingRows(addresses.length, (i) => addresses[i], profiles, 'turing');
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((i) => i % 3 === 0 && names[i % names.length] === 'Alan Turing')).toBe(true);
		expect([...rows].sort((a, b) => a - b)).toEqual(rows);
	});

	it('finds nothing without profiles for a name, and every row for an empty query', () => {
		expect(matchingRows(addresses.length, (i) => addresses[i], undefined, 'grace')).toEqual([]);
		expect(matchingRows(3, (i) => addresses[i], undefined, '  ')).toEqual([0, 1, 2]);
	});
});

// The leaders filter: `matchingRows` (the per-keystroke scan over every row) finds exactly the rows
// `matchesFilter` accepts with each member's display name, by name or address, case-insensitively; the
// indexed `rowFilter` finds exactly what `matchingRows` finds.
import { describe, expect, it } from 'vitest';
import { displayName, matchesFilter, matchingRows, rowFilter } from '$lib/leaders/names';
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

describe('rowFilter', () => {
	const queries = ['ada', 'GRACE', ' hopper ', 'châtelet', 'ab', 'AB', '0x', '0X0', addresses[7].slice(2, 10), addresses[8].slice(-6).toUpperCase(), addresses[9], '…', addresses[4].slice(0, 6) + '…', 'zzz', '', '  '];

	it('finds exactly the rows matchingRows finds, for every kind of query', () => {
		const filter = rowFilter(addresses.length, (i) => addresses[i]);
		for (const q of queries) {
			expect(filter.match(profiles, q), q).toEqual(matchingRows(addresses.length, (i) => addresses[i], profiles, q));
			expect(filter.match(undefined, q), `${q} without profiles`).toEqual(matchingRows(addresses.length, (i) => addresses[i], undefined, q));
		}
	});

	it('matches a fragment once per row even where it occurs twice in the address, and never across rows', () => {
		// 'abab' occurs many times inside each address's repeated 'ab' run: one entry per row, in order
		const rows = rowFilter(addresses.length, (i) => addresses[i]).match(undefined, 'abab');
		expect(rows).toEqual(addresses.map((_, i) => i));
		// the end of one address and the start of the next never join into a match
		const across = addresses[0].slice(-3).toLowerCase() + addresses[1].slice(0, 3).toLowerCase();
		expect(rowFilter(2, (i) => addresses[i]).match(undefined, across)).toEqual(matchingRows(2, (i) => addresses[i], undefined, across));
	});

	it('follows profiles read after it was built, and ignores profiles of addresses not in the list', () => {
		const filter = rowFilter(addresses.length, (i) => addresses[i]);
		filter.prepare();
		const later = new Map(profiles);
		later.set(addresses[2].toLowerCase(), { status: 'found', profile: { name: 'Katherine Johnson' } });
		later.set('0x' + 'f'.repeat(40), { status: 'found', profile: { name: 'Katherine Outsider' } });
		expect(filter.match(later, 'katherine')).toEqual([2]);
	});

	it('falls back to the scan for addresses that are not 42 characters', () => {
		const odd = ['0xabc', ...addresses.slice(0, 5)];
		const filter = rowFilter(odd.length, (i) => odd[i]);
		for (const q of ['abc', 'ab', 'ada']) expect(filter.match(profiles, q), q).toEqual(matchingRows(odd.length, (i) => odd[i], profiles, q));
	});
});

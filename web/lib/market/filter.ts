// In-browser search and filtering of listings (the index returns every listing of a union; there
// are few enough per union that filtering client-side is simpler than Ceramic query filters).
import type { JobContent, Listing, ServiceContent } from './types';

export interface ListingFilter {
	text: string;
	tag: string | null;
	showClosed: boolean;
	mineOnly: string | null;
}

function words(text: string): string[] {
	return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Every search word must occur somewhere in the listing's text fields. */
function matches(haystack: string, text: string): boolean {
	const h = haystack.toLowerCase();
	return words(text).every((w) => h.includes(w));
}

export function filterServices(list: Listing<ServiceContent>[], f: ListingFilter): Listing<ServiceContent>[] {
	return list.filter(
		(l) =>
			(f.showClosed || l.content.status === 'open') &&
			(!f.mineOnly || l.author === f.mineOnly.toLowerCase()) &&
			(!f.tag || (l.content.tags ?? []).includes(f.tag)) &&
			matches([l.content.title, l.content.description ?? '', ...(l.content.tags ?? [])].join(' '), f.text)
	);
}

export function filterJobs(list: Listing<JobContent>[], f: ListingFilter): Listing<JobContent>[] {
	return list.filter(
		(l) =>
			(f.showClosed || l.content.status === 'open') &&
			(!f.mineOnly || l.author === f.mineOnly.toLowerCase()) &&
			matches([l.content.role, l.content.description ?? '', l.content.howToApply ?? ''].join(' '), f.text)
	);
}

/** Tags used by open services, most used first. */
export function popularTags(list: Listing<ServiceContent>[], max = 12): string[] {
	const counts = new Map<string, number>();
	for (const l of list) if (l.content.status === 'open') for (const t of l.content.tags ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
	return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, max).map(([t]) => t);
}

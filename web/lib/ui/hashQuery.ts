// Query parameters of a hash route: with hash routing, `#/m/0x…?union=0x…` keeps its query inside the
// hash, so page.url.searchParams (the real URL's query) does not see it.
export function hashParam(url: URL, name: string): string | null {
	const hash = url.hash.replace(/^#/, '');
	const q = hash.indexOf('?');
	const fromHash = q >= 0 ? new URLSearchParams(hash.slice(q + 1).split('#')[0]).get(name) : null;
	return fromHash ?? url.searchParams.get(name);
}

// Hash-router hrefs: every in-app link is "#/<path>" so it works from any IPFS path.
export function href(path: string): string {
	return `#${path.startsWith('/') ? path : `/${path}`}`;
}

export function shortAddress(a: string): string {
	return a.length > 12 ? `${a.slice(0, 6)}…${a.slice(-4)}` : a;
}

/** Absolute link to a hash route on this very deployment (for sharing invite links). */
export function absoluteHref(path: string): string {
	const base = typeof location === 'undefined' ? '' : location.href.split('#')[0];
	return `${base}${href(path)}`;
}

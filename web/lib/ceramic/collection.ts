// The node's index over plain fetch: the same `POST /api/v0/collection` the Ceramic HTTP client
// sends for `ceramic.index.query`, without loading that client (~200 KB gzip, and its parse time)
// on pages that only read. The answer is untrusted: every edge is checked for the fields used here
// and a malformed one is dropped, not passed on.
import { getConfig } from '$lib/config';

export interface CollectionQuery {
	model: string;
	/** Only documents controlled by this DID. */
	account?: string;
	/** Forwards from the oldest indexed document… */
	first?: number;
	after?: string;
	/** …or backwards from the newest. */
	last?: number;
	before?: string;
}

/** One indexed document as the node serialises its StreamState. */
export interface CollectionDoc {
	/** did:pkh of the stream's controller, or '' when missing. */
	controller: string;
	/** Stream id of the document's model, or '' when missing. */
	model: string;
	content: unknown;
	/** Stream type code and genesis commit CID: together the stream id (see documents.ts). */
	type: number;
	genesisCid: string;
}

export interface CollectionPage {
	docs: CollectionDoc[];
	hasNextPage: boolean;
	hasPreviousPage: boolean;
	startCursor: string | null;
	endCursor: string | null;
}

/** One page of the node's index; throws on an HTTP failure with the node's own text. */
export async function queryCollection(q: CollectionQuery, options: { url?: string; signal?: AbortSignal } = {}): Promise<CollectionPage> {
	const base = options.url ?? getConfig().ceramic.url;
	const res = await fetch(new URL('./api/v0/collection', base.endsWith('/') ? base : `${base}/`), {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(q),
		signal: options.signal
	});
	if (!res.ok) throw new Error(`HTTP request to '${res.url}' failed with status '${res.statusText}': ${await res.text()}`);
	return parsePage(await res.json());
}

/** The page's documents and cursors from the node's JSON (exported for tests). */
export function parsePage(body: unknown): CollectionPage {
	const o = record(body);
	const edges = Array.isArray(o?.edges) ? o.edges : [];
	const info = record(o?.pageInfo);
	const docs: CollectionDoc[] = [];
	for (const edge of edges) {
		const doc = parseState(record(edge)?.node);
		if (doc) docs.push(doc);
	}
	return {
		docs,
		hasNextPage: info?.hasNextPage === true,
		hasPreviousPage: info?.hasPreviousPage === true,
		startCursor: typeof info?.startCursor === 'string' ? info.startCursor : null,
		endCursor: typeof info?.endCursor === 'string' ? info.endCursor : null
	};
}

function parseState(node: unknown): CollectionDoc | null {
	const state = record(node);
	if (!state || typeof state.type !== 'number' || !Array.isArray(state.log)) return null;
	const genesisCid = record(state.log[0])?.cid;
	if (typeof genesisCid !== 'string') return null;
	const meta = record(state.metadata);
	const controllers = Array.isArray(meta?.controllers) ? meta.controllers : [];
	const controller = typeof meta?.controller === 'string' ? meta.controller : typeof controllers[0] === 'string' ? controllers[0] : '';
	return { controller, model: typeof meta?.model === 'string' ? meta.model : '', content: state.content, type: state.type, genesisCid };
}

function record(x: unknown): Record<string, unknown> | null {
	return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : null;
}

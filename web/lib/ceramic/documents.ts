// The one document layer every model uses (posts, replies, listings, course manifests): reading the
// node's index page by page, turning a StreamState into (id, controller, model, content), checking a
// document (its model, author = controller, then the feature's own content rules), and loading or
// writing one document. Nothing here trusts content; features say what valid content is.
import { replaceSynced } from './replace';
import type { CeramicClient } from '@ceramicnetwork/http-client';
import type { QueryFilters, StreamState } from '@ceramicnetwork/common';
import { addressFromDid, CeramicError, describeCeramicError } from './client';

export type Address = `0x${string}`;

/** A document after its checks: its content with the author (the controller's address), or why it was skipped. */
export type Checked<T> = { ok: true; id: string; author: Address; value: T } | { ok: false; id: string; problem: string };

/** What a feature says about its documents. */
export interface DocumentRules<T> {
	/** Stream id of the model the document must belong to. */
	model: string;
	/** The content's problem (schema and the feature's own rules) as words, or null when valid. */
	problem(content: unknown): string | null;
	/** Where the content names its author: it must be the controller's address. */
	author?(content: T): string;
	/** The sentence shown in place of a skipped document, from its problem and which check failed. */
	describe(problem: string, failed: 'model' | 'content' | 'author'): string;
}

/** Model, controller (an Ethereum account), content, author = controller: one document checked. */
export function checkDocument<T>(raw: RawDoc, rules: DocumentRules<T>): Checked<T> {
	const fail = (problem: string, failed: 'model' | 'content' | 'author'): Checked<T> => ({ ok: false, id: raw.id, problem: rules.describe(problem, failed) });
	if (raw.model !== rules.model) return fail('it is not a document of this app', 'model');
	const problem = rules.problem(raw.content);
	if (problem) return fail(problem, 'content');
	const value = raw.content as T;
	const author = addressFromDid(raw.controller);
	if (!author || (rules.author && rules.author(value) !== author)) return fail('its author is not the account that signed it', 'author');
	return { ok: true, id: raw.id, author, value };
}

/** One document as the index returns it, before validation. */
export interface RawDoc {
	id: string;
	/** did:pkh of the author (the stream's controller), or '' when missing. */
	controller: string;
	/** Stream id of the document's model, or '' when missing. */
	model: string;
	content: unknown;
}

export interface RawPage {
	docs: RawDoc[];
	/** Cursor to pass for the next page, or null when this was the last one. */
	next: string | null;
}

interface MidMetadata {
	controller?: unknown;
	controllers?: unknown;
	model?: unknown;
}

/** Rethrows any failure as a CeramicError with a readable sentence. */
export async function readable<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		throw new CeramicError(describeCeramicError(e), { cause: e });
	}
}

/** Controller and model from a StreamState (the HTTP API serialises both as strings). */
export async function rawDoc(state: StreamState): Promise<RawDoc> {
	const { StreamID } = await import('@ceramicnetwork/streamid');
	const meta = state.metadata as MidMetadata;
	const controllers = Array.isArray(meta.controllers) ? meta.controllers : [];
	const controller = typeof meta.controller === 'string' ? meta.controller : typeof controllers[0] === 'string' ? controllers[0] : '';
	// Stream id = (type, genesis commit CID): the same id the document was created with.
	const id = new StreamID(state.type, state.log[0].cid).toString();
	return { id, controller, model: meta.model ? String(meta.model) : '', content: state.content };
}

export interface IndexQuery {
	model: string;
	/** Only documents controlled by this DID. */
	account?: string;
	queryFilters?: QueryFilters;
	pageSize: number;
	/** 'newest' pages backwards from the most recently indexed; 'oldest' forwards from the first. */
	order: 'newest' | 'oldest';
	cursor?: string | null;
}

/**
 * One page of the node's index for `model`, in the order the node first indexed the documents
 * (the node's own clock, which an author cannot back-date, unlike a createdAt field in the content).
 * 'newest' returns the page newest first.
 */
export async function queryIndex(ceramic: CeramicClient, q: IndexQuery): Promise<RawPage> {
	const base = { model: q.model, ...(q.account ? { account: q.account } : {}), ...(q.queryFilters ? { queryFilters: q.queryFilters } : {}) };
	const page =
		q.order === 'newest'
			? await ceramic.index.query({ ...base, last: q.pageSize, ...(q.cursor ? { before: q.cursor } : {}) })
			: await ceramic.index.query({ ...base, first: q.pageSize, ...(q.cursor ? { after: q.cursor } : {}) });
	const states = page.edges.flatMap((e) => (e.node ? [e.node] : []));
	const docs = await Promise.all(states.map(rawDoc));
	if (q.order === 'newest') {
		docs.reverse();
		return { docs, next: page.pageInfo.hasPreviousPage ? (page.pageInfo.startCursor ?? null) : null };
	}
	return { docs, next: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null };
}

/** Every document of an index query, oldest first, a page at a time, up to `maxDocs`. */
export async function* scanIndex(ceramic: CeramicClient, q: Omit<IndexQuery, 'order' | 'cursor'>, maxDocs: number): AsyncGenerator<RawDoc> {
	let cursor: string | null = null;
	let seen = 0;
	do {
		const page = await queryIndex(ceramic, { ...q, order: 'oldest', cursor });
		for (const doc of page.docs) {
			if (seen++ >= maxDocs) return;
			yield doc;
		}
		cursor = page.next;
	} while (cursor);
}

/** Loads one document by stream id; null when the id is not a stream id at all. */
export async function loadRaw(ceramic: CeramicClient, id: string): Promise<RawDoc | null> {
	const { StreamID } = await import('@ceramicnetwork/streamid');
	let streamId;
	try {
		streamId = StreamID.fromString(id);
	} catch {
		return null;
	}
	const state = await ceramic.loadStream(streamId);
	return rawDoc(state.state);
}

/** Creates a LIST-relation document of `model` under the client's DID; returns its stream id. */
export async function createDoc<T extends object>(ceramic: CeramicClient, model: string, content: T): Promise<string> {
	const [{ ModelInstanceDocument }, { StreamID }] = await Promise.all([
		import('@ceramicnetwork/stream-model-instance'),
		import('@ceramicnetwork/streamid')
	]);
	const doc = await ModelInstanceDocument.create<T>(ceramic, content, { model: StreamID.fromString(model) });
	return doc.id.toString();
}

/** Replaces the content of a document the client's DID controls; returns the current content first to `change`. */
export async function updateDoc<T extends object>(ceramic: CeramicClient, id: string, change: (current: unknown) => T): Promise<void> {
	const { ModelInstanceDocument } = await import('@ceramicnetwork/stream-model-instance');
	const doc = await ModelInstanceDocument.load<T>(ceramic, id);
	await replaceSynced(doc, change);
}

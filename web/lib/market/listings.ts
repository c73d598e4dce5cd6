// Reading and writing market listings on Ceramic. Reads need no wallet: every document of the model is
// read through the node's index, validated, and kept if it belongs to the union (malformed ones are
// reported, not shown). Writes go through the member's did-session; only the author (controller) can
// edit or close a listing — Ceramic itself refuses commits from anyone else.
import type { EIP1193Provider } from 'viem';
import type { StreamState } from '@ceramicnetwork/common';
import { getConfig } from '$lib/config';
import { addressFromDid, CeramicError, describeCeramicError, getCeramic } from '$lib/ceramic/client';
import { getSession } from '$lib/ceramic/session';
import type { Address } from 'viem';
import type { JobContent, Listing, ListingKind, ListingsRead, ServiceContent } from './types';
import { checkJob, checkService, jobProblem, normaliseJob, normaliseService, serviceProblem, type Checked } from './validate';

type ContentOf<K extends ListingKind> = K extends 'service' ? ServiceContent : JobContent;

/** The model id for `kind`, or null when config.json has none (the market then hides listings). */
export function listingModel(kind: ListingKind): string | null {
	return getConfig().ceramic.models[kind] ?? null;
}

function requireModel(kind: ListingKind): string {
	const model = listingModel(kind);
	if (!model) throw new CeramicError(`This site has no Ceramic model for ${kind}s (config.json ceramic.models.${kind})`);
	return model;
}

function checker<K extends ListingKind>(kind: K): (content: unknown) => Checked<ContentOf<K>> {
	return (kind === 'service' ? checkService : checkJob) as (content: unknown) => Checked<ContentOf<K>>;
}

function controllerOf(state: StreamState): string | undefined {
	const controllers = (state.metadata as { controllers?: unknown }).controllers;
	return Array.isArray(controllers) && typeof controllers[0] === 'string' ? controllers[0] : undefined;
}

async function readable<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		throw new CeramicError(describeCeramicError(e), { cause: e });
	}
}

/** Every listing of `kind` in `union` (open and closed), newest first as the index returns them. */
export function readListings<K extends ListingKind>(kind: K, union: Address, maxDocs = 2000): Promise<ListingsRead<ContentOf<K>>> {
	return readable(async () => {
		const model = requireModel(kind);
		const [ceramic, { StreamID }] = await Promise.all([getCeramic(), import('@ceramicnetwork/streamid')]);
		const check = checker(kind);
		const out: ListingsRead<ContentOf<K>> = { listings: [], skipped: [] };
		const wanted = union.toLowerCase();
		let after: string | undefined;
		let seen = 0;
		while (seen < maxDocs) {
			const page = await ceramic.index.query({ model, first: 100, ...(after ? { after } : {}) });
			for (const edge of page.edges) {
				const state = edge.node;
				if (!state) continue;
				seen++;
				const genesis = state.log[0]?.cid;
				if (!genesis) continue;
				// A stream's id is its type plus its genesis commit's CID.
				const id = new StreamID(state.type, genesis).toString();
				const author = addressFromDid(controllerOf(state) ?? '');
				const union = (state.content as { union?: unknown } | null)?.union;
				// Documents of other unions are not this union's business, valid or not.
				if (typeof union === 'string' && union.toLowerCase() !== wanted) continue;
				const checked = check(state.content);
				if (!author) out.skipped.push({ id, problem: 'Its author is not an Ethereum account' });
				else if (!checked.ok) {
					if (typeof union === 'string') out.skipped.push({ id, problem: checked.problem });
				} else out.listings.push({ id, author, content: checked.content });
			}
			if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
			after = page.pageInfo.endCursor;
		}
		out.listings.reverse();
		return out;
	});
}

/** One listing by stream id (for "request this service" links). */
export function readListing<K extends ListingKind>(kind: K, id: string): Promise<Listing<ContentOf<K>> | { problem: string }> {
	return readable(async () => {
		const [ceramic, { ModelInstanceDocument }] = await Promise.all([getCeramic(), import('@ceramicnetwork/stream-model-instance')]);
		const doc = await ModelInstanceDocument.load(ceramic, id);
		const author = addressFromDid(doc.metadata.controller);
		const checked = checker(kind)(doc.content);
		if (!author) return { problem: 'Its author is not an Ethereum account' };
		if (!checked.ok) return { problem: checked.problem };
		return { id, author, content: checked.content };
	});
}

function normalise<K extends ListingKind>(kind: K, content: ContentOf<K>): ContentOf<K> {
	const out = kind === 'service' ? normaliseService(content as ServiceContent) : normaliseJob(content as JobContent);
	const problem = kind === 'service' ? serviceProblem(out as ServiceContent) : jobProblem(out as JobContent);
	if (problem) throw new CeramicError(problem);
	return out as ContentOf<K>;
}

/** Publishes a new listing under the connected account's DID; returns its stream id. */
export async function createListing<K extends ListingKind>(provider: EIP1193Provider, address: string, kind: K, content: ContentOf<K>): Promise<string> {
	const body = normalise(kind, content);
	const model = requireModel(kind);
	return readable(async () => {
		const [session, ceramic, { ModelInstanceDocument }, { StreamID }] = await Promise.all([
			getSession(provider, address),
			getCeramic(),
			import('@ceramicnetwork/stream-model-instance'),
			import('@ceramicnetwork/streamid')
		]);
		ceramic.did = session.did;
		const doc = await ModelInstanceDocument.create(ceramic, body, { model: StreamID.fromString(model), controller: session.did.parent });
		return doc.id.toString();
	});
}

/** Replaces the content of one of the connected account's listings (edit, or close with status 'closed'). */
export async function updateListing<K extends ListingKind>(provider: EIP1193Provider, address: string, kind: K, id: string, content: ContentOf<K>): Promise<void> {
	const body = normalise(kind, content);
	await readable(async () => {
		const [session, ceramic, { ModelInstanceDocument }] = await Promise.all([
			getSession(provider, address),
			getCeramic(),
			import('@ceramicnetwork/stream-model-instance')
		]);
		ceramic.did = session.did;
		const doc = await ModelInstanceDocument.load<ContentOf<K>>(ceramic, id);
		if (addressFromDid(doc.metadata.controller) !== address.toLowerCase()) throw new CeramicError('Only its author can change this listing');
		await doc.replace(body);
	});
}

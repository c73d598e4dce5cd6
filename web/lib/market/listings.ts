// Reading and writing market listings on Ceramic, through the one document layer (ceramic/documents.ts).
// Reads need no wallet: every document of the model is read through the node's index, checked (model,
// author = controller, the listing schema) and kept if it belongs to the union (malformed ones are
// reported, not shown). Writes go through the member's did-session; only the author (controller) can
// edit or close a listing — Ceramic itself refuses commits from anyone else.
import type { Address, EIP1193Provider } from 'viem';
import { getConfig } from '$lib/config';
import { addressFromDid, CeramicError, getCeramic } from '$lib/ceramic/client';
import { checkDocument, createDoc, loadRaw, readable, scanIndex, updateDoc, type DocumentRules } from '$lib/ceramic/documents';
import { signedInCeramic } from '$lib/ceramic/writer';
import type { JobContent, Listing, ListingKind, ListingsRead, ServiceContent } from './types';
import { jobContentProblem, jobProblem, normaliseJob, normaliseService, serviceContentProblem, serviceProblem, skippedListing } from './validate';

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

function rules<K extends ListingKind>(kind: K): DocumentRules<ContentOf<K>> {
	return {
		model: requireModel(kind),
		problem: kind === 'service' ? serviceContentProblem : jobContentProblem,
		describe: (problem) => skippedListing(kind, problem)
	};
}

/** Every listing of `kind` in `union` (open and closed), newest first. */
export function readListings<K extends ListingKind>(kind: K, union: Address, maxDocs = 2000): Promise<ListingsRead<ContentOf<K>>> {
	return readable(async () => {
		const r = rules(kind);
		const ceramic = await getCeramic();
		const out: ListingsRead<ContentOf<K>> = { listings: [], skipped: [] };
		const wanted = union.toLowerCase();
		for await (const raw of scanIndex(ceramic, { model: r.model, pageSize: 100 }, maxDocs)) {
			const claimed = (raw.content as { union?: unknown } | null)?.union;
			// Documents of other unions are not this union's business, valid or not.
			if (typeof claimed === 'string' && claimed.toLowerCase() !== wanted) continue;
			const checked = checkDocument(raw, r);
			if (checked.ok) out.listings.push({ id: checked.id, author: checked.author, content: checked.value });
			else if (typeof claimed === 'string') out.skipped.push({ id: checked.id, problem: checked.problem });
		}
		out.listings.reverse();
		return out;
	});
}

/** One listing by stream id (for "request this service" links). */
export function readListing<K extends ListingKind>(kind: K, id: string): Promise<Listing<ContentOf<K>> | { problem: string }> {
	return readable(async () => {
		const raw = await loadRaw(await getCeramic(), id);
		if (!raw) return { problem: `“${id}” is not a Ceramic stream id` };
		const checked = checkDocument(raw, rules(kind));
		return checked.ok ? { id, author: checked.author, content: checked.value } : { problem: checked.problem };
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
	return readable(async () => createDoc(await signedInCeramic(provider, address), model, body));
}

/** Replaces the content of one of the connected account's listings (edit, or close with status 'closed'). */
export async function updateListing<K extends ListingKind>(provider: EIP1193Provider, address: string, kind: K, id: string, content: ContentOf<K>): Promise<void> {
	const body = normalise(kind, content);
	await readable(async () => {
		const ceramic = await signedInCeramic(provider, address);
		const raw = await loadRaw(ceramic, id);
		if (!raw || addressFromDid(raw.controller) !== address.toLowerCase()) throw new CeramicError('Only its author can change this listing');
		await updateDoc(ceramic, id, () => body);
	});
}

// Member profiles: one ModelInstanceDocument per account (SINGLE relation) of the profile model.
// Reads never need a wallet and go through the document layer (ceramic/documents.ts); every document
// read is validated and a malformed one is reported, not rendered.
import { replaceSynced } from '$lib/ceramic/replace';
import type { EIP1193Provider } from 'viem';
import { getConfig } from '$lib/config';
import { profileSchema } from './profileSchema';
import { addressFromDid, CeramicError, getCeramic, pkhDid } from '../ceramic/client';
import { readable } from '../ceramic/documents';
import { queryCollection } from '../ceramic/collection';
import { describeIssues, validate, type JsonSchema } from '../ceramic/validate';
import { getSession } from '../ceramic/session';

export interface Profile {
	name: string;
	bio?: string;
	avatarCid?: string;
	links?: string[];
}

export type ProfileRead =
	| { status: 'found'; profile: Profile }
	| { status: 'none' }
	| { status: 'invalid'; problem: string };

const schema = profileSchema as unknown as JsonSchema;

/** Checks an untrusted document against the profile schema. */
export function checkProfile(content: unknown): ProfileRead {
	if (content === null || content === undefined) return { status: 'none' };
	const issues = validate(schema, content);
	if (issues.length > 0) return { status: 'invalid', problem: `This profile is malformed and was skipped (${describeIssues(issues)})` };
	return { status: 'found', profile: content as Profile };
}

/** Drops empty optional fields so the document matches the schema's minimums. */
export function normaliseProfile(p: Profile): Profile {
	const out: Profile = { name: p.name.trim() };
	const bio = p.bio?.trim();
	if (bio) out.bio = bio;
	if (p.avatarCid?.trim()) out.avatarCid = p.avatarCid.trim();
	const links = (p.links ?? []).map((l) => l.trim()).filter(Boolean);
	if (links.length > 0) out.links = links;
	return out;
}

function modelId(): string {
	return getConfig().ceramic.models.profile;
}

/** One account's profile (no wallet needed). */
export function readProfile(address: string): Promise<ProfileRead> {
	return readable(() => readProfileRaw(address));
}

/**
 * Profiles of many accounts, keyed by lower-case address, from the node's index in pages of
 * `pageSize` (one query for up to 1,000 profiles). Invalid ones are flagged. Plain fetch, not the
 * Ceramic client: a page that only shows names never downloads it (ceramic/collection.ts).
 */
export function readProfiles(maxDocs = 1000, pageSize = 1000): Promise<Map<string, ProfileRead>> {
	return readable(() => readProfilesRaw(maxDocs, pageSize));
}

/**
 * Profiles of just these accounts (the rows a long list has on screen), keyed by lower-case address:
 * one index query per account (the node filters by one account at a time), `concurrency` at once.
 * Accounts without a profile map to { status: 'none' }.
 */
export function readProfilesOf(addresses: readonly string[], concurrency = 8): Promise<Map<string, ProfileRead>> {
	return readable(async () => {
		const out = new Map<string, ProfileRead>();
		const queue = [...new Set(addresses.map((a) => a.toLowerCase()))];
		const worker = async (): Promise<void> => {
			for (let a = queue.shift(); a !== undefined; a = queue.shift()) out.set(a, await readProfileRaw(a));
		};
		await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
		return out;
	});
}

async function readProfileRaw(address: string): Promise<ProfileRead> {
	const { docs } = await queryCollection({ model: modelId(), account: pkhDid(address), first: 1 });
	const doc = docs.find((d) => d.model === modelId());
	return doc ? checkProfile(doc.content) : { status: 'none' };
}

async function readProfilesRaw(maxDocs: number, pageSize: number): Promise<Map<string, ProfileRead>> {
	const out = new Map<string, ProfileRead>();
	let after: string | undefined;
	let seen = 0;
	for (;;) {
		const page = await queryCollection({ model: modelId(), first: Math.min(pageSize, maxDocs - seen), ...(after ? { after } : {}) });
		for (const doc of page.docs) {
			if (seen++ >= maxDocs) return out;
			// The index answers for one model; anything else in the answer is not a profile.
			if (doc.model !== modelId()) continue;
			const address = addressFromDid(doc.controller);
			if (address) out.set(address, checkProfile(doc.content));
		}
		if (!page.hasNextPage || !page.endCursor || seen >= maxDocs) return out;
		after = page.endCursor;
	}
}

/**
 * Writes (creates or replaces) the connected account's profile. Asks for a sign-in signature only
 * when no did-session is stored. Content is validated first so Ceramic never sees a bad document.
 */
export async function writeProfile(provider: EIP1193Provider, address: string, profile: Profile): Promise<string> {
	const content = normaliseProfile(profile);
	const issues = validate(schema, content);
	if (issues.length > 0) throw new CeramicError(`The profile is not valid: ${describeIssues(issues)}`);

	const [session, ceramic, { ModelInstanceDocument }, { StreamID }] = await Promise.all([
		getSession(provider, address),
		getCeramic(),
		import('@ceramicnetwork/stream-model-instance'),
		import('@ceramicnetwork/streamid')
	]);
	ceramic.did = session.did;
	// SINGLE relation: the deterministic document for (controller, model) — same id every time.
	const doc = await ModelInstanceDocument.single<Profile>(ceramic, {
		controller: session.did.parent,
		model: StreamID.fromString(modelId())
	});
	await replaceSynced(doc, () => content);
	return doc.id.toString();
}

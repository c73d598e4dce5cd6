// Member profiles: one ModelInstanceDocument per account (SINGLE relation) of the profile model.
// Reads never need a wallet and go through the document layer (ceramic/documents.ts); every document
// read is validated and a malformed one is reported, not rendered.
import type { EIP1193Provider } from 'viem';
import { getConfig } from '$lib/config';
import { profileSchema } from './profileSchema';
import { addressFromDid, CeramicError, getCeramic, pkhDid } from '../ceramic/client';
import { queryIndex, readable, scanIndex } from '../ceramic/documents';
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

/** Profiles of many accounts in one index query, keyed by lower-case address. Invalid ones are flagged. */
export function readProfiles(maxDocs = 1000): Promise<Map<string, ProfileRead>> {
	return readable(() => readProfilesRaw(maxDocs));
}

async function readProfileRaw(address: string): Promise<ProfileRead> {
	const { docs } = await queryIndex(await getCeramic(), { model: modelId(), account: pkhDid(address), pageSize: 1, order: 'oldest' });
	return docs[0] ? checkProfile(docs[0].content) : { status: 'none' };
}

async function readProfilesRaw(maxDocs: number): Promise<Map<string, ProfileRead>> {
	const out = new Map<string, ProfileRead>();
	for await (const raw of scanIndex(await getCeramic(), { model: modelId(), pageSize: 100 }, maxDocs)) {
		const address = addressFromDid(raw.controller);
		if (address) out.set(address, checkProfile(raw.content));
	}
	return out;
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
	await doc.replace(content);
	return doc.id.toString();
}

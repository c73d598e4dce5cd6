// Member profiles: one ModelInstanceDocument per account (SINGLE relation) of the profile model.
// Reads never need a wallet; every document read is validated and a malformed one is reported,
// not rendered.
import type { EIP1193Provider } from 'viem';
import type { StreamState } from '@ceramicnetwork/common';
import { getConfig } from '$lib/config';
import { profileSchema } from './profileSchema';
import { addressFromDid, CeramicError, describeCeramicError, getCeramic, pkhDid } from '../ceramic/client';
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

function controllerOf(state: StreamState): string | undefined {
	const controllers = (state.metadata as { controllers?: unknown }).controllers;
	return Array.isArray(controllers) && typeof controllers[0] === 'string' ? controllers[0] : undefined;
}

/** Rethrows any failure as a CeramicError with a readable sentence. */
async function readable<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		throw new CeramicError(describeCeramicError(e), { cause: e });
	}
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
	const ceramic = await getCeramic();
	const page = await ceramic.index.query({ model: modelId(), account: pkhDid(address), first: 1 });
	const state = page.edges[0]?.node;
	return state ? checkProfile(state.content) : { status: 'none' };
}

async function readProfilesRaw(maxDocs: number): Promise<Map<string, ProfileRead>> {
	const ceramic = await getCeramic();
	const out = new Map<string, ProfileRead>();
	let after: string | undefined;
	while (out.size < maxDocs) {
		const page = await ceramic.index.query({ model: modelId(), first: 100, ...(after ? { after } : {}) });
		for (const edge of page.edges) {
			if (!edge.node) continue;
			const controller = controllerOf(edge.node);
			const address = controller ? addressFromDid(controller) : null;
			if (address) out.set(address, checkProfile(edge.node.content));
		}
		if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
		after = page.pageInfo.endCursor;
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

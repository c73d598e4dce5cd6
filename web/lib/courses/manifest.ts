// Course manifests on Ceramic (model `course`, see $lib/courses/schema). Reads are validated;
// a manifest whose controller is not its stated author is refused (anyone can write a document that
// claims an author, only the author's did:pkh can control it).
import type { EIP1193Provider } from 'viem';
import { getConfig } from '$lib/config';
import { courseSchema, LESSON_TYPES } from '$lib/courses/schema';
import { addressFromDid, CeramicError, describeCeramicError, getCeramic } from '$lib/ceramic/client';
import { describeIssues, validate, type JsonSchema } from '$lib/ceramic/validate';
import { getSession } from '$lib/ceramic/session';

export type LessonType = (typeof LESSON_TYPES)[number];

export interface Lesson {
	title: string;
	path: string;
	type: LessonType;
}

export interface CourseManifest {
	union: string;
	author: string;
	title: string;
	summary?: string;
	cover?: string;
	contentCid: string;
	lessons: Lesson[];
	price: string;
	authorShareBps: number;
	previousVersions?: string[];
}

const schema = courseSchema as unknown as JsonSchema;

export function courseModelId(): string {
	const id = getConfig().ceramic.models.course;
	if (!id) throw new CeramicError('This site has no course model configured (config.json ceramic.models.course)');
	return id;
}

/** Checks untrusted content against the schema; returns the problem or null. */
export function manifestProblem(content: unknown): string | null {
	const issues = validate(schema, content);
	return issues.length ? `This course manifest is malformed (${describeIssues(issues)})` : null;
}

async function readable<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		throw new CeramicError(describeCeramicError(e), { cause: e });
	}
}

/** Loads and checks a manifest; throws a readable CeramicError when it is missing or invalid. */
export function readManifest(streamId: string): Promise<CourseManifest> {
	return readable(async () => {
		const ceramic = await getCeramic();
		const stream = await ceramic.loadStream(streamId);
		const content: unknown = stream.content;
		const problem = manifestProblem(content);
		if (problem) throw new CeramicError(problem);
		const m = content as CourseManifest;
		const controller = controllerAddress(stream.metadata);
		if (!controller || controller !== m.author.toLowerCase()) throw new CeramicError('This course manifest is not controlled by its author; it was skipped');
		return m;
	});
}

/** The controlling account: MID metadata has `controller`; older stream states list `controllers`. */
function controllerAddress(metadata: unknown): string | null {
	const m = (metadata ?? {}) as { controller?: unknown; controllers?: unknown };
	const did = typeof m.controller === 'string' ? m.controller : Array.isArray(m.controllers) && typeof m.controllers[0] === 'string' ? m.controllers[0] : null;
	return did ? addressFromDid(did) : null;
}

async function authorised(provider: EIP1193Provider, address: string) {
	const [session, ceramic, { ModelInstanceDocument }, { StreamID }] = await Promise.all([
		getSession(provider, address),
		getCeramic(),
		import('@ceramicnetwork/stream-model-instance'),
		import('@ceramicnetwork/streamid')
	]);
	ceramic.did = session.did;
	return { ceramic, ModelInstanceDocument, StreamID };
}

/** Creates a manifest document controlled by the author's did:pkh; returns its stream id. */
export function createManifest(provider: EIP1193Provider, address: string, manifest: CourseManifest): Promise<string> {
	const problem = manifestProblem(manifest);
	if (problem) return Promise.reject(new CeramicError(problem));
	return readable(async () => {
		const { ceramic, ModelInstanceDocument, StreamID } = await authorised(provider, address);
		const doc = await ModelInstanceDocument.create(ceramic, manifest, { model: StreamID.fromString(courseModelId()) });
		return doc.id.toString();
	});
}

/**
 * Replaces the manifest with a new version; the previous directory CID is appended to
 * `previousVersions` so earlier versions stay listed (and readable on IPFS).
 */
export function replaceManifest(provider: EIP1193Provider, address: string, streamId: string, next: CourseManifest): Promise<CourseManifest> {
	return readable(async () => {
		const current = await readManifest(streamId);
		const previous = [...(current.previousVersions ?? []), current.contentCid].filter((c) => c !== next.contentCid);
		const content: CourseManifest = { ...next, previousVersions: previous };
		const problem = manifestProblem(content);
		if (problem) throw new CeramicError(problem);
		const { ceramic, ModelInstanceDocument } = await authorised(provider, address);
		const doc = await ModelInstanceDocument.load<CourseManifest>(ceramic, streamId);
		await doc.replace(content);
		return content;
	});
}

/**
 * Puts `content` back as the manifest, exactly (no previousVersions bookkeeping): used to undo a
 * manifest update when the matching on-chain version could not be published.
 */
export function restoreManifest(provider: EIP1193Provider, address: string, streamId: string, content: CourseManifest): Promise<void> {
	const problem = manifestProblem(content);
	if (problem) return Promise.reject(new CeramicError(problem));
	return readable(async () => {
		const { ceramic, ModelInstanceDocument } = await authorised(provider, address);
		const doc = await ModelInstanceDocument.load<CourseManifest>(ceramic, streamId);
		await doc.replace(content);
	});
}

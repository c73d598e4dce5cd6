// Course manifests on Ceramic (model `course`, see $lib/courses/schema), through the one document
// layer (ceramic/documents.ts). Reads are validated; a manifest of another model, or whose controller
// is not its stated author, is refused (anyone can write a document that claims an author, only the
// author's did:pkh can control it).
import type { EIP1193Provider } from 'viem';
import { getConfig } from '$lib/config';
import { courseSchema, LESSON_TYPES } from '$lib/courses/schema';
import { CeramicError, getCeramic } from '$lib/ceramic/client';
import { checkDocument, createDoc, loadRaw, readable, updateDoc, type DocumentRules } from '$lib/ceramic/documents';
import { describeIssues, validate, type JsonSchema } from '$lib/ceramic/validate';
import { signedInCeramic } from '$lib/ceramic/writer';

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

function rules(): DocumentRules<CourseManifest> {
	return {
		model: courseModelId(),
		problem: (content) => {
			const issues = validate(schema, content);
			return issues.length ? describeIssues(issues) : null;
		},
		author: (m) => m.author.toLowerCase(),
		describe: (problem, failed) =>
			failed === 'author' ? 'This course manifest is not controlled by its author; it was skipped' : `This course manifest is malformed (${problem})`
	};
}

/** Loads and checks a manifest; throws a readable CeramicError when it is missing or invalid. */
export function readManifest(streamId: string): Promise<CourseManifest> {
	return readable(async () => {
		const raw = await loadRaw(await getCeramic(), streamId);
		if (!raw) throw new CeramicError(`“${streamId}” is not a Ceramic stream id`);
		const checked = checkDocument(raw, rules());
		if (!checked.ok) throw new CeramicError(checked.problem);
		return checked.value;
	});
}

/** Creates a manifest document controlled by the author's did:pkh; returns its stream id. */
export function createManifest(provider: EIP1193Provider, address: string, manifest: CourseManifest): Promise<string> {
	const problem = manifestProblem(manifest);
	if (problem) return Promise.reject(new CeramicError(problem));
	return readable(async () => createDoc(await signedInCeramic(provider, address), courseModelId(), manifest));
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
		await updateDoc(await signedInCeramic(provider, address), streamId, () => content);
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
		await updateDoc(await signedInCeramic(provider, address), streamId, () => content);
	});
}

// The author's edits to a published course, turned into the next version: which files the new
// directory holds (kept ones are copied from the current version, checked against its CID; new ones
// come from the author's disk) and the manifest that names it. Pure, so it is tested without a network.
import { coverFileName, lessonFileName, lessonTypeOf } from './files';
import type { CourseManifest, Lesson } from './manifest';

/** One lesson row of the edit form: a lesson of the current version kept as is, or a new file. */
export interface LessonEdit {
	title: string;
	/** The current version's lesson this row keeps (ignored once `file` is chosen). */
	keep: Lesson | null;
	/** A new file that replaces `keep` (or fills a new row). */
	file: File | null;
}

export interface VersionDraft {
	title: string;
	summary: string;
	/** A new cover; null keeps the current one (if any). */
	cover: File | null;
	lessons: LessonEdit[];
}

/** Where one file of the new directory comes from. */
export type FileSource = { kind: 'new'; file: Blob } | { kind: 'keep'; path: string };

export interface VersionPlan {
	lessons: Lesson[];
	cover: string | undefined;
	files: Array<{ path: string; source: FileSource }>;
}

/** The edit rows for the current version: every lesson kept, in order. */
export function editsFrom(m: CourseManifest): LessonEdit[] {
	return m.lessons.map((l) => ({ title: l.title, keep: l, file: null }));
}

/** The problem with the edits, in one sentence, or null when they can be published. */
export function versionProblem(current: CourseManifest, d: VersionDraft): string | null {
	if (!d.title.trim()) return 'Give the course a title';
	if (d.lessons.length === 0) return 'Keep or add at least one lesson';
	for (const [i, l] of d.lessons.entries()) {
		if (!l.title.trim()) return `Lesson ${i + 1} needs a title`;
		if (l.file) {
			if (!lessonTypeOf(l.file.name)) return `Lesson ${i + 1}: “${l.file.name}” is not markdown, an image, a video or a PDF`;
		} else if (!l.keep) return `Lesson ${i + 1} needs a file`;
		else if (!current.lessons.some((c) => c.path === l.keep!.path)) return `Lesson ${i + 1} is not in the current version any more; choose its file again`;
	}
	if (d.cover && lessonTypeOf(d.cover.name) !== 'image') return 'The cover must be an image';
	if (unchanged(current, d)) return 'Nothing changed yet: edit a title, the summary, or a lesson';
	return null;
}

function unchanged(current: CourseManifest, d: VersionDraft): boolean {
	return (
		d.title.trim() === current.title &&
		d.summary.trim() === (current.summary ?? '') &&
		!d.cover &&
		d.lessons.length === current.lessons.length &&
		d.lessons.every((l, i) => !l.file && l.keep?.path === current.lessons[i]!.path && l.title.trim() === current.lessons[i]!.title)
	);
}

/**
 * The new directory's files and lessons. Paths are renumbered in the new order (`lessonFileName`), so
 * a lesson kept at its place under its title keeps its path (and members' progress on it).
 */
export function planVersion(current: CourseManifest, d: VersionDraft): VersionPlan {
	const problem = versionProblem(current, d);
	if (problem) throw new Error(problem);
	const files: VersionPlan['files'] = [];
	const lessons = d.lessons.map((l, i): Lesson => {
		const title = l.title.trim();
		if (l.file) {
			const path = lessonFileName(i, title, l.file.name);
			files.push({ path, source: { kind: 'new', file: l.file } });
			return { title, path, type: lessonTypeOf(l.file.name)! };
		}
		const kept = l.keep!;
		const path = lessonFileName(i, title, kept.path);
		files.push({ path, source: { kind: 'keep', path: kept.path } });
		return { title, path, type: kept.type };
	});
	let cover: string | undefined;
	if (d.cover) {
		cover = coverFileName(d.cover.name);
		files.unshift({ path: cover, source: { kind: 'new', file: d.cover } });
	} else if (current.cover) {
		cover = current.cover;
		files.unshift({ path: cover, source: { kind: 'keep', path: current.cover } });
	}
	return { lessons, cover, files };
}

/** The manifest of the new version: same union, author and terms; the current CID joins previousVersions. */
export function nextManifest(current: CourseManifest, d: VersionDraft, plan: VersionPlan, contentCid: string): CourseManifest {
	const summary = d.summary.trim();
	const previousVersions = [...(current.previousVersions ?? []), current.contentCid].filter((c) => c !== contentCid);
	return {
		union: current.union,
		author: current.author,
		title: d.title.trim(),
		...(summary ? { summary } : {}),
		...(plan.cover ? { cover: plan.cover } : {}),
		contentCid,
		lessons: plan.lessons,
		price: current.price,
		authorShareBps: current.authorShareBps,
		previousVersions
	};
}

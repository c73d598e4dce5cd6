// Publishing a course from the browser, in three steps the page shows one by one:
// 1. every file (cover + lessons, in order) goes to IPFS as ONE UnixFS directory through the configured
//    upload endpoint, with byte progress; 2. the manifest (directory CID, lessons, price, author,
//    union) becomes a Ceramic document; 3. the course is registered on chain with the manifest's
//    stream id and the directory CID (CourseVersionPublished v1).
import type { Address, EIP1193Provider } from 'viem';
import { uploadDirectory, type UploadProgress } from '$lib/ipfs/upload';
import type { TxObserver, TxResult } from '$lib/chain/write';
import { coverFileName, lessonFileName, lessonTypeOf } from './files';
import { createManifest, manifestProblem, type CourseManifest, type Lesson } from './manifest';
import { registerCourse } from './actions';
import { courseIdFrom } from './receipt';

export interface LessonDraft {
	title: string;
	file: File;
}

export interface CourseDraft {
	union: Address;
	title: string;
	summary: string;
	cover: File | null;
	lessons: LessonDraft[];
	price: bigint;
	authorShareBps: number;
	autoIssue: boolean;
}

export type PublishStep = { step: 'upload'; progress: UploadProgress } | { step: 'manifest' } | { step: 'register' };

export interface Published {
	contentCid: string;
	manifest: string;
	courseId: bigint | null;
	tx: TxResult;
}

/** The problem with a draft, in one sentence, or null when it can be published. */
export function draftProblem(d: CourseDraft): string | null {
	if (!d.title.trim()) return 'Give the course a title';
	if (d.lessons.length === 0) return 'Add at least one lesson';
	for (const [i, l] of d.lessons.entries()) {
		if (!l.title.trim()) return `Lesson ${i + 1} needs a title`;
		if (!lessonTypeOf(l.file.name)) return `Lesson ${i + 1}: “${l.file.name}” is not markdown, an image, a video or a PDF`;
	}
	if (d.cover && lessonTypeOf(d.cover.name) !== 'image') return 'The cover must be an image';
	if (d.authorShareBps < 0 || d.authorShareBps > 10_000) return 'The author share must be between 0 and 100%';
	return null;
}

export async function publishCourse(
	provider: EIP1193Provider,
	author: Address,
	d: CourseDraft,
	onStep: (s: PublishStep) => void,
	observer?: TxObserver
): Promise<Published> {
	const problem = draftProblem(d);
	if (problem) throw new Error(problem);
	const lessons: Lesson[] = d.lessons.map((l, i) => {
		const path = lessonFileName(i, l.title, l.file.name);
		return { title: l.title.trim(), path, type: lessonTypeOf(l.file.name)! };
	});
	const files = d.lessons.map((l, i) => ({ path: lessons[i]!.path, file: l.file as Blob }));
	const cover = d.cover ? coverFileName(d.cover.name) : undefined;
	if (d.cover && cover) files.unshift({ path: cover, file: d.cover });

	const dir = await uploadDirectory(files, (progress) => onStep({ step: 'upload', progress }));

	const manifest: CourseManifest = {
		union: d.union,
		author,
		title: d.title.trim(),
		...(d.summary.trim() ? { summary: d.summary.trim() } : {}),
		...(cover ? { cover } : {}),
		contentCid: dir.cid,
		lessons,
		price: d.price.toString(),
		authorShareBps: d.authorShareBps,
		previousVersions: []
	};
	const bad = manifestProblem(manifest);
	if (bad) throw new Error(bad);
	onStep({ step: 'manifest' });
	const streamId = await createManifest(provider, author, manifest);

	onStep({ step: 'register' });
	const tx = await registerCourse(
		{ provider, account: author },
		{ union: d.union, manifest: streamId, contentCid: dir.cid, price: d.price, authorShareBps: d.authorShareBps, autoIssue: d.autoIssue },
		observer
	);
	return { contentCid: dir.cid, manifest: streamId, courseId: courseIdFrom(tx.receipt), tx };
}

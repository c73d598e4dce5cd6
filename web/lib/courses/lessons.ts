// Opening a lesson: bytes come only from fetchVerifiedPath (checked against the course directory CID
// the chain names), then become text (markdown) or a blob: URL of exactly those bytes (image, video,
// PDF), so the browser never renders anything the gateway could have swapped.
import { fetchVerifiedPath } from '$lib/ipfs/verifiedPath';
import { mimeOf } from './files';
import type { Lesson } from './manifest';

export type OpenedLesson = { kind: 'markdown'; text: string } | { kind: 'image' | 'video' | 'pdf'; url: string; bytes: number };

export const MAX_LESSON_BYTES = 200 * 1024 * 1024;

export async function openLesson(contentCid: string, lesson: Lesson, signal?: AbortSignal): Promise<OpenedLesson> {
	const bytes = await fetchVerifiedPath(contentCid, lesson.path, { signal, maxBytes: MAX_LESSON_BYTES, timeoutMs: 120_000 });
	if (lesson.type === 'markdown') return { kind: 'markdown', text: new TextDecoder().decode(bytes) };
	const blob = new Blob([bytes as BlobPart], { type: mimeOf(lesson.path, lesson.type) });
	return { kind: lesson.type, url: URL.createObjectURL(blob), bytes: bytes.byteLength };
}

/** A verified cover image as a blob: URL. */
export async function openCover(contentCid: string, path: string): Promise<string> {
	const bytes = await fetchVerifiedPath(contentCid, path, { maxBytes: 20 * 1024 * 1024 });
	return URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeOf(path, 'image') }));
}

// Turning the author's chosen files into a course directory: safe, unique file names in lesson order,
// and the lesson type from the file's extension (what the lesson view knows how to show).
// Imports only the dependency-free course schema, so the demo seed (Node) names lesson files with it too.
import type { LESSON_TYPES } from './schema';

type LessonType = (typeof LESSON_TYPES)[number];

const TYPES: Record<string, LessonType> = {
	md: 'markdown',
	markdown: 'markdown',
	txt: 'markdown',
	png: 'image',
	jpg: 'image',
	jpeg: 'image',
	gif: 'image',
	webp: 'image',
	avif: 'image',
	mp4: 'video',
	webm: 'video',
	pdf: 'pdf'
};

export const ACCEPTED_LESSON_FILES = Object.keys(TYPES)
	.map((e) => `.${e}`)
	.join(',');

export const MIME: Record<LessonType, Record<string, string>> = {
	markdown: { md: 'text/markdown', markdown: 'text/markdown', txt: 'text/plain' },
	image: { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' },
	video: { mp4: 'video/mp4', webm: 'video/webm' },
	pdf: { pdf: 'application/pdf' }
};

export function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The lesson type of a file name, or null when the viewer cannot show it. */
export function lessonTypeOf(name: string): LessonType | null {
	return TYPES[extensionOf(name)] ?? null;
}

/** The MIME type the viewer gives a verified blob of this path. */
export function mimeOf(path: string, type: LessonType): string {
	return MIME[type][extensionOf(path)] ?? 'application/octet-stream';
}

/** `03-intro-to-bargaining.md`: position prefix keeps order and uniqueness; only [a-z0-9-] survive. */
export function lessonFileName(index: number, title: string, originalName: string): string {
	const slug =
		title
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 40) || 'lesson';
	const ext = extensionOf(originalName) || 'bin';
	return `${String(index + 1).padStart(2, '0')}-${slug}.${ext}`;
}

export function coverFileName(originalName: string): string {
	return `cover.${extensionOf(originalName) || 'bin'}`;
}

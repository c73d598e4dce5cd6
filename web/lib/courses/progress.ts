// Lesson progress per (course, member), kept in this browser's localStorage: it is private, needs no
// signature and costs nothing; the on-chain completion credential is what others can check.
const PREFIX = 'nu:course-progress:';

function key(chainId: number, courses: string, courseId: bigint, member: string): string {
	return `${PREFIX}${chainId}:${courses.toLowerCase()}:${courseId}:${member.toLowerCase()}`;
}

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

/** Paths of the lessons this member has finished. */
export function readProgress(chainId: number, courses: string, courseId: bigint, member: string): Set<string> {
	const raw = storage()?.getItem(key(chainId, courses, courseId, member));
	if (!raw) return new Set();
	try {
		const parsed: unknown = JSON.parse(raw);
		return new Set(Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : []);
	} catch {
		return new Set();
	}
}

export function markDone(chainId: number, courses: string, courseId: bigint, member: string, path: string): Set<string> {
	const done = readProgress(chainId, courses, courseId, member);
	done.add(path);
	storage()?.setItem(key(chainId, courses, courseId, member), JSON.stringify([...done]));
	return done;
}

// One course as the pages need it: the chain record and its manifest, cross-checked. The chain is the
// source of truth for the content: a manifest whose directory CID is not the chain's latest version
// is refused rather than shown (it could point readers at other files).
import type { CourseOnChain } from './chain';
import type { CourseManifest } from './manifest';

export interface CourseView {
	chain: CourseOnChain;
	manifest: CourseManifest;
	/** Directory CID of the current version (from the chain). */
	contentCid: string;
}

export class CourseMismatchError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CourseMismatchError';
	}
}

export function crossCheck(chain: CourseOnChain, manifest: CourseManifest): CourseView {
	const current = chain.versions.at(-1);
	if (!current) throw new CourseMismatchError('This course has no published version on chain');
	if (manifest.contentCid !== current) {
		throw new CourseMismatchError(`The course manifest names content ${manifest.contentCid}, but the chain’s current version is ${current}; it was not shown`);
	}
	if (manifest.author.toLowerCase() !== chain.author.toLowerCase()) throw new CourseMismatchError('The course manifest was written by someone other than the course author');
	if (manifest.union.toLowerCase() !== chain.union.toLowerCase()) throw new CourseMismatchError('The course manifest belongs to another union');
	return { chain, manifest, contentCid: current };
}

export async function loadCourse(id: bigint): Promise<CourseView> {
	const [{ readCourse }, { readManifest }] = await Promise.all([import('./chain'), import('./manifest')]);
	const chain = await readCourse(id);
	return crossCheck(chain, await readManifest(chain.manifest));
}

export interface CourseListItem {
	chain: CourseOnChain;
	manifest: CourseManifest | null;
	problem: string | null;
}

export async function loadCourseList(union: `0x${string}`): Promise<CourseListItem[]> {
	const [{ listCourses }, { readManifest }] = await Promise.all([import('./chain'), import('./manifest')]);
	const list = await listCourses(union);
	return Promise.all(
		list.map(async (chain) => {
			try {
				const view = crossCheck(chain, await readManifest(chain.manifest));
				return { chain, manifest: view.manifest, problem: null };
			} catch (e) {
				return { chain, manifest: null, problem: e instanceof Error ? e.message : String(e) };
			}
		})
	);
}

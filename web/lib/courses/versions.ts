// An earlier version of a course, read by the directory CID the chain recorded for it (the Ceramic
// manifest only describes the current version). Its file list comes from the directory's root block,
// checked against that CID; each file is then opened like a lesson, verified block by block.
import { listVerifiedDirectory } from '$lib/ipfs/verifiedPath';
import { readCourse, type CourseOnChain } from './chain';
import { lessonTypeOf } from './files';
import type { Lesson } from './manifest';

export interface VersionView {
	chain: CourseOnChain;
	version: number;
	contentCid: string;
	/** Files the viewer can show, as lessons titled by their file name, in directory order. */
	files: Lesson[];
}

export async function loadVersion(courseId: bigint, version: number): Promise<VersionView> {
	const chain = await readCourse(courseId);
	const contentCid = chain.versions[version - 1];
	if (!contentCid) throw new Error(`This course has no version ${version} (it has ${chain.versions.length})`);
	const names = await listVerifiedDirectory(contentCid);
	const files = names.flatMap((path): Lesson[] => {
		const type = lessonTypeOf(path);
		return type ? [{ title: path, path, type }] : [];
	});
	return { chain, version, contentCid, files };
}

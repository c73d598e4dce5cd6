// Publishing a new version of a course from the browser, in the steps the page shows:
// 1. kept files are copied out of the current version, each checked against its directory CID;
// 2. kept + new files go to IPFS as ONE new UnixFS directory, with byte progress;
// 3. the Ceramic manifest is replaced (the old CID joins previousVersions);
// 4. `publishVersion` records the new directory on chain. If step 4 fails, the manifest is put back,
//    so the course page keeps matching the chain and the author can simply try again.
import type { Address, EIP1193Provider } from 'viem';
import { uploadDirectory, type DirectoryFile, type UploadProgress } from '$lib/ipfs/upload';
import { fetchVerifiedPath } from '$lib/ipfs/verifiedPath';
import type { TxObserver, TxResult } from '$lib/chain/write';
import { MAX_LESSON_BYTES } from './lessons';
import { manifestProblem, replaceManifest, restoreManifest } from './manifest';
import { publishVersion } from './actions';
import { versionFrom } from './receipt';
import type { CourseView } from './load';
import { nextManifest, planVersion, type VersionDraft } from './revise';

export type VersionStep = { step: 'copy'; path: string } | { step: 'upload'; progress: UploadProgress } | { step: 'manifest' } | { step: 'chain' };

export interface VersionPublished {
	contentCid: string;
	version: number | null;
	tx: TxResult;
}

export async function publishNewVersion(
	provider: EIP1193Provider,
	author: Address,
	course: CourseView,
	d: VersionDraft,
	onStep: (s: VersionStep) => void,
	observer?: TxObserver
): Promise<VersionPublished> {
	const plan = planVersion(course.manifest, d);
	const files: DirectoryFile[] = [];
	for (const f of plan.files) {
		if (f.source.kind === 'new') files.push({ path: f.path, file: f.source.file });
		else {
			onStep({ step: 'copy', path: f.source.path });
			const bytes = await fetchVerifiedPath(course.contentCid, f.source.path, { maxBytes: MAX_LESSON_BYTES, timeoutMs: 120_000 });
			files.push({ path: f.path, file: new Blob([bytes as BlobPart]) });
		}
	}

	const dir = await uploadDirectory(files, (progress) => onStep({ step: 'upload', progress }));
	if (dir.cid === course.contentCid) throw new Error('The new version has exactly the current files; change a lesson or the cover first');

	const next = nextManifest(course.manifest, d, plan, dir.cid);
	const bad = manifestProblem(next);
	if (bad) throw new Error(bad);
	onStep({ step: 'manifest' });
	await replaceManifest(provider, author, course.chain.manifest, next);

	onStep({ step: 'chain' });
	let tx: TxResult;
	try {
		tx = await publishVersion({ provider, account: author }, course.chain.id, dir.cid, observer);
	} catch (e) {
		try {
			await restoreManifest(provider, author, course.chain.manifest, course.manifest);
		} catch {
			const reason = e instanceof Error ? e.message : String(e);
			throw new Error(`${reason} — and the course manifest could not be put back, so the course page will not open until you publish this version again`, { cause: e });
		}
		throw e;
	}
	return { contentCid: dir.cid, version: versionFrom(tx.receipt), tx };
}

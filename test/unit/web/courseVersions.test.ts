// A new course version from the author's edits: which files the new directory holds (kept ones copied
// from the current version, new ones from disk), the lessons and paths, the manifest that names it
// (previousVersions grows), what blocks publishing, and the verified listing of an old version.
import { describe, expect, it } from 'vitest';
import { directoryNames, verifiedBlocks } from '$lib/ipfs/verifiedPath';
import { directoryCar } from './directoryCar';
import { manifestProblem, type CourseManifest } from '$lib/courses/manifest';
import { editsFrom, nextManifest, planVersion, versionProblem, type VersionDraft } from '$lib/courses/revise';

const current: CourseManifest = {
	union: '0x1111111111111111111111111111111111111111',
	author: '0x2222222222222222222222222222222222222222',
	title: 'Organising 101',
	summary: 'How a union starts.',
	cover: 'cover.png',
	contentCid: 'bafybeiv2',
	lessons: [
		{ title: 'Why we organise', path: '01-why-we-organise.md', type: 'markdown' },
		{ title: 'The map', path: '02-the-map.png', type: 'image' },
		{ title: 'Bargaining', path: '03-bargaining.md', type: 'markdown' }
	],
	price: '4000000000000000000',
	authorShareBps: 7500,
	previousVersions: ['bafybeiv1']
};

const unchanged = (): VersionDraft => ({ title: current.title, summary: current.summary!, cover: null, lessons: editsFrom(current) });
const md = (name: string, text: string) => new File([text], name, { type: 'text/markdown' });

describe('planning a new course version', () => {
	it('keeps every lesson at its path when only one lesson file is replaced', () => {
		const d = unchanged();
		const file = md('bargain-v2.md', '# Bargaining, revised');
		d.lessons[2]!.file = file;
		const plan = planVersion(current, d);
		expect(plan.lessons).toEqual([
			{ title: 'Why we organise', path: '01-why-we-organise.md', type: 'markdown' },
			{ title: 'The map', path: '02-the-map.png', type: 'image' },
			{ title: 'Bargaining', path: '03-bargaining.md', type: 'markdown' }
		]);
		expect(plan.cover).toBe('cover.png');
		expect(plan.files).toEqual([
			{ path: 'cover.png', source: { kind: 'keep', path: 'cover.png' } },
			{ path: '01-why-we-organise.md', source: { kind: 'keep', path: '01-why-we-organise.md' } },
			{ path: '02-the-map.png', source: { kind: 'keep', path: '02-the-map.png' } },
			{ path: '03-bargaining.md', source: { kind: 'new', file } }
		]);
	});

	it('renumbers kept lessons after a reorder, a removal and an added lesson, and takes a new cover', () => {
		const d = unchanged();
		d.lessons = [d.lessons[2]!, d.lessons[0]!, { title: 'Strikes', keep: null, file: md('strike.md', 'x') }];
		d.cover = new File([new Uint8Array([1])], 'Photo.JPG', { type: 'image/jpeg' });
		const plan = planVersion(current, d);
		expect(plan.lessons.map((l) => l.path)).toEqual(['01-bargaining.md', '02-why-we-organise.md', '03-strikes.md']);
		expect(plan.files.map((f) => [f.path, f.source.kind === 'keep' ? f.source.path : 'new'])).toEqual([
			['cover.jpg', 'new'],
			['01-bargaining.md', '03-bargaining.md'],
			['02-why-we-organise.md', '01-why-we-organise.md'],
			['03-strikes.md', 'new']
		]);
	});

	it('builds a valid manifest: same union, author and terms, new CID, the old one added to previousVersions', () => {
		const d = unchanged();
		d.title = '  Organising 102 ';
		d.summary = '';
		const plan = planVersion(current, d);
		const next = nextManifest(current, d, plan, 'bafybeiv3');
		expect(next).toMatchObject({ union: current.union, author: current.author, price: current.price, authorShareBps: 7500, title: 'Organising 102' });
		expect(next.contentCid).toBe('bafybeiv3');
		expect(next.previousVersions).toEqual(['bafybeiv1', 'bafybeiv2']);
		expect(next).not.toHaveProperty('summary');
		expect(manifestProblem(next)).toBeNull();
	});

	it('names what blocks publishing', () => {
		expect(versionProblem(current, unchanged())).toContain('Nothing changed');
		const empty = { ...unchanged(), lessons: [] };
		expect(versionProblem(current, empty)).toContain('at least one lesson');
		const blankRow = unchanged();
		blankRow.lessons.push({ title: 'New', keep: null, file: null });
		expect(versionProblem(current, blankRow)).toBe('Lesson 4 needs a file');
		const exe = unchanged();
		exe.lessons[0]!.file = new File(['x'], 'run.exe');
		expect(versionProblem(current, exe)).toContain('“run.exe” is not markdown');
		const stale = unchanged();
		stale.lessons[0]!.keep = { title: 'Gone', path: '09-gone.md', type: 'markdown' };
		expect(versionProblem(current, stale)).toContain('not in the current version');
		const untitled = unchanged();
		untitled.lessons[1]!.title = ' ';
		expect(versionProblem(current, untitled)).toBe('Lesson 2 needs a title');
		expect(() => planVersion(current, unchanged())).toThrow('Nothing changed');
		const renamed = unchanged();
		renamed.lessons[1]!.title = 'The big map';
		expect(versionProblem(current, renamed)).toBeNull();
	});
});

describe('listing an old version', () => {
	it('lists the entries of a directory from its verified root block', async () => {
		const enc = new TextEncoder();
		const { root, car } = await directoryCar({ '01-a.md': enc.encode('a'), '02-b.png': new Uint8Array([1]), 'cover.png': new Uint8Array([2]) });
		const names = await directoryNames(await verifiedBlocks(car), root);
		expect(names.sort()).toEqual(['01-a.md', '02-b.png', 'cover.png']);
	});

	it('refuses a CID that is a file, not a directory', async () => {
		const { fileCid, car } = await directoryCar({ '01-a.md': new TextEncoder().encode('a') });
		await expect(directoryNames(await verifiedBlocks(car), fileCid)).rejects.toThrow('not a plain directory');
	});

	it('refuses when the root block is missing', async () => {
		const { root, car } = await directoryCar({ '01-a.md': new TextEncoder().encode('a') });
		const blocks = await verifiedBlocks(car);
		blocks.delete(root.toString());
		await expect(directoryNames(blocks, root)).rejects.toThrow('left out block');
	});
});

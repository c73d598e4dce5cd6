// Course modules without a network: verified directory reads from a real CAR (made by the same UnixFS
// importer options the IPFS node uses), upload progress mapping, lesson file naming, manifest checks and
// the chain/manifest cross-check.
import { describe, expect, it } from 'vitest';
import { exportFile, verifiedBlocks } from '$lib/ipfs/verifiedPath';
import { parseAddLines, progressAt } from '$lib/ipfs/upload';
import { lessonFileName, lessonTypeOf } from '$lib/courses/files';
import { manifestProblem, type CourseManifest } from '$lib/courses/manifest';
import { crossCheck } from '$lib/courses/load';
import type { CourseOnChain } from '$lib/courses/chain';
import { directoryCar as directoryCarOf } from './directoryCar';

const enc = new TextEncoder();

/** Small chunks, so a lesson spans several blocks. */
const directoryCar = (files: Record<string, Uint8Array>) => directoryCarOf(files, 64);

const LESSON = enc.encode('# Lesson one\n\nWe bargain together, and this text spans more than one 64-byte block of the file.\n');

describe('verified course reads', () => {
	it('rebuilds a multi-block file inside the directory from verified blocks', async () => {
		const { root, car } = await directoryCar({ '01-intro.md': LESSON, '02-map.png': new Uint8Array([1, 2, 3]) });
		const blocks = await verifiedBlocks(car);
		expect(await exportFile(blocks, root, '01-intro.md')).toEqual(LESSON);
	});

	it('refuses a CAR in which one byte of a block was changed', async () => {
		const { car } = await directoryCar({ '01-intro.md': LESSON });
		const at = Buffer.from(car).indexOf('bargain');
		expect(at).toBeGreaterThan(0);
		const tampered = car.slice();
		tampered[at] = 'B'.charCodeAt(0);
		await expect(verifiedBlocks(tampered)).rejects.toThrow('does not match its CID');
	});

	it('refuses when a block of the file is missing', async () => {
		const { root, car } = await directoryCar({ '01-intro.md': LESSON });
		const blocks = await verifiedBlocks(car);
		const leaf = [...blocks.keys()].find((k) => k.startsWith('bafkrei'))!;
		blocks.delete(leaf);
		await expect(exportFile(blocks, root, '01-intro.md')).rejects.toThrow('left out block');
	});

	it('refuses a path that is not in the directory', async () => {
		const { root, car } = await directoryCar({ '01-intro.md': LESSON });
		await expect(exportFile(await verifiedBlocks(car), root, '09-other.md')).rejects.toThrow('not in the course directory');
	});

	it('refuses bytes that are not a CAR', async () => {
		await expect(verifiedBlocks(enc.encode('<html>gateway error</html>'))).rejects.toThrow('not a CAR');
	});
});

describe('directory upload helpers', () => {
	it('maps bytes sent to files done and the file on its way', () => {
		const sizes = [100, 1000, 50];
		const paths = ['a', 'b', 'c'];
		expect(progressAt(0, 1300, sizes, paths)).toMatchObject({ filesDone: 0, currentPath: 'a' });
		expect(progressAt(200, 1300, sizes, paths)).toMatchObject({ filesDone: 1, currentPath: 'b' });
		expect(progressAt(1300, 1300, sizes, paths)).toMatchObject({ filesDone: 3, currentPath: null });
	});

	it('reads every NDJSON line of a wrapped add', () => {
		const lines = parseAddLines('{"Name":"01-a.md","Hash":"bafkreia","Size":"3"}\n{"Name":"","Hash":"bafybeiroot","Size":"9"}\n');
		expect(lines.map((l) => [l.name, l.cid])).toEqual([
			['01-a.md', 'bafkreia'],
			['', 'bafybeiroot']
		]);
	});

	it('names lesson files by position and a safe slug, and types them by extension', () => {
		expect(lessonFileName(0, 'Why we Organise!', 'Draft (1).MD')).toBe('01-why-we-organise.md');
		expect(lessonFileName(11, '../../etc', 'x.pdf')).toBe('12-etc.pdf');
		expect(lessonTypeOf('a.webm')).toBe('video');
		expect(lessonTypeOf('a.exe')).toBeNull();
	});
});

const union = '0x1111111111111111111111111111111111111111';
const author = '0x2222222222222222222222222222222222222222';
const manifest: CourseManifest = {
	union,
	author,
	title: 'Organising 101',
	contentCid: 'bafybeiv2',
	lessons: [{ title: 'One', path: '01-one.md', type: 'markdown' }],
	price: '4000000000000000000',
	authorShareBps: 7500,
	previousVersions: ['bafybeiv1']
};

describe('course manifests', () => {
	it('accepts a valid manifest and names what is wrong with a bad one', () => {
		expect(manifestProblem(manifest)).toBeNull();
		expect(manifestProblem({ ...manifest, lessons: [] })).toContain('lessons');
		expect(manifestProblem({ ...manifest, lessons: [{ title: 'x', path: '../secret', type: 'markdown' }] })).toContain('path');
		expect(manifestProblem({ ...manifest, price: '-1' })).toContain('price');
	});

	it('shows a course only when the manifest names the chain’s current version, author and union', () => {
		const chain: CourseOnChain = {
			id: 1n,
			union,
			author,
			token: union,
			price: 4n,
			authorShareBps: 7500,
			autoIssue: false,
			version: 2,
			manifest: 'kjz',
			versions: ['bafybeiv1', 'bafybeiv2']
		};
		expect(crossCheck(chain, manifest).contentCid).toBe('bafybeiv2');
		expect(() => crossCheck({ ...chain, versions: ['bafybeiv1', 'bafybeiv3'] }, manifest)).toThrow('current version');
		expect(() => crossCheck({ ...chain, author: union }, manifest)).toThrow('someone other');
	});
});

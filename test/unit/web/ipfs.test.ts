import { describe, expect, it } from 'vitest';
import { CID } from 'multiformats/cid';
import { parseAddResponse, addUrl } from '$lib/ipfs/upload';
import { rawCidOf, verifyBytes, parseCid, isRawCid } from '$lib/ipfs/verify';

const bytes = new TextEncoder().encode('# Charter\n');

describe('CID verification', () => {
	it('accepts bytes that hash to their raw CID', async () => {
		const cid = CID.parse(await rawCidOf(bytes));
		expect(isRawCid(cid)).toBe(true);
		expect(await verifyBytes(cid, bytes)).toBe(true);
	});

	it('rejects altered bytes', async () => {
		const cid = CID.parse(await rawCidOf(bytes));
		expect(await verifyBytes(cid, new TextEncoder().encode('# Charter!\n'))).toBe(false);
	});

	it('reports dag-pb CIDs as not checkable here', async () => {
		const dagPb = parseCid('bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi');
		expect(dagPb).not.toBeNull();
		expect(await verifyBytes(dagPb!, bytes)).toBeNull();
	});

	it('rejects text that is not a CID', () => {
		expect(parseCid('hello')).toBeNull();
	});
});

describe('Kubo-style add', () => {
	it('takes the last NDJSON line as the result', () => {
		const body = '{"Name":"a.md","Hash":"bafkreia","Size":"10"}\n{"Name":"","Hash":"bafybeiroot","Size":"70"}\n';
		expect(parseAddResponse(body)).toEqual({ name: '', cid: 'bafybeiroot', size: 70 });
	});

	it('refuses an answer without a CID', () => {
		expect(() => parseAddResponse('{"Message":"nope"}')).toThrow('did not return a CID');
		expect(() => parseAddResponse('')).toThrow('empty answer');
	});

	it('asks for CIDv1 with raw leaves', () => {
		const url = new URL(addUrl('http://127.0.0.1:5001/api/v0/add'));
		expect(url.searchParams.get('cid-version')).toBe('1');
		expect(url.searchParams.get('raw-leaves')).toBe('true');
	});
});

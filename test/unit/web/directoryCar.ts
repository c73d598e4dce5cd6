// A UnixFS directory as a CAR of all its blocks, made with the importer options the IPFS node uses
// (CIDv1, raw leaves, wrapped in a directory), for the verified-read tests that need no network.
import { CarWriter } from '@ipld/car/writer';
import { importer } from 'ipfs-unixfs-importer';
import { fixedSize } from 'ipfs-unixfs-importer/chunker';
import type { CID } from 'multiformats/cid';

/**
 * Imports `files` as one directory and returns its root, the first file's CID and the CAR. `chunkSize`
 * makes small chunks, so a file spans several blocks.
 */
export async function directoryCar(files: Record<string, Uint8Array>, chunkSize?: number): Promise<{ root: CID; fileCid: CID; car: Uint8Array }> {
	const blocks: Array<{ cid: CID; bytes: Uint8Array }> = [];
	const store = { put: async (cid: CID, bytes: Uint8Array) => (blocks.push({ cid, bytes }), cid) };
	let root: CID | undefined;
	let fileCid: CID | undefined;
	const entries = Object.entries(files).map(([path, content]) => ({ path, content }));
	const chunker = chunkSize === undefined ? {} : { chunker: fixedSize({ chunkSize }) };
	for await (const r of importer(entries, store, { cidVersion: 1, rawLeaves: true, wrapWithDirectory: true, ...chunker })) {
		if (r.path === '') root = r.cid;
		else fileCid ??= r.cid;
	}
	if (!root || !fileCid) throw new Error('the importer made no directory');
	const { writer, out } = CarWriter.create([root]);
	const chunks: Uint8Array[] = [];
	const collect = (async () => {
		for await (const c of out) chunks.push(c);
	})();
	for (const b of blocks) await writer.put(b);
	await writer.close();
	await collect;
	const car = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
	let offset = 0;
	for (const c of chunks) {
		car.set(c, offset);
		offset += c.length;
	}
	return { root, fileCid, car };
}

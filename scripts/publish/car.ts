// A CAR (content-addressed archive) of a whole staged site, for pinning providers that take CAR
// uploads: the same deterministic import the IPFS node does (scripts/stack/ipfs/add-folder.ts), so
// the CAR's root is the CID the node reports, and anyone can check that from the CAR alone.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CarWriter } from '@ipld/car/writer';
import type { CID } from 'multiformats/cid';
import { addFolder } from '../stack/ipfs/add-folder.ts';

/** Imports `dir` in memory; returns the root CID and every block once, in import order. */
export async function importSite(dir: string): Promise<{ root: CID; blocks: Array<{ cid: CID; bytes: Uint8Array }> }> {
  const blocks = new Map<string, { cid: CID; bytes: Uint8Array }>();
  const store = {
    put: async (cid: CID, bytes: Uint8Array): Promise<CID> => {
      blocks.set(cid.toString(), { cid, bytes });
      return cid;
    },
  };
  const { root } = await addFolder(dir, store);
  return { root, blocks: [...blocks.values()] };
}

/** Writes `<carFile>` (CARv1, one root) for the folder; returns the root CID. */
export async function writeSiteCar(dir: string, carFile: string): Promise<CID> {
  const { root, blocks } = await importSite(dir);
  const { writer, out } = CarWriter.create([root]);
  const done = pipeline(Readable.from(out), createWriteStream(carFile));
  for (const block of blocks) await writer.put(block);
  await writer.close();
  await done;
  return root;
}

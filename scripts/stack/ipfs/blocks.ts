// Blockstores in Helia 7 return a block as a stream of chunks; the gateway and CAR writer need
// whole blocks, with a deadline so a block nobody has cannot hold a request open forever.
import type { CID } from 'multiformats/cid';

export interface ReadableBlocks {
  get(cid: CID, options?: { signal?: AbortSignal }): Generator<Uint8Array> | AsyncGenerator<Uint8Array>;
}

export async function readBlock(blocks: ReadableBlocks, cid: CID, signal?: AbortSignal): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of blocks.get(cid, { signal })) {
    chunks.push(chunk);
    length += chunk.byteLength;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

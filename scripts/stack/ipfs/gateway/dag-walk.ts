// Depth-first, pre-order walk over a DAG of blocks for CAR responses. Links are decoded with the
// codecs this node knows (dag-pb, raw, dag-cbor, dag-json); blocks of other codecs are sent but
// not descended into.
import * as dagCbor from '@ipld/dag-cbor';
import * as dagJson from '@ipld/dag-json';
import * as dagPb from '@ipld/dag-pb';
import { createUnsafe } from 'multiformats/block';
import type { BlockCodec } from 'multiformats/codecs/interface';
import * as raw from 'multiformats/codecs/raw';
import type { CID } from 'multiformats/cid';
import { readBlock, type ReadableBlocks } from '../blocks.ts';

const CODECS = new Map<number, BlockCodec<number, unknown>>([
  [dagPb.code, dagPb],
  [raw.code, raw],
  [dagCbor.code, dagCbor],
  [dagJson.code, dagJson],
]);

export interface CarBlock {
  cid: CID;
  bytes: Uint8Array;
}

export function linksOf(cid: CID, bytes: Uint8Array): CID[] {
  const codec = CODECS.get(cid.code);
  if (codec === undefined || cid.code === raw.code) return [];
  const block = createUnsafe({ bytes, cid, codec });
  return [...block.links()].map(([, link]) => link);
}

/**
 * Yields `start` and, unless `depth` is 'block', everything below it. With 'entity', a UnixFS
 * directory contributes only its own block (not its children), as the trustless spec describes.
 */
export async function* walkDag(
  blocks: ReadableBlocks,
  start: CID,
  scope: 'all' | 'entity' | 'block',
  seen: Set<string>,
  signal: AbortSignal,
): AsyncGenerator<CarBlock> {
  const stack: CID[] = [start];
  while (stack.length > 0) {
    const cid = stack.pop() as CID;
    const key = cid.toString();
    if (seen.has(key)) continue;
    seen.add(key);
    const bytes = await readBlock(blocks, cid, signal);
    yield { cid, bytes };
    if (scope === 'block') continue;
    if (scope === 'entity' && cid.equals(start) && isUnixfsDirectory(cid, bytes)) continue;
    const links = linksOf(cid, bytes);
    // Push in reverse so the first link is visited first (pre-order, link order).
    for (let i = links.length - 1; i >= 0; i--) stack.push(links[i]);
  }
}

function isUnixfsDirectory(cid: CID, bytes: Uint8Array): boolean {
  if (cid.code !== dagPb.code) return false;
  const node = dagPb.decode(bytes);
  // UnixFS Data: field 1 (Type) varint; Directory = 1, HAMTShard = 5.
  const data = node.Data;
  return data !== undefined && data.length >= 2 && data[0] === 0x08 && (data[1] === 1 || data[1] === 5);
}

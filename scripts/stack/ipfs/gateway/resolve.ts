// Resolves `<cid>/<segments>` to the terminal CID, remembering every block read on the way:
// the trustless CAR response must contain them so a client can verify the path itself.
import { walkPath, type PathEntry } from 'ipfs-unixfs-exporter';
import type { CID } from 'multiformats/cid';
import { HttpError } from '../http-util.ts';
import type { ReadableBlocks } from '../blocks.ts';

export interface Resolved {
  cid: CID;
  /** CIDs named along the path, root first (for X-Ipfs-Roots). */
  roots: CID[];
  /** Every block the traversal read, in order (includes HAMT shard blocks). */
  traversed: CID[];
}

/**
 * Resolved paths, keyed by root CID and path: content under a CID never changes, so a path resolved
 * once resolves the same forever. Public gateways keep such a cache; without it every request walked
 * the path from the root again, decoding each directory on the way — ~10 ms for a file in kit's
 * 245-entry chunks folder against ~0.2 ms to send it, the gateway's main cost per request (issue 14).
 */
export class ResolvedPaths {
  readonly #entries = new Map<string, Resolved>();
  constructor(readonly capacity = 8_192) {}

  get(key: string): Resolved | undefined {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      // Least recently used first in the map's order: refresh the hit.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: Resolved): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

export async function resolvePath(blocks: ReadableBlocks, root: CID, segments: string[], signal: AbortSignal, cache?: ResolvedPaths): Promise<Resolved> {
  const key = cache ? [root.toString(), ...segments.map(encodeURIComponent)].join('/') : '';
  const hit = cache?.get(key);
  if (hit) return hit;
  const resolved = await walk(blocks, root, segments, signal);
  cache?.set(key, resolved);
  return resolved;
}

async function walk(blocks: ReadableBlocks, root: CID, segments: string[], signal: AbortSignal): Promise<Resolved> {
  const traversed: CID[] = [];
  const recording: ReadableBlocks = {
    get(cid, options) {
      traversed.push(cid);
      return blocks.get(cid, options);
    },
  };
  // walkPath splits on unescaped '/', so escape any in names (UnixFS names cannot hold one anyway).
  const path = [root.toString(), ...segments.map((s) => s.replaceAll('/', '\\/'))].join('/');
  let last: PathEntry | undefined;
  for await (const entry of walkPath(path, recording, { signal })) last = entry;
  if (last === undefined) throw new HttpError(500, 'path resolution yielded nothing');
  if (last.remainder.length > 0) {
    throw new HttpError(404, `no link named "${last.remainder[0]}" under ${last.path}`);
  }
  return { cid: last.cid, roots: last.roots, traversed: dedupe(traversed) };
}

function dedupe(cids: CID[]): CID[] {
  const seen = new Set<string>();
  return cids.filter((c) => {
    const k = c.toString();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Maps errors from Helia / the exporter to the HTTP status a gateway should answer with. */
export function toHttpError(err: unknown, signal: AbortSignal, timeoutMs: number): HttpError {
  if (err instanceof HttpError) return err;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof Error && reason.name === 'TimeoutError') {
      return new HttpError(504, `timed out after ${timeoutMs} ms waiting for blocks: not in the local store and no connected peer sent them`);
    }
    return new HttpError(499, 'request aborted');
  }
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'NotFoundError') return new HttpError(404, message || 'not found');
  if (name === 'NoResolverError' || name === 'NotUnixFSError') return new HttpError(501, message);
  if (name === 'BadPathError') return new HttpError(400, message);
  return new HttpError(500, message);
}

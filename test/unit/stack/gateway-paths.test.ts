// The gateway's resolved-path cache: a path under a CID is walked once, then answered without
// reading a block; a path that does not exist is not remembered.
import { importer } from 'ipfs-unixfs-importer';
import { CID } from 'multiformats/cid';
import { describe, expect, it } from 'vitest';
import { deterministicImportOptions } from '../../../scripts/stack/ipfs/import-options.ts';
import { ResolvedPaths, resolvePath } from '../../../scripts/stack/ipfs/gateway/resolve.ts';
import type { ReadableBlocks } from '../../../scripts/stack/ipfs/blocks.ts';

async function site(): Promise<{ blocks: ReadableBlocks; reads: () => number; root: CID }> {
  const stored = new Map<string, Uint8Array>();
  const store = {
    put: async (cid: CID, bytes: Uint8Array) => (stored.set(cid.toString(), bytes), cid),
    *get(cid: CID) {
      const bytes = stored.get(cid.toString());
      if (!bytes) throw Object.assign(new Error(`no block ${cid}`), { name: 'NotFoundError' });
      yield bytes;
    },
  };
  const files = ['index.html', '_app/immutable/chunks/a.js', '_app/immutable/chunks/b.js'].map((path) => ({ path, content: new TextEncoder().encode(`// ${path}`) }));
  let root: CID | undefined;
  for await (const entry of importer(files, store, deterministicImportOptions(true))) root = entry.cid;
  if (!root) throw new Error('nothing imported');
  let count = 0;
  const blocks: ReadableBlocks = {
    get(cid) {
      count++;
      return store.get(cid);
    },
  };
  return { blocks, reads: () => count, root };
}

describe('gateway resolved paths', () => {
  it('walks a path once and answers it again without reading a block', async () => {
    const { blocks, reads, root } = await site();
    const cache = new ResolvedPaths();
    const signal = new AbortController().signal;
    const first = await resolvePath(blocks, root, ['_app', 'immutable', 'chunks', 'a.js'], signal, cache);
    const walked = reads();
    expect(walked).toBeGreaterThan(0);
    const again = await resolvePath(blocks, root, ['_app', 'immutable', 'chunks', 'a.js'], signal, cache);
    expect(reads()).toBe(walked);
    expect(again.cid.equals(first.cid)).toBe(true);
    expect(again.roots.map(String)).toEqual(first.roots.map(String));
    // Another file in the same folder is its own path.
    const other = await resolvePath(blocks, root, ['_app', 'immutable', 'chunks', 'b.js'], signal, cache);
    expect(other.cid.equals(first.cid)).toBe(false);
    expect(reads()).toBeGreaterThan(walked);
  });

  it('does not remember a path that does not exist', async () => {
    const { blocks, root } = await site();
    const cache = new ResolvedPaths();
    const signal = new AbortController().signal;
    await expect(resolvePath(blocks, root, ['_app', 'missing.js'], signal, cache)).rejects.toThrow();
    expect(cache.size).toBe(0);
  });

  it('keeps at most its capacity, dropping the least recently used', async () => {
    const { blocks, root } = await site();
    const cache = new ResolvedPaths(2);
    const signal = new AbortController().signal;
    const a = ['_app', 'immutable', 'chunks', 'a.js'];
    await resolvePath(blocks, root, a, signal, cache);
    await resolvePath(blocks, root, ['index.html'], signal, cache);
    await resolvePath(blocks, root, a, signal, cache); // a is now the most recent
    await resolvePath(blocks, root, ['_app', 'immutable', 'chunks', 'b.js'], signal, cache);
    expect(cache.size).toBe(2);
    expect(cache.get([root.toString(), ...a].join('/'))).toBeDefined();
    expect(cache.get([root.toString(), 'index.html'].join('/'))).toBeUndefined();
  });
});

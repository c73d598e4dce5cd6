// One set of UnixFS importer options for every add (folder import and /api/v0/add), so the same
// bytes always give the same CID: CIDv1, raw leaves, fixed 1 MiB chunks, balanced layout with
// 1024 links per node — the "unixfs-v1-2025" profile (IPIP-499), which Kubo also implements.
import { fixedSize } from 'ipfs-unixfs-importer/chunker';
import type { ImporterOptions } from 'ipfs-unixfs-importer';

export const CHUNK_SIZE = 1024 * 1024;

export function deterministicImportOptions(wrapWithDirectory: boolean): ImporterOptions {
  return {
    profile: 'unixfs-v1-2025',
    cidVersion: 1,
    rawLeaves: true,
    chunker: fixedSize({ chunkSize: CHUNK_SIZE }),
    wrapWithDirectory,
  };
}

// Imports a local folder (e.g. the built site) as one UnixFS directory and returns its root CID.
// Deterministic: entries are visited in sorted order, no mtime/mode is recorded and the importer
// options are fixed, so the same folder always yields the same CID.
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { importer, type ImportCandidate, type WritableStorage } from 'ipfs-unixfs-importer';
import type { CID } from 'multiformats/cid';
import { deterministicImportOptions } from './import-options.ts';

export interface AddedEntry {
  /** Path inside the folder, '/'-separated; '' for the folder itself. */
  path: string;
  cid: CID;
  size: bigint;
}

export interface AddFolderResult {
  root: CID;
  entries: AddedEntry[];
}

/** Computes CIDs without storing anything (useful to predict a folder's CID). */
const discardingStore: WritableStorage = { put: async (cid) => cid };

export async function addFolder(dir: string, blockstore: WritableStorage = discardingStore): Promise<AddFolderResult> {
  const entries: AddedEntry[] = [];
  let root: CID | undefined;
  for await (const result of importer(folderCandidates(dir), blockstore, deterministicImportOptions(true))) {
    const path = result.path ?? '';
    entries.push({ path, cid: result.cid, size: result.size });
    if (path === '') root = result.cid;
  }
  if (root === undefined) throw new Error(`addFolder: importing ${dir} produced no root directory`);
  return { root, entries };
}

async function* folderCandidates(dir: string): AsyncGenerator<ImportCandidate> {
  for (const file of await listSorted(dir)) {
    const path = relative(dir, file.fullPath).split(sep).join('/');
    // Folders are implied by file paths; empty folders are left out, as in addFolderViaApi.
    if (!file.isDirectory) yield { path, content: createReadStream(file.fullPath) };
  }
}

interface Listed {
  fullPath: string;
  isDirectory: boolean;
}

async function listSorted(dir: string): Promise<Listed[]> {
  const out: Listed[] = [];
  const dirents = await readdir(dir, { withFileTypes: true });
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of dirents) {
    const fullPath = join(dir, d.name);
    if (d.isDirectory()) {
      out.push({ fullPath, isDirectory: true });
      out.push(...(await listSorted(fullPath)));
    } else if (d.isFile()) {
      out.push({ fullPath, isDirectory: false });
    }
    // Symlinks and special files are skipped: a published site should not depend on them.
  }
  return out;
}

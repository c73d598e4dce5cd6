// Client for the running IPFS service's Kubo-style RPC: uploads a local folder (e.g. the built
// site) through `POST /api/v0/add?wrap-with-directory=true` and returns the root CID. Works with
// Kubo too, given the same options.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface AddedFile {
  Name: string;
  Hash: string;
  Size: string;
}

export interface UploadFile {
  /** Path inside the uploaded folder, '/'-separated. */
  path: string;
  content: Uint8Array | string;
}

/** Adds files under one wrapping directory; returns every NDJSON line, wrapper last. */
export async function addFiles(apiUrl: string, files: UploadFile[], options: { wrap?: boolean } = {}): Promise<AddedFile[]> {
  const form = new FormData();
  for (const f of files) {
    // Kubo reads the path from the filename; encode it so '/' survives every multipart parser.
    const bytes = typeof f.content === 'string' ? f.content : new Uint8Array(f.content);
    form.append('file', new Blob([bytes]), encodeURIComponent(f.path));
  }
  const wrap = options.wrap ?? true;
  const url = `${apiUrl.replace(/\/$/, '')}/api/v0/add?wrap-with-directory=${wrap}&cid-version=1&pin=true`;
  const res = await fetch(url, { method: 'POST', body: form });
  const text = await res.text();
  if (!res.ok) throw new Error(`IPFS add failed: ${res.status} ${text.trim()}`);
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as AddedFile);
}

/**
 * Adds one UTF-8 text as a bare file (no wrapping directory) and returns its CID: what the web app's
 * uploadText does for a proposal or demand body (web/lib/ipfs/upload.ts).
 */
export async function addText(apiUrl: string, name: string, text: string): Promise<string> {
  const [line] = await addFiles(apiUrl, [{ path: name, content: text }], { wrap: false });
  if (!line) throw new Error(`IPFS add returned nothing for ${name}`);
  return line.Hash;
}

/** Uploads a whole folder and returns the CID of its root directory. */
export async function addFolderViaApi(apiUrl: string, dir: string): Promise<string> {
  const files: UploadFile[] = [];
  for (const full of await listFiles(dir)) {
    files.push({ path: relative(dir, full).split(sep).join('/'), content: await readFile(full) });
  }
  if (files.length === 0) throw new Error(`addFolderViaApi: ${dir} has no files`);
  const lines = await addFiles(apiUrl, files);
  const root = lines.find((l) => l.Name === '');
  if (root === undefined) throw new Error('IPFS add returned no wrapping directory line');
  return root.Hash;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, d.name);
    if (d.isDirectory()) out.push(...(await listFiles(full)));
    else if (d.isFile()) out.push(full);
  }
  return out;
}

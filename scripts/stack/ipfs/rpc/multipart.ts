// Reads a Kubo-style multipart upload into import candidates. Kubo clients put the file's path in
// the part's filename (URL-encoded, e.g. `site%2Findex.html`) and mark folders with the content
// type `application/x-directory`. The body is parsed by Node's built-in fetch (undici) FormData,
// which buffers it: fine for a local dev node, and no extra dependency.
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { ImportCandidate } from 'ipfs-unixfs-importer';
import { HttpError } from '../http-util.ts';

export async function readUploadCandidates(req: IncomingMessage): Promise<ImportCandidate[]> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) {
    throw new HttpError(400, `expected multipart/form-data, got "${type || 'no content type'}"`);
  }
  const body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
  const request = new Request('http://rpc.invalid/', { method: 'POST', headers: { 'content-type': type }, body, duplex: 'half' } as RequestInit);
  let form: FormData;
  try {
    form = await request.formData();
  } catch (err) {
    throw new HttpError(400, `malformed multipart body: ${err instanceof Error ? err.message : String(err)}`);
  }
  const candidates: ImportCandidate[] = [];
  for (const [, value] of form) {
    if (typeof value === 'string') continue;
    const path = cleanPath(value.name);
    if (value.type === 'application/x-directory') candidates.push({ path });
    else candidates.push({ path, content: new Uint8Array(await value.arrayBuffer()) });
  }
  if (candidates.length === 0) throw new HttpError(400, 'no files in the upload (send parts with a filename)');
  return candidates;
}

function cleanPath(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // Not URL-encoded (e.g. curl -F): keep as sent.
  }
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new HttpError(400, `path "${decoded}" must not contain ".."`);
  return parts.join('/') || 'file';
}

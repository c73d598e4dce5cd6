// `POST /api/v0/add`, shaped like Kubo's: one NDJSON line `{"Name","Hash","Size"}` per entry,
// files first, then folders, the wrapping directory (Name "") last when wrap-with-directory=true.
// CIDs are always v1 with raw leaves (the deterministic profile); `pin` is accepted and ignored
// because this node never garbage-collects.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { importer, type WritableStorage } from 'ipfs-unixfs-importer';
import { HttpError } from '../http-util.ts';
import { deterministicImportOptions } from '../import-options.ts';
import { readUploadCandidates } from './multipart.ts';

export interface AddLine {
  Name: string;
  Hash: string;
  /** Kubo sends the size as a decimal string. */
  Size: string;
}

export async function handleAdd(req: IncomingMessage, res: ServerResponse, blockstore: WritableStorage): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://rpc.invalid');
  const wrap = flag(url.searchParams.get('wrap-with-directory'));
  const cidVersion = url.searchParams.get('cid-version');
  if (cidVersion !== null && cidVersion !== '1') {
    throw new HttpError(400, `cid-version=${cidVersion} is not supported: this node always adds CIDv1`);
  }
  const candidates = await readUploadCandidates(req);
  const lines: AddLine[] = [];
  for await (const result of importer(candidates, blockstore, deterministicImportOptions(wrap))) {
    lines.push({ Name: result.path ?? result.cid.toString(), Hash: result.cid.toString(), Size: result.size.toString() });
  }
  const body = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'X-Chunked-Output': '1',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function flag(value: string | null): boolean {
  return value === '' || value === 'true' || value === '1';
}

// The deserialized (browser-facing) response: files with a content type from their name,
// directories as their index.html (or a plain listing), with a trailing-slash redirect so
// relative links inside a site resolve against the directory.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { exporter, type UnixFSEntry } from 'ipfs-unixfs-exporter';
import type { CID } from 'multiformats/cid';
import { HttpError } from '../http-util.ts';
import type { ReadableBlocks } from '../blocks.ts';
import { contentTypeFor, DEFAULT_CONTENT_TYPE } from '../content-type.ts';
import { sendStream } from './stream.ts';
import type { GatewayRequest } from './parse-request.ts';

export interface UnixfsContext {
  blocks: ReadableBlocks;
  signal: AbortSignal;
  /** Headers common to every successful response (X-Ipfs-Path, roots, subdomain offer…). */
  baseHeaders: OutgoingHttpHeaders;
}

export async function serveUnixfs(res: ServerResponse, req: GatewayRequest, terminal: CID, ctx: UnixfsContext): Promise<void> {
  const entry = await exporter(terminal, ctx.blocks, { signal: ctx.signal });
  const name = req.segments.at(-1) ?? '';
  if (entry.type === 'directory') {
    if (!req.rawPath.endsWith('/')) {
      const location = (req.subdomain ? req.rawPath : `/ipfs/${req.cid}${req.rawPath}`) + '/' + req.search;
      res.writeHead(301, { ...ctx.baseHeaders, Location: location }).end();
      return;
    }
    const index = await findIndex(terminal, ctx);
    if (index !== null) {
      await sendEntry(res, index, 'index.html', ctx);
      return;
    }
    await sendListing(res, entry, req, ctx);
    return;
  }
  await sendEntry(res, entry, name, ctx);
}

async function findIndex(dir: CID, ctx: UnixfsContext): Promise<UnixFSEntry | null> {
  try {
    const entry = await exporter(`${dir}/index.html`, ctx.blocks, { signal: ctx.signal });
    return entry.type === 'file' || entry.type === 'raw' ? entry : null;
  } catch (err) {
    if (err instanceof Error && err.name === 'NotFoundError') return null;
    throw err;
  }
}

async function sendEntry(res: ServerResponse, entry: UnixFSEntry, name: string, ctx: UnixfsContext): Promise<void> {
  if (entry.type === 'object') {
    // dag-cbor / dag-json nodes: serve their JSON form, the useful thing a browser can show.
    const body = Buffer.from(JSON.stringify(entry.object, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
    res.writeHead(200, { ...ctx.baseHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.byteLength });
    res.end(res.req.method === 'HEAD' ? undefined : body);
    return;
  }
  if (entry.type === 'directory') throw new HttpError(500, 'unexpected directory');
  const type = name === '' ? DEFAULT_CONTENT_TYPE : contentTypeFor(name);
  await sendStreamFrom(res, entry, type, ctx);
}

async function sendStreamFrom(res: ServerResponse, entry: Exclude<UnixFSEntry, { type: 'object' | 'directory' }>, type: string, ctx: UnixfsContext): Promise<void> {
  await sendStream(
    res,
    200,
    { ...ctx.baseHeaders, 'Content-Type': type, 'Content-Length': entry.size.toString(), 'X-Content-Type-Options': 'nosniff' },
    entry.content({ signal: ctx.signal }),
  );
}

async function sendListing(res: ServerResponse, dir: Extract<UnixFSEntry, { type: 'directory' }>, req: GatewayRequest, ctx: UnixfsContext): Promise<void> {
  const rows: string[] = [];
  for await (const child of dir.entries({ signal: ctx.signal })) {
    const href = encodeURIComponent(child.name);
    rows.push(`<li><a href="./${href}">${escapeHtml(child.name)}</a> <small>${child.cid}</small></li>`);
  }
  const title = escapeHtml(`/ipfs/${req.cid}${req.rawPath}`);
  const body = Buffer.from(`<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><ul>${rows.join('')}</ul>\n`);
  res.writeHead(200, { ...ctx.baseHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.byteLength });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

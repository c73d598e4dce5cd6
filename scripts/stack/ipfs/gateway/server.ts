// The HTTP gateway over a Helia node: path (`/ipfs/<cid>/…`) and subdomain
// (`<cid>.ipfs.localhost`) requests, deserialized UnixFS or trustless raw/CAR responses.
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { handlePreflight, HttpError, requestSignal, sendError, setCors } from '../http-util.ts';
import type { ReadableBlocks } from '../blocks.ts';
import { ensNameOf, type NameResolver } from './ens-host.ts';
import { parseGatewayRequest, subdomainUrl, type GatewayRequest } from './parse-request.ts';
import { ResolvedPaths, resolvePath, toHttpError, type Resolved } from './resolve.ts';
import { serveCar, serveRaw } from './serve-trustless.ts';
import { serveUnixfs } from './serve-unixfs.ts';

export interface GatewayOptions {
  blocks: ReadableBlocks;
  port: number;
  /** How long one request may wait for blocks that are not stored locally. */
  timeoutMs: number;
  /** Resolves `<name>.eth.localhost` hosts to a CID (ENS contenthash); without it such hosts get 404. */
  resolveName?: NameResolver;
}

export function createGatewayServer(opts: GatewayOptions): Server {
  // NU_GATEWAY_PATH_CACHE=0 walks every path again, as this gateway did before (to measure a cold gateway).
  const paths = process.env.NU_GATEWAY_PATH_CACHE === '0' ? undefined : new ResolvedPaths();
  return createServer((req, res) => {
    handle(req, res, opts, paths).catch((err: unknown) => {
      sendError(res, 500, err instanceof Error ? err.message : String(err));
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: GatewayOptions, paths: ResolvedPaths | undefined): Promise<void> {
  if (handlePreflight(req, res, 'GET, HEAD, OPTIONS')) return;
  setCors(res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD, OPTIONS');
    sendError(res, 405, `method ${req.method} not allowed on the gateway`);
    return;
  }
  let parsed: GatewayRequest | null;
  try {
    parsed = parseGatewayRequest(req, await hostCid(req, opts));
  } catch (err) {
    const e = err instanceof HttpError ? err : new HttpError(400, String(err));
    sendError(res, e.status, e.message);
    return;
  }
  if (parsed === null) {
    sendError(res, 404, 'not found: this gateway serves /ipfs/<cid>/<path> and <cid>.ipfs.localhost');
    return;
  }
  const signal = requestSignal(res, opts.timeoutMs);
  try {
    const resolved = await resolvePath(opts.blocks, parsed.cid, parsed.segments, signal, paths);
    const etag = `"${resolved.cid}"`;
    if (parsed.format === 'unixfs' && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { Etag: etag }).end();
      return;
    }
    const baseHeaders = commonHeaders(parsed, resolved, opts.port);
    const ctx = { blocks: opts.blocks, signal, baseHeaders };
    if (parsed.format === 'raw') await serveRaw(res, resolved, ctx);
    else if (parsed.format === 'car') await serveCar(res, parsed, resolved, ctx);
    else await serveUnixfs(res, parsed, resolved.cid, { ...ctx, baseHeaders: { ...baseHeaders, Etag: etag } });
  } catch (err) {
    const e = toHttpError(err, signal, opts.timeoutMs);
    if (e.status === 499) {
      res.destroy();
      return;
    }
    sendError(res, e.status, `${e.message} (/ipfs/${parsed.cid}/${parsed.segments.join('/')})`);
  }
}

/** The CID behind an ENS host name, or undefined for other hosts. */
async function hostCid(req: IncomingMessage, opts: GatewayOptions): Promise<string | undefined> {
  const name = ensNameOf(req.headers.host);
  if (name === null) return undefined;
  let cid: string | null = null;
  try {
    cid = opts.resolveName ? await opts.resolveName(name) : null;
  } catch (err) {
    throw new HttpError(502, `could not resolve ${name} on the chain: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (cid === null) throw new HttpError(404, `${name} has no IPFS contenthash on this gateway's ENS`);
  return cid;
}

function commonHeaders(req: GatewayRequest, resolved: Resolved, port: number): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    'Cache-Control': 'public, max-age=29030400, immutable',
    'X-Ipfs-Path': `/ipfs/${req.cid}${req.rawPath}`,
    'X-Ipfs-Roots': resolved.roots.map(String).join(','),
  };
  if (!req.subdomain) {
    // Offer the origin-isolated URL without redirecting: `/ipfs/<cid>/#/route` must keep working.
    const url = subdomainUrl(req.cid, req.rawPath, port, req.search);
    headers['X-Subdomain-Url'] = url;
    headers.Link = `<${url}>; rel="alternate"`;
  }
  return headers;
}

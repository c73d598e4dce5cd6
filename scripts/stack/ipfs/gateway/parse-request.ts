// Turns a gateway request into (root CID, path segments, wanted response format), for both
// path-style `/ipfs/<cid>/<path>` and subdomain-style `Host: <cidv1b32>.ipfs.localhost`.
import type { IncomingMessage } from 'node:http';
import { CID } from 'multiformats/cid';
import { base32 } from 'multiformats/bases/base32';
import { HttpError } from '../http-util.ts';

export type ResponseFormat = 'unixfs' | 'raw' | 'car';
export type DagScope = 'all' | 'entity' | 'block';

export interface GatewayRequest {
  cid: CID;
  /** Decoded path segments below the root CID. */
  segments: string[];
  /** The request path as the client wrote it below the CID (for redirects), starting with '/' or ''. */
  rawPath: string;
  format: ResponseFormat;
  dagScope: DagScope;
  /** True when the CID came from the Host header. */
  subdomain: boolean;
  search: string;
}

const SUBDOMAIN = /^([a-z0-9]+)\.ipfs\.localhost(?::\d+)?$/i;

/** `hostCid`: the CID an ENS host name resolved to; the request is then served like a subdomain. */
export function parseGatewayRequest(req: IncomingMessage, hostCid?: string): GatewayRequest | null {
  const url = new URL(req.url ?? '/', 'http://gateway.invalid');
  const host = req.headers.host ?? '';
  const sub = hostCid === undefined ? SUBDOMAIN.exec(host) : [host, hostCid];
  let cidText: string;
  let rawPath: string;
  if (sub) {
    cidText = sub[1];
    rawPath = url.pathname;
  } else {
    const m = /^\/ipfs\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!m) return null;
    cidText = m[1];
    rawPath = m[2] ?? '';
  }
  const cid = parseCid(cidText);
  const segments = rawPath.split('/').filter((s) => s.length > 0).map(decodeSegment);
  return {
    cid,
    segments,
    rawPath,
    format: wantedFormat(url.searchParams.get('format'), req.headers.accept),
    dagScope: parseDagScope(url.searchParams.get('dag-scope')),
    subdomain: sub !== null,
    search: url.search,
  };
}

function parseCid(text: string): CID {
  try {
    return CID.parse(text);
  } catch {
    try {
      // Subdomains are case-insensitive; browsers lowercase them, which base32 tolerates.
      return CID.parse(text.toLowerCase());
    } catch {
      throw new HttpError(400, `invalid CID "${text}"`);
    }
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `invalid percent-encoding in path segment "${segment}"`);
  }
}

/** `?format=` wins over `Accept`, as the trustless gateway spec says. */
function wantedFormat(format: string | null, accept: string | undefined): ResponseFormat {
  if (format === 'raw' || format === 'car') return format;
  if (format !== null && format !== '') throw new HttpError(400, `unsupported format "${format}" (use raw or car)`);
  const a = accept ?? '';
  if (a.includes('application/vnd.ipld.raw')) return 'raw';
  if (a.includes('application/vnd.ipld.car')) return 'car';
  return 'unixfs';
}

function parseDagScope(scope: string | null): DagScope {
  if (scope === null || scope === 'all') return 'all';
  if (scope === 'entity' || scope === 'block') return scope;
  throw new HttpError(400, `unsupported dag-scope "${scope}"`);
}

/** CIDv1 in base32, the form that fits a DNS label (CIDv0 is upgraded to v1 dag-pb). */
export function subdomainCid(cid: CID): string {
  return cid.toV1().toString(base32);
}

export function subdomainUrl(cid: CID, rawPath: string, gatewayPort: number, search = ''): string {
  const path = rawPath === '' ? '/' : rawPath;
  return `http://${subdomainCid(cid)}.ipfs.localhost:${gatewayPort}${path}${search}`;
}

// Small helpers shared by the gateway and the RPC server: CORS, errors, client-abort signals.
import type { IncomingMessage, ServerResponse } from 'node:http';

const EXPOSED_HEADERS = [
  'Content-Length',
  'Content-Type',
  'Etag',
  'X-Ipfs-Path',
  'X-Ipfs-Roots',
  'X-Subdomain-Url',
  'Link',
  'X-Stream-Output',
  'X-Chunked-Output',
].join(', ');

/** Every response is readable from any origin: the dApp runs from other local ports and gateways. */
export function setCors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

/** Answers a CORS preflight; returns true if the request was one. */
export function handlePreflight(req: IncomingMessage, res: ServerResponse, methods: string): boolean {
  if (req.method !== 'OPTIONS') return false;
  setCors(res);
  res.setHeader('Access-Control-Allow-Methods', methods);
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
  res.setHeader('Access-Control-Max-Age', '86400');
  // Chrome's Private Network Access preflight (a public page calling 127.0.0.1).
  if (req.headers['access-control-request-private-network'] === 'true') {
    res.setHeader('Access-Control-Allow-Private-Network', 'true');
  }
  res.writeHead(204).end();
  return true;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Sends a plain-text error unless headers already went out (then the stream is cut). */
export function sendError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy(new Error(message));
    return;
  }
  const body = `${status} ${message}\n`;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Aborts when the deadline passes or the client goes away, whichever comes first. */
export function requestSignal(res: ServerResponse, timeoutMs: number): AbortSignal {
  const closed = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) closed.abort(new Error('client closed the connection'));
  });
  return AbortSignal.any([AbortSignal.timeout(timeoutMs), closed.signal]);
}

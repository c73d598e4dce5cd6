// A Kubo-compatible subset of the RPC API (https://docs.ipfs.tech/reference/kubo/rpc/): enough
// for the web app's uploads and for tools that probe the node. Like Kubo, every command is POST.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { WritableStorage } from 'ipfs-unixfs-importer';
import { handlePreflight, HttpError, sendError, setCors } from '../http-util.ts';
import { handleAdd } from './add.ts';

export interface RpcOptions {
  blockstore: WritableStorage;
  peerId: string;
  addresses: string[];
  agentVersion: string;
}

export function createRpcServer(opts: RpcOptions): Server {
  return createServer((req, res) => {
    handle(req, res, opts).catch((err: unknown) => {
      const e = err instanceof HttpError ? err : new HttpError(500, err instanceof Error ? err.message : String(err));
      // Kubo's error body shape, so its clients show the message.
      sendJsonError(res, e.status, e.message);
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: RpcOptions): Promise<void> {
  if (handlePreflight(req, res, 'POST, OPTIONS')) return;
  setCors(res);
  const path = new URL(req.url ?? '/', 'http://rpc.invalid').pathname;
  if (req.method !== 'POST') {
    throw new HttpError(405, `${req.method} not allowed: the RPC API takes POST`);
  }
  switch (path) {
    case '/api/v0/add':
      await handleAdd(req, res, opts.blockstore);
      return;
    case '/api/v0/id':
      sendJson(res, {
        ID: opts.peerId,
        PublicKey: '',
        Addresses: opts.addresses,
        AgentVersion: opts.agentVersion,
        Protocols: ['/ipfs/bitswap/1.2.0', '/ipfs/id/1.0.0'],
      });
      return;
    case '/api/v0/version':
      sendJson(res, { Version: '0.0.0-network-union', Commit: '', Repo: '', System: `${process.arch}/${process.platform}`, Golang: '' });
      return;
    default:
      throw new HttpError(404, `${path} is not implemented by this node (supported: add, id, version)`);
  }
}

function sendJson(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value) + '\n';
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJsonError(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy(new Error(message));
    return;
  }
  const body = JSON.stringify({ Message: message, Code: 0, Type: 'error' }) + '\n';
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

// Trustless gateway responses (https://specs.ipfs.tech/http-gateways/trustless-gateway/):
// `application/vnd.ipld.raw` is the single block at the end of the path; `application/vnd.ipld.car`
// is a CARv1 with the path's blocks followed by the DAG below it, depth-first, no duplicates.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { CarWriter } from '@ipld/car/writer';
import type { CID } from 'multiformats/cid';
import { readBlock, type ReadableBlocks } from '../blocks.ts';
import { walkDag } from './dag-walk.ts';
import type { GatewayRequest } from './parse-request.ts';
import type { Resolved } from './resolve.ts';
import { sendStream } from './stream.ts';

export interface TrustlessContext {
  blocks: ReadableBlocks;
  signal: AbortSignal;
  baseHeaders: OutgoingHttpHeaders;
}

export async function serveRaw(res: ServerResponse, resolved: Resolved, ctx: TrustlessContext): Promise<void> {
  const bytes = await readBlock(ctx.blocks, resolved.cid, ctx.signal);
  res.writeHead(200, {
    ...ctx.baseHeaders,
    'Content-Type': 'application/vnd.ipld.raw',
    'Content-Length': bytes.byteLength,
    'Content-Disposition': `attachment; filename="${resolved.cid}.bin"`,
    'X-Content-Type-Options': 'nosniff',
    Etag: `"${resolved.cid}.raw"`,
    Vary: 'Accept',
  });
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}

export async function serveCar(res: ServerResponse, req: GatewayRequest, resolved: Resolved, ctx: TrustlessContext): Promise<void> {
  const root = req.cid;
  // Fetch the terminal block before the status line: a missing root must be a 504, not a
  // 200 with an empty CAR. (The path blocks were already read while resolving.)
  await readBlock(ctx.blocks, resolved.cid, ctx.signal);
  await sendStream(
    res,
    200,
    {
      ...ctx.baseHeaders,
      'Content-Type': 'application/vnd.ipld.car; version=1; order=dfs; dups=n',
      'Content-Disposition': `attachment; filename="${resolved.cid}.car"`,
      'X-Content-Type-Options': 'nosniff',
      Etag: `"${resolved.cid}.car.${req.dagScope}"`,
      Vary: 'Accept',
    },
    carBytes(root, resolved, req.dagScope, ctx),
  );
}

/** The CAR's only root is the requested root CID; the path blocks come first so it verifies. */
async function* carBytes(root: CID, resolved: Resolved, scope: GatewayRequest['dagScope'], ctx: TrustlessContext): AsyncGenerator<Uint8Array> {
  const { writer, out } = CarWriter.create([root]);
  const seen = new Set<string>();
  const fill = (async () => {
    try {
      for (const cid of resolved.traversed) {
        if (cid.equals(resolved.cid)) continue;
        seen.add(cid.toString());
        await writer.put({ cid, bytes: await readBlock(ctx.blocks, cid, ctx.signal) });
      }
      for await (const block of walkDag(ctx.blocks, resolved.cid, scope, seen, ctx.signal)) await writer.put(block);
    } finally {
      await writer.close();
    }
  })();
  // Surface an error from the producer after the consumer drained what was written.
  let failure: unknown;
  fill.catch((err: unknown) => {
    failure = err;
  });
  for await (const chunk of out) yield chunk;
  await fill.catch(() => undefined);
  if (failure !== undefined) throw failure;
}

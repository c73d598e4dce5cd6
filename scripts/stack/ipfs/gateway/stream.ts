// Writes an async byte source to a response, honouring backpressure. The first chunk is read
// before the status line goes out, so a missing first block still becomes a clean 504 or 404.
import type { ServerResponse } from 'node:http';
import type { OutgoingHttpHeaders } from 'node:http';

export async function sendStream(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  source: AsyncIterable<Uint8Array>,
): Promise<void> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  res.writeHead(status, headers);
  if (res.req.method === 'HEAD') {
    await it.return?.();
    res.end();
    return;
  }
  if (!first.done) await write(res, first.value);
  for (let next = await it.next(); !next.done; next = await it.next()) {
    await write(res, next.value);
  }
  res.end();
}

async function write(res: ServerResponse, chunk: Uint8Array): Promise<void> {
  if (res.destroyed) throw new Error('response closed while streaming');
  if (!res.write(chunk)) {
    await new Promise<void>((resolve, reject) => {
      const onDrain = (): void => {
        res.off('close', onClose);
        resolve();
      };
      const onClose = (): void => {
        res.off('drain', onDrain);
        reject(new Error('response closed while streaming'));
      };
      res.once('drain', onDrain);
      res.once('close', onClose);
    });
  }
}

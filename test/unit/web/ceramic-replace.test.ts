// A Ceramic write refused because the stream moved on under it (an anchor between the read and the
// write) is synced and rebuilt from the document's new content; any other refusal is not retried.
import { describe, expect, it } from 'vitest';
import { isStaleWrite, replaceSynced, type Replaceable } from '../../../web/lib/ceramic/replace';

const STALE =
  "HTTP request to 'http://127.0.0.1:7007/api/v0/commits' failed with status 'Internal Server Error': {\"error\":\"Commit to stream k2t6 rejected because it builds on stale state. Calling 'sync()' on the stream handle will synchronize the stream state in the client with that on the Ceramic node.\"}";

/** A document whose node refuses the first `staleWrites` writes as stale; sync() shows what the node holds. */
function doc(initial: { n: number }, staleWrites: number, other?: Error) {
  let node = initial;
  let seen = initial;
  const written: Array<{ n: number }> = [];
  let syncs = 0;
  const d: Replaceable<{ n: number }> & { written: typeof written; syncs: () => number; moveOn(to: { n: number }): void } = {
    get content() {
      return seen;
    },
    async replace(content) {
      if (other) throw other;
      if (staleWrites-- > 0) throw new Error(STALE);
      node = content;
      seen = content;
      written.push(content);
    },
    async sync() {
      syncs++;
      seen = node;
    },
    written,
    syncs: () => syncs,
    moveOn(to) {
      node = to;
    },
  };
  return d;
}

describe('replaceSynced', () => {
  it('writes once when the node accepts', async () => {
    const d = doc({ n: 1 }, 0);
    await replaceSynced(d, (c) => ({ n: c.n + 1 }));
    expect(d.written).toEqual([{ n: 2 }]);
    expect(d.syncs()).toBe(0);
  });

  it('after a stale-state refusal, syncs and rebuilds the content from what the node holds now', async () => {
    const d = doc({ n: 1 }, 1);
    d.moveOn({ n: 10 }); // the node moved on (another write, or an anchor) after the read
    await replaceSynced(d, (c) => ({ n: c.n + 1 }));
    expect(d.syncs()).toBe(1);
    expect(d.written).toEqual([{ n: 11 }]);
  });

  it('gives up after its attempts with the node’s own words', async () => {
    const d = doc({ n: 1 }, 5);
    await expect(replaceSynced(d, (c) => c, 3)).rejects.toThrow(/builds on stale state/);
    expect(d.syncs()).toBe(2);
    expect(d.written).toEqual([]);
  });

  it('does not retry other refusals (a validation error stays one)', async () => {
    const d = doc({ n: 1 }, 0, new Error('Validation Error: data/name must NOT have fewer than 1 characters'));
    await expect(replaceSynced(d, (c) => c)).rejects.toThrow(/Validation Error/);
    expect(d.syncs()).toBe(0);
    expect(isStaleWrite(new Error('Validation Error'))).toBe(false);
    expect(isStaleWrite(new Error(STALE))).toBe(true);
  });
});

// The cause-chain walk every error classifier shares (chain/, sponsor/, sync/): it follows `cause`
// through viem's and wallets' wrappers, stops at its bound when a chain loops, and hands back the words
// of a chain that ends in a thrown string.
import { describe, expect, it } from 'vitest';
import { HttpRequestError, InternalRpcError } from 'viem';
import { causeChain, primitiveCause } from '$lib/rpc/causeChain';
import { providerRefusal } from '$lib/sync/errors';

describe('causeChain', () => {
  it('lists the error and each nested cause, outermost first', () => {
    const inner = { code: 4200 };
    const middle = new Error('middle', { cause: inner });
    const outer = new Error('outer', { cause: middle });
    expect(causeChain(outer)).toEqual([outer, middle, inner]);
  });

  it('follows viem’s wrappers down to the node’s answer', () => {
    const http = new HttpRequestError({ url: 'http://rpc.invalid', status: 429, details: 'Too Many Requests' });
    const wrapped = new InternalRpcError(http);
    const chain = causeChain(wrapped);
    expect(chain[0]).toBe(wrapped);
    expect(chain).toContain(http);
  });

  it('stops at its bound on a chain that loops', () => {
    const a: { cause?: unknown } = {};
    const b = { cause: a };
    a.cause = b;
    expect(causeChain(a)).toHaveLength(8);
    expect(causeChain(a, 3)).toEqual([a, b, a]);
  });

  it('is empty for what is not an object', () => {
    expect(causeChain(undefined)).toEqual([]);
    expect(causeChain('boom')).toEqual([]);
  });
});

describe('primitiveCause', () => {
  it('gives the words a chain ends in, or a thrown string itself', () => {
    expect(primitiveCause(new Error('outer', { cause: 'socket hang up' }))).toBe('socket hang up');
    expect(primitiveCause('fetch failed')).toBe('fetch failed');
    expect(primitiveCause(new Error('no cause'))).toBeUndefined();
  });

  it('lets a refusal be told from a string cause, as from a message', () => {
    expect(providerRefusal(new Error('request failed', { cause: 'ECONNREFUSED 127.0.0.1:8545' }))).toBe('unreachable');
    expect(providerRefusal(new Error('request failed', { cause: 'something else' }))).toBeUndefined();
  });
});

// The one errors-only ABI the app decodes reverts with: every custom error of every contract the app
// calls, each signature once, and nothing else.
import { describe, expect, it } from 'vitest';
import { contractNames, errorsOf, exportName } from '../../../scripts/abi/generate.ts';
import * as generated from '../../../web/lib/chain/abi/generated.ts';

type Entry = { type: string; name?: string; inputs?: readonly { type: string }[] };
const signature = (e: Entry): string => `${e.name}(${(e.inputs ?? []).map((i) => i.type).join(',')})`;

describe('errorsOf', () => {
  it('keeps only errors, each signature once, in first-seen order', () => {
    const a = [
      { type: 'function', name: 'f', inputs: [] },
      { type: 'error', name: 'Boom', inputs: [{ type: 'uint256' }] },
    ];
    const b = [
      { type: 'error', name: 'Boom', inputs: [{ type: 'uint256' }] },
      { type: 'error', name: 'Boom', inputs: [{ type: 'address' }] },
      { type: 'event', name: 'E', inputs: [] },
    ];
    expect(errorsOf([['A', a], ['B', b]]).map((e) => signature(e as Entry))).toEqual(['Boom(uint256)', 'Boom(address)']);
  });

  it('the generated contractErrorsAbi holds every custom error of every app contract', () => {
    const all = new Set((generated.contractErrorsAbi as readonly Entry[]).map(signature));
    expect((generated.contractErrorsAbi as readonly Entry[]).every((e) => e.type === 'error')).toBe(true);
    expect(all.size).toBe(generated.contractErrorsAbi.length);
    for (const name of contractNames) {
      const abi = (generated as Record<string, unknown>)[exportName(name)] as readonly Entry[];
      for (const e of abi.filter((x) => x.type === 'error')) expect(all.has(signature(e)), `${name}: ${signature(e)}`).toBe(true);
    }
    expect(all.has('Escrow_NotPanelist(uint256,address)')).toBe(true);
    expect(all.has('Crowdfund_GoalTooLarge(uint256,uint256)')).toBe(true);
  });
});

// The storage floor of a transaction: what it must pay however well it is written — the 21,000 base,
// its calldata, every storage slot it changes (read from anvil's prestateTracer diff: a slot set from
// zero costs 20,000 + 2,100 cold access, any other change 2,900 + 2,100), and for each contract it
// creates 32,000 plus 200 per byte of code. Execution, events and calls come on top of it.
import type { Hex, PublicClient } from 'viem';

interface AccountState {
  storage?: Record<Hex, Hex>;
  code?: Hex;
}
interface PrestateDiff {
  pre: Record<Hex, AccountState>;
  post: Record<Hex, AccountState>;
}

const ZERO = /^0x0*$/;

export async function storageFloor(client: PublicClient, hash: Hex): Promise<number> {
  const tx = await client.getTransaction({ hash });
  const diff = (await client.request({
    method: 'debug_traceTransaction' as 'eth_call',
    params: [hash, { tracer: 'prestateTracer', tracerConfig: { diffMode: true } }] as never,
  })) as unknown as PrestateDiff;
  let gas = 21_000 + calldataGas(tx.input);
  for (const [address, post] of Object.entries(diff.post) as [Hex, AccountState][]) {
    const pre = diff.pre[address] ?? {};
    if (post.code && post.code !== '0x' && (!pre.code || pre.code === '0x')) gas += 32_000 + 200 * ((post.code.length - 2) / 2);
    for (const [slot, value] of Object.entries(post.storage ?? {}) as [Hex, Hex][]) {
      const before = pre.storage?.[slot] ?? '0x0';
      if (before === value) continue;
      gas += ZERO.test(before) ? 22_100 : 5_000;
    }
  }
  return gas;
}

function calldataGas(input: Hex): number {
  let gas = 0;
  for (let i = 2; i < input.length; i += 2) gas += input.slice(i, i + 2) === '00' ? 4 : 16;
  return gas;
}

// The storage floor of a transaction: what it must pay however well it is written, read from anvil's
// prestateTracer diff —
//   21,000 base + its calldata
//   + for every storage slot whose value differs before and after: 22,100 if set from zero, else 5,000
//     (2,900 write + 2,100 cold access); clearing a slot earns back 4,800, capped (EIP-3529) at a fifth of
//     the transaction's gas, exactly as the real refund is
//   + 2,600 for the cold access of every other account whose storage changes (EIP-2929: a transaction
//     cannot change a contract's storage without calling it, and the first call to it costs that)
//   + 32,000 and 200 per byte of code for each contract it creates.
// Execution, reads that are not writes, events and calls through proxies come on top of it.
import type { Address, Hex, PublicClient } from 'viem';

interface AccountState {
  storage?: Record<Hex, Hex>;
  code?: Hex;
}
export interface PrestateDiff {
  pre: Record<Hex, AccountState>;
  post: Record<Hex, AccountState>;
}

const ZERO = /^0x0*$/;
const CLEAR_REFUND = 4_800;

export async function storageFloor(client: PublicClient, hash: Hex): Promise<number> {
  const tx = await client.getTransaction({ hash });
  const diff = (await client.request({
    method: 'debug_traceTransaction' as 'eth_call',
    params: [hash, { tracer: 'prestateTracer', tracerConfig: { diffMode: true } }] as never,
  })) as unknown as PrestateDiff;
  return floorOfDiff({ input: tx.input, to: tx.to ?? null, from: tx.from }, diff);
}

/**
 * The floor of one transaction from its calldata and state diff. A slot cleared to zero is absent from
 * `post` (geth's and anvil's diff mode leave zero values out), so slots are taken from both sides.
 */
export function floorOfDiff(tx: { input: Hex; to: Address | null; from: Address }, diff: PrestateDiff): number {
  let gas = 21_000 + calldataGas(tx.input);
  let refund = 0;
  const addresses = new Set([...Object.keys(diff.pre), ...Object.keys(diff.post)].map((a) => a.toLowerCase() as Hex));
  for (const address of addresses) {
    const pre = entry(diff.pre, address);
    const post = entry(diff.post, address);
    if (post?.code && post.code !== '0x' && (!pre?.code || pre.code === '0x')) gas += 32_000 + 200 * ((post.code.length - 2) / 2);
    const slots = new Set([...Object.keys(pre?.storage ?? {}), ...Object.keys(post?.storage ?? {})] as Hex[]);
    let changed = false;
    for (const slot of slots) {
      const before = pre?.storage?.[slot] ?? '0x0';
      // In `post` only when changed; a changed slot missing from `post` of an account that is still there was cleared.
      if (!post || !(slot in (post.storage ?? {}))) {
        if (!post || ZERO.test(before)) continue;
      }
      const after = post.storage?.[slot] ?? '0x0';
      if (BigInt(before) === BigInt(after)) continue;
      changed = true;
      if (ZERO.test(before)) gas += 22_100;
      else {
        gas += 5_000;
        if (BigInt(after) === 0n) refund += CLEAR_REFUND;
      }
    }
    const isTarget = tx.to !== null && address === tx.to.toLowerCase();
    if (changed && !isTarget && address !== tx.from.toLowerCase()) gas += 2_600;
  }
  return gas - Math.min(refund, Math.floor(gas / 5));
}

function entry(side: Record<Hex, AccountState>, address: Hex): AccountState | undefined {
  for (const [key, value] of Object.entries(side)) if (key.toLowerCase() === address) return value;
  return undefined;
}

function calldataGas(input: Hex): number {
  let gas = 0;
  for (let i = 2; i < input.length; i += 2) gas += input.slice(i, i + 2) === '00' ? 4 : 16;
  return gas;
}

interface StructLog {
  op: string;
  gas: number;
  gasCost: number;
  depth: number;
}

/**
 * Where a transaction's gas above its floor goes, for tuning a contract: `NU_BENCH_EXPLAIN=1` prints, per
 * call depth, each opcode's count and summed cost (calls counted by their own access cost, not the gas they
 * forward). Cold reads show as SLOAD ×2100, cold calls as CALL-family ×2600+.
 */
export async function explainGas(client: PublicClient, hash: Hex): Promise<string> {
  const trace = (await client.request({
    method: 'debug_traceTransaction' as 'eth_call',
    params: [hash, { disableStorage: true, disableMemory: true, disableStack: true }] as never,
  })) as unknown as { structLogs: StructLog[] };
  const logs = trace.structLogs;
  if (!logs?.length) return `    (no struct logs: ${JSON.stringify(trace).slice(0, 300)})`;
  const totals = new Map<string, { count: number; gas: number }>();
  for (let i = 0; i < logs.length; i++) {
    const step = logs[i]!;
    const next = logs[i + 1];
    let cost = step.gasCost;
    if (next && next.depth > step.depth) {
      // Entering a call: its own cost is what the caller lost across it, less what the callee used.
      let back = i + 1;
      while (back < logs.length && logs[back]!.depth !== step.depth) back++;
      if (back < logs.length) cost = step.gas - logs[back]!.gas - (next.gas - logs[back - 1]!.gas);
    }
    const key = `d${step.depth} ${step.op}${step.op === 'SLOAD' || step.op.endsWith('CALL') ? ` @${cost >= 2100 ? 'cold' : 'warm'}` : ''}`;
    const t = totals.get(key) ?? { count: 0, gas: 0 };
    t.count += 1;
    t.gas += cost;
    totals.set(key, t);
  }
  return [...totals.entries()]
    .filter(([, t]) => t.gas >= 300)
    .sort((a, b) => b[1].gas - a[1].gas)
    .map(([k, t]) => `    ${k.padEnd(28)} ×${String(t.count).padStart(3)} ${t.gas.toLocaleString('en-US').padStart(8)}`)
    .join('\n');
}

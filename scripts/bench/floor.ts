// The storage floor of a transaction: what it must pay however well it is written, read from anvil's
// prestateTracer diff —
//   21,000 base + its calldata
//   + for every storage slot whose value differs before and after: 22,100 if set from zero, else 5,000
//     (2,900 write + 2,100 cold access); clearing a slot earns back 4,800, capped (EIP-3529) at a fifth of
//     the transaction's gas, exactly as the real refund is
//   + 2,600 for the cold access of every other account whose storage changes (EIP-2929: a transaction
//     cannot change a contract's storage without calling it, and the first call to it costs that)
//   + 32,000 and 200 per byte of code for each contract it creates
//   + for every account whose ETH balance it raises (beyond the transaction's own value to its target, and
//     for the sender beyond the fee it paid), one value-bearing CALL: G_callvalue 9,000 less the 2,300
//     stipend the callee is handed and an account without code hands back unused = 6,700, plus the call's
//     access — 100 when the account is warm (the sender, the target, the coinbase, a precompile), nothing
//     more when it is a contract already charged above (the same call can carry the value), else 2,600 —
//     and 25,000 (G_newaccount) when the account was empty before. A contract cannot raise another
//     account's balance any cheaper (SELFDESTRUCT gives away its whole balance).
// Execution, reads that are not writes, events and calls through proxies come on top of it.
import type { Address, Hex, PublicClient } from 'viem';

interface AccountState {
  storage?: Record<Hex, Hex>;
  code?: Hex;
  balance?: Hex;
  nonce?: number;
}
export interface PrestateDiff {
  pre: Record<Hex, AccountState>;
  post: Record<Hex, AccountState>;
}

const ZERO = /^0x0*$/;
const CLEAR_REFUND = 4_800;
/** G_callvalue less the G_callstipend a callee without code returns unused (yellow paper, appendix G). */
export const VALUE_TRANSFER = 9_000 - 2_300;
export const NEW_ACCOUNT = 25_000;
const COLD_ACCOUNT = 2_600;
const WARM_ACCOUNT = 100;
/** Precompiles are warm from the start (EIP-2929): 0x01–0x11 as of Prague. */
const PRECOMPILE = /^0x0{38}(0[1-9a-f]|1[01])$/;

/** What the floor needs of a transaction: its calldata and ends, and for its ETH rule its value, fee and coinbase. */
export interface FloorTx {
  input: Hex;
  to: Address | null;
  from: Address;
  /** Wei sent with the transaction to `to` (default 0). */
  value?: bigint;
  /** Wei the sender paid for gas, gasUsed × effectiveGasPrice (default 0: the sender counts as paying none). */
  fee?: bigint;
  /** The block's fee recipient, whose balance rises by the priority fee (never counted). */
  coinbase?: Address;
}

export async function storageFloor(client: PublicClient, hash: Hex): Promise<number> {
  const [tx, receipt] = await Promise.all([client.getTransaction({ hash }), client.getTransactionReceipt({ hash })]);
  const block = await client.getBlock({ blockHash: receipt.blockHash });
  const diff = (await client.request({
    method: 'debug_traceTransaction' as 'eth_call',
    params: [hash, { tracer: 'prestateTracer', tracerConfig: { diffMode: true } }] as never,
  })) as unknown as PrestateDiff;
  return floorOfDiff(
    { input: tx.input, to: tx.to ?? null, from: tx.from, value: tx.value, fee: receipt.gasUsed * receipt.effectiveGasPrice, coinbase: block.miner },
    diff,
  );
}

/**
 * The floor of one transaction from its calldata and state diff. A slot cleared to zero is absent from
 * `post` (geth's and anvil's diff mode leave zero values out), so slots are taken from both sides.
 */
export function floorOfDiff(tx: FloorTx, diff: PrestateDiff): number {
  let gas = 21_000 + calldataGas(tx.input);
  let refund = 0;
  const addresses = new Set([...Object.keys(diff.pre), ...Object.keys(diff.post)].map((a) => a.toLowerCase() as Hex));
  const accessed = new Set<Hex>();
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
    if (changed && !isTarget && address !== tx.from.toLowerCase()) {
      gas += COLD_ACCOUNT;
      accessed.add(address);
    }
    if (post?.code && post.code !== '0x' && (!pre?.code || pre.code === '0x')) accessed.add(address);
  }
  gas += ethGas(tx, diff, addresses, accessed);
  return gas - Math.min(refund, Math.floor(gas / 5));
}

/** The ETH rule: one value-bearing call for every account whose balance the transaction raised. */
function ethGas(tx: FloorTx, diff: PrestateDiff, addresses: Set<Hex>, accessed: Set<Hex>): number {
  const from = tx.from.toLowerCase();
  const to = tx.to?.toLowerCase();
  const coinbase = tx.coinbase?.toLowerCase();
  let gas = 0;
  for (const address of addresses) {
    if (address === coinbase) continue;
    const pre = entry(diff.pre, address);
    const post = entry(diff.post, address);
    // `post` holds a balance only when it changed.
    if (post?.balance === undefined) continue;
    let received = BigInt(post.balance) - BigInt(pre?.balance ?? '0x0');
    if (address === from) received += (tx.fee ?? 0n) + (tx.value ?? 0n);
    if (address === to) received -= tx.value ?? 0n;
    if (received <= 0n) continue;
    const wasEmpty = !pre || ((pre.balance === undefined || BigInt(pre.balance) === 0n) && !pre.nonce && (!pre.code || pre.code === '0x'));
    const warm = address === from || address === to || PRECOMPILE.test(address);
    gas += VALUE_TRANSFER + (accessed.has(address) ? 0 : warm ? WARM_ACCOUNT : COLD_ACCOUNT) + (wasEmpty ? NEW_ACCOUNT : 0);
  }
  return gas;
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

// The browser's quadratic-funding arithmetic (web/lib/fund/qf.ts) against the deployed Crowdfund on a
// throwaway anvil: for the same live pledges, sumSqrt and weightOf must agree to the unit, or the
// projected match on the page would differ from what the round pays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseEventLogs, type Address, type Hex } from 'viem';
import { crowdfundAbi, unionAbi, unionTokenAbi } from '../../../web/lib/chain/abi/generated.ts';
import { isqrt, projectMatches, sumSqrt, weightOf } from '../../../web/lib/fund/qf.ts';
import { deployUnion, startAnvil, unionCall, type Anvil, type UnionChain } from '../sync/localChain.ts';
import { testPort } from '../ports.ts';
import { projectRoot } from '../../../scripts/lib/tools.ts';

let anvil: Anvil;
let chain: UnionChain;
let crowdfund: Address;
let campaignId: bigint;
/** Explicit gas: anvil's estimate can fall short when a vote checkpoint lands in the same second as the last block. */
const GAS = 500_000n;

async function mined(hash: Hex): Promise<void> {
  const r = await chain.publicClient.waitForTransactionReceipt({ hash });
  expect(r.status).toBe('success');
}

beforeAll(async () => {
  anvil = await startAnvil(Number(testPort(38_745)));
  chain = await deployUnion(anvil);
  const json = JSON.parse(await readFile(resolve(projectRoot, 'out/Crowdfund.sol/Crowdfund.json'), 'utf8')) as { bytecode: { object: Hex } };
  // The factory is the target of the createUnion transaction deployUnion sent.
  const created = await chain.publicClient.getTransactionReceipt({ hash: (await chain.publicClient.getBlock({ blockNumber: BigInt(chain.createdBlock) })).transactions[0]! });
  const founder = chain.wallets[0]!;
  const hash = await founder.deployContract({ abi: crowdfundAbi, bytecode: json.bytecode.object, args: [created.to!] });
  crowdfund = (await chain.publicClient.waitForTransactionReceipt({ hash })).contractAddress as Address;
  for (const w of chain.wallets.slice(1, 6)) await unionCall(chain, w, { functionName: 'join' });
  const token = await chain.publicClient.readContract({ address: chain.union, abi: unionAbi, functionName: 'token' });
  for (const w of chain.wallets.slice(0, 6))
    await mined(await w.writeContract({ address: token, abi: unionTokenAbi, functionName: 'approve', args: [crowdfund, 10n ** 30n] }));
  const now = (await chain.publicClient.getBlock()).timestamp;
  const r = await chain.publicClient.waitForTransactionReceipt({
    hash: await founder.writeContract({
      address: crowdfund,
      abi: crowdfundAbi,
      functionName: 'createCampaign',
      args: [{ union: chain.union, descriptionCid: 'x', recipient: founder.account.address, goal: 10n ** 18n, deadline: Number(now + 3600n), roundId: 0n }],
    }),
  });
  campaignId = parseEventLogs({ abi: crowdfundAbi, logs: r.logs, eventName: 'CampaignCreated' })[0]!.args.campaignId;
});

afterAll(async () => {
  await anvil?.stop();
});

describe('quadratic funding in the browser', () => {
  it('isqrt floors exactly', () => {
    for (const n of [0n, 1n, 2n, 3n, 4n, 15n, 16n, 17n, 10n ** 36n, 10n ** 36n - 1n, 2n ** 255n]) {
      const r = isqrt(n);
      expect(r * r <= n && (r + 1n) * (r + 1n) > n).toBe(true);
    }
  });

  it('many small pledgers outweigh one large pledger of the same total', () => {
    const e = 10n ** 18n;
    expect(weightOf([e * 4n])).toBe(0n);
    expect(weightOf([e, e, e, e])).toBe(12n * e); // (4·1)² − 4
  });

  it('projected matches never exceed the pool', () => {
    const pool = 1_000n * 10n ** 18n;
    const m = projectMatches(pool, [
      { id: 1n, weight: 7n, eligible: true },
      { id: 2n, weight: 11n, eligible: true },
      { id: 3n, weight: 13n, eligible: false },
    ]);
    expect(m.get(1n)! + m.get(2n)!).toBeLessThanOrEqual(pool);
    expect(m.get(3n)).toBe((pool * 13n) / 31n);
  });

  it('agrees with the deployed contract to the unit for live pledges', async () => {
    // Uneven amounts with non-square roots, a top-up and a partial withdrawal.
    const amounts = [123_456_789_012_345n, 3n * 10n ** 17n, 7n, 99_999_999_999n, 5n * 10n ** 17n];
    const live = new Map<number, bigint>();
    for (const [i, amount] of amounts.entries()) {
      const w = chain.wallets[i + 1]!;
      await mined(await w.writeContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'pledge', args: [campaignId, amount], gas: GAS }));
      live.set(i, amount);
    }
    await mined(await chain.wallets[2]!.writeContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'pledge', args: [campaignId, 11n], gas: GAS }));
    live.set(1, live.get(1)! + 11n);
    await mined(await chain.wallets[5]!.writeContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'unpledge', args: [campaignId, 2n * 10n ** 17n], gas: GAS }));
    live.set(4, live.get(4)! - 2n * 10n ** 17n);

    const stored = await chain.publicClient.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'getCampaign', args: [campaignId] });
    const onChainWeight = await chain.publicClient.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'weightOf', args: [campaignId] });
    expect(stored.sumSqrt).toBe(sumSqrt(live.values()));
    expect(onChainWeight).toBe(weightOf(live.values()));
    expect(onChainWeight).toBeGreaterThan(0n);
  });
});

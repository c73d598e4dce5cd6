// The browser's quadratic-funding arithmetic (web/lib/fund/qf.ts) against the deployed Crowdfund on a
// throwaway anvil: for the same live matchable pledges, sumSqrt and weightOf must agree to the unit, or the
// projected match on the page would differ from what the round pays. Only pledges made while trusted are
// matchable: the founder vouches for four of the five pledgers; the fifth joins freely and pledges unmatched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseEventLogs, zeroAddress, type Address, type Hex } from 'viem';
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
  const hash = await founder.deployContract({ abi: crowdfundAbi, bytecode: json.bytecode.object, args: [created.to!, zeroAddress] });
  crowdfund = (await chain.publicClient.waitForTransactionReceipt({ hash })).contractAddress as Address;
  for (const w of chain.wallets.slice(1, 6)) await unionCall(chain, w, { functionName: 'join' });
  // a vouch from the (trusted) founder trusts wallets 1–4; wallet 5 stays an untrusted member
  for (const w of chain.wallets.slice(1, 5)) await unionCall(chain, founder, { functionName: 'back', leader: w.account.address });
  const token = await chain.publicClient.readContract({ address: chain.union, abi: unionAbi, functionName: 'token' });
  // the founder's grant pays every pledge below, whether or not a grant reached the pledgers
  for (const w of chain.wallets.slice(1, 6))
    await mined(await founder.writeContract({ address: token, abi: unionTokenAbi, functionName: 'transfer', args: [w.account.address, 10n ** 17n * 2n], gas: GAS }));
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

  it('agrees with the deployed contract to the unit for live matchable pledges', async () => {
    // Uneven amounts with non-square roots, a top-up and partial withdrawals (by a trusted and an untrusted pledger).
    const amounts = [123_456_789_012_345n, 1n * 10n ** 17n, 7n, 99_999_999_999n, 15n * 10n ** 16n];
    const pledgers = chain.wallets.slice(1, 6);
    const trusted = await Promise.all(
      pledgers.map((w) => chain.publicClient.readContract({ address: chain.union, abi: unionAbi, functionName: 'isTrusted', args: [w.account.address] }))
    );
    expect(trusted).toEqual([true, true, true, true, false]);
    const live = new Map<number, bigint>();
    const matchable = new Map<number, bigint>();
    const pledge = async (i: number, amount: bigint) => {
      await mined(await pledgers[i]!.writeContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'pledge', args: [campaignId, amount], gas: GAS }));
      live.set(i, (live.get(i) ?? 0n) + amount);
      if (trusted[i]) matchable.set(i, (matchable.get(i) ?? 0n) + amount);
    };
    const unpledge = async (i: number, amount: bigint) => {
      await mined(await pledgers[i]!.writeContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'unpledge', args: [campaignId, amount], gas: GAS }));
      live.set(i, live.get(i)! - amount);
      // the unmatched part goes first
      if (matchable.has(i) && matchable.get(i)! > live.get(i)!) matchable.set(i, live.get(i)!);
    };
    for (const [i, amount] of amounts.entries()) await pledge(i, amount);
    await pledge(1, 11n);
    await unpledge(4, 5n * 10n ** 16n);
    await unpledge(3, 99_999_999n);

    const onChainMatchable = await Promise.all(
      pledgers.map((w) => chain.publicClient.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'matchableOf', args: [campaignId, w.account.address] }))
    );
    expect(onChainMatchable).toEqual(pledgers.map((_, i) => matchable.get(i) ?? 0n));
    const stored = await chain.publicClient.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'getCampaign', args: [campaignId] });
    const onChainWeight = await chain.publicClient.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'weightOf', args: [campaignId] });
    expect(stored.raised).toBe([...live.values()].reduce((a, b) => a + b, 0n));
    expect(stored.matchable).toBe([...matchable.values()].reduce((a, b) => a + b, 0n));
    expect(stored.sumSqrt).toBe(sumSqrt(matchable.values()));
    expect(onChainWeight).toBe(weightOf(matchable.values()));
    expect(onChainWeight).toBeGreaterThan(0n);
    // the untrusted pledge would have moved the weight had it counted
    expect(weightOf(live.values())).not.toBe(onChainWeight);
  });
});

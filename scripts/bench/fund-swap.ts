// Gas of crowdfunding (pledge, claim, refund) and of swapping through the official Uniswap V2
// Router02, from real receipts on the bench stack's anvil, each beside its storage floor
// (scripts/bench/floor.ts) and the anchors measured on this machine.
import { parseEther, parseEventLogs, type Address, type TransactionReceipt } from 'viem';
import { crowdfundAbi, unionAbi, unionFactoryAbi, unionTokenAbi } from '../../web/lib/chain/abi/generated.ts';
import { uniswapV2RouterAbi } from '../../web/lib/swap/abi.ts';
import { advanceClock, localChain, send, unionCreatedIn, unlockedAccounts } from '../lib/localChain.ts';
import type { UniswapDeployment } from '../stack/uniswap.ts';
import { measuredRow, vouchFor } from './union-gas.ts';
import type { Row } from './table.ts';
import { unionParams } from '../lib/unionParams.ts';

export interface FundSwapBenchParams {
  rpcUrl: string;
  unionFactory: Address;
  crowdfund: Address;
  uniswap: UniswapDeployment;
}

export async function benchFundSwap(p: FundSwapBenchParams): Promise<Row[]> {
  const lc = localChain(p.rpcUrl);
  const accounts = await unlockedAccounts(lc);
  // Accounts 10–12: apart from the foundation bench's 7–9 and the demo seed's 0–3.
  const [founder, alice, bob] = [accounts[10], accounts[11], accounts[12]] as [Address, Address, Address];
  const rows: Row[] = [];
  // Every transaction a few seconds after the previous one, as in real life (and as in the market bench):
  // ERC20Votes then writes new checkpoints instead of overwriting ones of the same second.
  const tick = (): Promise<void> => advanceClock(lc, 12);
  const measure = async (name: string, receipt: TransactionReceipt, note: string): Promise<void> => {
    rows.push(await measuredRow(lc.client, name, receipt, note));
  };

  const created = await send(lc, founder, {
    address: p.unionFactory,
    abi: unionFactoryAbi,
    functionName: 'createUnion',
    args: [unionParams({ name: 'Bench Fund Union', charterCid: 'bafkqaaa', tokenName: 'Bench Fund Token', tokenSymbol: 'BFT', governance: { quorumPercent: 1n } })],
  });
  const union = unionCreatedIn(created);
  const token = await lc.client.readContract({ address: union, abi: unionAbi, functionName: 'token' });
  for (const m of [alice, bob]) await send(lc, m, { address: union, abi: unionAbi, functionName: 'join' });
  // Joining confers nothing (issue 12): the founder vouches for both, so they hold the grant and their pledges are matched.
  await vouchFor(lc, union, [alice, bob], [founder]);
  for (const m of [founder, alice, bob]) {
    await send(lc, m, { address: token, abi: unionTokenAbi, functionName: 'approve', args: [p.crowdfund, parseEther('1000')] });
  }

  const now = (await lc.client.getBlock()).timestamp;
  const campaign = async (goal: bigint): Promise<bigint> => {
    const r = await send(lc, founder, {
      address: p.crowdfund,
      abi: crowdfundAbi,
      functionName: 'createCampaign',
      args: [{ union, descriptionCid: 'bafkqaaa', recipient: founder, goal, deadline: Number(now + 3600n), roundId: 0n }],
    });
    const [ev] = parseEventLogs({ abi: crowdfundAbi, logs: r.logs, eventName: 'CampaignCreated' });
    if (!ev) throw new Error('no CampaignCreated');
    return ev.args.campaignId;
  };
  const win = await campaign(parseEther('150'));
  const lose = await campaign(parseEther('1000'));

  // The first pledge of the contract's life also creates its token balance; measure a typical one.
  await send(lc, alice, { address: p.crowdfund, abi: crowdfundAbi, functionName: 'pledge', args: [win, parseEther('100')] });
  await tick();
  await measure(
    'crowdfund pledge (new pledger)',
    await send(lc, bob, { address: p.crowdfund, abi: crowdfundAbi, functionName: 'pledge', args: [win, parseEther('60')] }),
    'target ≤ 1.3× floor; pledgeOf, raised, sumSqrt (QF) + token transfer with vote checkpoint',
  );
  await send(lc, founder, { address: p.crowdfund, abi: crowdfundAbi, functionName: 'pledge', args: [lose, parseEther('50')] });

  await advanceClock(lc, 7200);
  await measure(
    'crowdfund claim (successful campaign)',
    await send(lc, alice, { address: p.crowdfund, abi: crowdfundAbi, functionName: 'claim', args: [win] }),
    'target ≤ 1.3× floor; anchor: minimal escrow release 39,640',
  );
  await tick();
  await measure(
    'crowdfund refund (failed campaign)',
    await send(lc, founder, { address: p.crowdfund, abi: crowdfundAbi, functionName: 'refund', args: [lose] }),
    'target ≤ 1.3× floor; clears pledgeOf, raised, sumSqrt',
  );

  // Swap: founder opens a pool, bob sells through the router.
  const deadline = (await lc.client.getBlock()).timestamp + 3600n;
  await send(lc, founder, { address: token, abi: unionTokenAbi, functionName: 'approve', args: [p.uniswap.router, parseEther('100')] });
  await send(lc, founder, {
    address: p.uniswap.router,
    abi: uniswapV2RouterAbi,
    functionName: 'addLiquidityETH',
    args: [token, parseEther('100'), 0n, 0n, founder, deadline],
    value: parseEther('1'),
  });
  await send(lc, bob, { address: token, abi: unionTokenAbi, functionName: 'approve', args: [p.uniswap.router, parseEther('40')] });
  await tick();
  await measure(
    'Router02 swapExactTokensForETH (token → ETH)',
    await send(lc, bob, {
      address: p.uniswap.router,
      abi: uniswapV2RouterAbi,
      functionName: 'swapExactTokensForETH',
      args: [parseEther('10'), 1n, [token, p.uniswap.weth], bob, deadline],
    }),
    'official artifact; anchors: Router02 swapExactTokensForTokens 101,898, pair.swap 73,462 (+ WETH unwrap, ETH send, vote checkpoint)',
  );
  await tick();
  await measure(
    'Router02 swapExactETHForTokens (ETH → token)',
    await send(lc, bob, {
      address: p.uniswap.router,
      abi: uniswapV2RouterAbi,
      functionName: 'swapExactETHForTokens',
      args: [1n, [p.uniswap.weth, token], bob, deadline],
      value: parseEther('0.05'),
    }),
    'official artifact; anchor: swapExactETHForTokens 138,770',
  );
  return rows;
}

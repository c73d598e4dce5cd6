// Gas of the market's escrow, from real receipts on the bench stack's anvil, each beside its storage
// floor (scripts/bench/floor.ts) and the anchors measured on this machine for a minimal escrow
// (deposit 73,660 / release 39,640). Accounts 18–21 and 38 (the market's range and a spare).
import { maxUint256, parseEther, parseEventLogs, type Address, type TransactionReceipt } from 'viem';
import { escrowAbi, unionAbi, unionArbitersAbi, unionFactoryAbi, unionTokenAbi } from '../../web/lib/chain/abi/generated.ts';
import { advanceClock, localChain, mineBlocks, send, unionCreatedIn, unlockedAccounts } from '../lib/localChain.ts';
import type { Row } from './table.ts';
import { measuredRow, vouchFor } from './union-gas.ts';
import { unionParams } from '../lib/unionParams.ts';

export async function benchMarketGas(rpcUrl: string, factory: Address, escrow: Address, arbiters: Address): Promise<Row[]> {
  const lc = localChain(rpcUrl);
  const accounts = await unlockedAccounts(lc);
  const [steward, provider, client, arbiter, spare] = [18, 19, 20, 21, 38].map((i) => accounts[i]) as [Address, Address, Address, Address, Address];
  const rows: Row[] = [];
  // Every transaction a few seconds after the previous one, as in real life: ERC20Votes then writes a
  // new checkpoint instead of overwriting one of the same second, so figures do not depend on timing.
  const tick = (): Promise<void> => advanceClock(lc, 12);
  const measure = async (name: string, receipt: TransactionReceipt, note: string): Promise<TransactionReceipt> => {
    rows.push(await measuredRow(lc.client, name, receipt, note));
    return receipt;
  };

  const union = unionCreatedIn(
    await send(lc, steward, {
      address: factory,
      abi: unionFactoryAbi,
      functionName: 'createUnion',
      args: [unionParams({ name: 'Market Bench', tokenSymbol: 'MBT', joinGrant: parseEther('1000'), governance: { quorumPercent: 1n } })],
    }),
  );
  for (const m of [provider, client, arbiter, spare]) await send(lc, m, { address: union, abi: unionAbi, functionName: 'join' });
  // Joining confers nothing (issue 12): the steward vouches for the client (who then holds the grant it pays
  // with) and the provider (a voting member, so a payout to them writes a vote checkpoint, as before).
  await vouchFor(lc, union, [client, provider], [steward]);
  for (const a of [steward, arbiter, spare]) await send(lc, steward, { address: arbiters, abi: unionArbitersAbi, functionName: 'appoint', args: [union, a] });
  const token = await lc.client.readContract({ address: union, abi: unionAbi, functionName: 'token' });
  await send(lc, client, { address: token, abi: unionTokenAbi, functionName: 'approve', args: [escrow, maxUint256] });
  const now = (await lc.client.getBlock()).timestamp;
  const open = async (): Promise<{ id: bigint; receipt: TransactionReceipt }> => {
    await tick();
    const receipt = await send(lc, client, {
      address: escrow,
      abi: escrowAbi,
      functionName: 'openDeal',
      args: [
        {
          union,
          provider,
          listing: 'kjzl6kcym7w8y5example',
          acceptBy: Number(now + 86400n * 3n),
          reviewPeriod: 86400 * 3,
          milestones: [{ amount: parseEther('10'), due: Number(now + 86400n * 7n), descriptionCid: 'bafkreidbnmlfcqeqeuq6atyhfdmb5hvdxuzarqqc34c2emjxv2tpxvpw5y' }],
        },
      ],
    });
    const [log] = parseEventLogs({ abi: escrowAbi, logs: receipt.logs, eventName: 'DealOpened' });
    if (!log) throw new Error('no DealOpened');
    return { id: log.args.dealId, receipt };
  };
  const prepare = async (): Promise<{ id: bigint; receipt: TransactionReceipt }> => {
    const opened = await open();
    const id = opened.id;
    await send(lc, provider, { address: escrow, abi: escrowAbi, functionName: 'accept', args: [id] });
    await send(lc, provider, { address: escrow, abi: escrowAbi, functionName: 'markDelivered', args: [id, 0n] });
    return opened;
  };

  // A first deal warms the provider's credit (as for anyone who has sold before); the second is measured.
  const { id: first } = await prepare();
  await send(lc, client, { address: escrow, abi: escrowAbi, functionName: 'release', args: [first, 0n] });
  const { id: deal, receipt: openReceipt } = await prepare();
  await measure('open + fund deal (1 milestone, approve beforehand)', openReceipt, 'anchor: minimal escrow deposit 73,660');
  await tick();
  await measure('release milestone', await send(lc, client, { address: escrow, abi: escrowAbi, functionName: 'release', args: [deal, 0n] }), 'anchor: minimal escrow release 39,640; credit only (pull)');
  await tick();
  await measure('withdraw (pull payment)', await send(lc, provider, { address: escrow, abi: escrowAbi, functionName: 'withdraw', args: [token] }), 'one token transfer');

  const { id: disputed } = await prepare();
  await tick();
  const opened = await measure('open dispute (commits to a future block)', await send(lc, client, { address: escrow, abi: escrowAbi, functionName: 'openDispute', args: [disputed, 0n] }), 'dispute record: 1 slot');
  const [openedEvent] = parseEventLogs({ abi: escrowAbi, logs: opened.logs, eventName: 'DisputeOpened' });
  if (!openedEvent) throw new Error('no DisputeOpened');
  await mineBlocks(lc, Number(openedEvent.args.drawBlock! - (await lc.client.getBlockNumber())) + 1);
  const drawn = await measure('draw panel (3 arbiters from the seed block)', await send(lc, client, { address: escrow, abi: escrowAbi, functionName: 'drawPanel', args: [openedEvent.args.disputeId!] }), 'panel stored: 3 seats');
  const [event] = parseEventLogs({ abi: escrowAbi, logs: drawn.logs, eventName: 'PanelDrawn' });
  if (!event) throw new Error('no PanelDrawn');
  const [firstJudge, secondJudge] = event.args.panel!;
  await tick();
  await measure('dispute: first vote', await send(lc, firstJudge!, { address: escrow, abi: escrowAbi, functionName: 'vote', args: [event.args.disputeId, 70] }), 'one seat written');
  await tick();
  await measure('dispute ruling (deciding vote, 70/30 split)', await send(lc, secondJudge!, { address: escrow, abi: escrowAbi, functionName: 'vote', args: [event.args.disputeId, 70] }), 'resolves and credits both parties');
  return rows;
}

// Gas of founding and joining a union, and of the vouch that makes a member trusted (issue 12: joining
// confers nothing; the join grant is minted and self-delegated when the member becomes trusted), measured
// from real receipts on the bench stack's anvil, each beside its storage floor (scripts/bench/floor.ts).
import { parseEther, type Address, type PublicClient, type TransactionReceipt } from 'viem';
import { unionAbi, unionFactoryAbi } from '../../web/lib/chain/abi/generated.ts';
import { advanceClock, localChain, send, signInvite, unionCreatedIn, unlockedAccounts, type LocalChain } from '../lib/localChain.ts';
import type { Row } from './table.ts';
import { explainGas, storageFloor } from './floor.ts';
import { unionParams } from '../lib/unionParams.ts';

export async function benchUnionGas(rpcUrl: string, factory: Address): Promise<Row[]> {
  const lc = localChain(rpcUrl);
  const accounts = await unlockedAccounts(lc);
  const [founder, joiner, invitee] = [accounts[7], accounts[8], accounts[9]] as [Address, Address, Address];
  const rows: Row[] = [];
  const measure = async (name: string, receipt: TransactionReceipt, note: string): Promise<TransactionReceipt> => {
    rows.push(await measuredRow(lc.client, name, receipt, note));
    return receipt;
  };
  // Twelve seconds (and a block) apart so each measured transaction pays for its own total-supply and
  // delegated-supply checkpoints, as in real life: ERC20Votes keys checkpoints by timestamp, and a vouch in
  // the same second as the creation's checkpoint would overwrite it (~44k less; seen on a fast run).
  const nextBlock = (): Promise<void> => advanceClock(lc, 12);

  const now = BigInt(Math.floor(Date.now() / 1000));
  const created = await measure(
    'create union (token, union, governor, timelock, 1 vesting wallet)',
    await send(lc, founder, {
      address: factory,
      abi: unionFactoryAbi,
      functionName: 'createUnion',
      args: [
        unionParams({
          name: 'Bench Union',
          tokenName: 'Bench Token',
          tokenSymbol: 'BEN',
          treasuryReserve: parseEther('1000000'),
          allocations: [{ beneficiary: founder, amount: parseEther('200000') }],
          vesting: { start: now, cliff: 86400n * 180n, duration: 86400n * 730n },
          governance: { votingDelay: 60, votingPeriod: 3 * 86400, timelockDelay: 86400n },
        }),
      ],
    }),
    'anchors: 3 full deployments 7,333,588; 3 clones + init 743,271',
  );
  const union = unionCreatedIn(created);

  await nextBlock();
  await measure(
    'join (open; no grant: the member is not trusted yet)',
    await send(lc, joiner, { address: union, abi: unionAbi, functionName: 'join' }),
    'member record + count; anchors: OZ transfer 51,613 new / 34,513 existing; first delegate 95,654',
  );

  // The founder (trusted) backs the joiner: in a one-vouch union that back is the vouch that trusts them.
  await nextBlock();
  await measure(
    'vouch (the back that trusts: edge + grant minted + self-delegated)',
    await send(lc, founder, { address: union, abi: unionAbi, functionName: 'back', args: [joiner] }),
    'vouchThreshold 1; anchors: OZ transfer 51,613 new + first delegate 95,654',
  );

  const invite = { inviter: founder, invitee, claimKey: '0x0000000000000000000000000000000000000000' as const, nonce: 7n, deadline: now + 86400n };
  const signature = await signInvite(lc, union, invite);
  await nextBlock();
  await measure(
    'join (invite)',
    await send(lc, invitee, { address: union, abi: unionAbi, functionName: 'joinWithInvite', args: [invite, signature, '0x'] }),
    'EIP-712 voucher, one-time nonce, quota; a trusted inviter\'s invite is also the vouch (grant + delegation)',
  );
  return rows;
}

/**
 * Trusted `vouchers` back each of `members`, one transaction each, a block apart: joining confers nothing
 * (issue 12), so a member who must pay, pledge, vote or commit needs the union's vouch threshold of trusted
 * backers (the founder alone in these one-vouch unions). The honest way in: no check is bypassed.
 */
export async function vouchFor(lc: LocalChain, union: Address, members: readonly Address[], vouchers: readonly Address[]): Promise<void> {
  for (const member of members) {
    for (const voucher of vouchers) {
      await send(lc, voucher, { address: union, abi: unionAbi, functionName: 'back', args: [member] });
      await lc.client.request({ method: 'evm_mine' as 'eth_chainId' });
    }
    const trusted = await lc.client.readContract({ address: union, abi: unionAbi, functionName: 'isTrusted', args: [member] });
    if (!trusted) throw new Error(`${member} is not trusted after ${vouchers.length} vouch(es)`);
  }
}

/**
 * The row of one measured transaction: its gas beside its storage floor. With `NU_BENCH_EXPLAIN=1`
 * it also prints where that gas went, opcode by opcode (scripts/bench/floor.ts).
 */
export async function measuredRow(client: PublicClient, name: string, receipt: TransactionReceipt, note: string): Promise<Row> {
  if (process.env.NU_BENCH_EXPLAIN) console.log(`${name}\n${await explainGas(client, receipt.transactionHash)}`);
  return gasRow(name, receipt.gasUsed, await storageFloor(client, receipt.transactionHash), note);
}

export function gasRow(name: string, gas: bigint, floor: number, note: string): Row {
  const ratio = Number(gas) / floor;
  return { name: `gas: ${name}`, value: Number(gas).toLocaleString('en-US'), note: `floor ${floor.toLocaleString('en-US')} → ${ratio.toFixed(2)}× · ${note}` };
}

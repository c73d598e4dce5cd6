// Gas of back / unback / backAndFollow from real receipts on the bench stack's anvil, beside their storage
// floor. back writes one edge slot (both epochs and the vouch/follow flags packed in it), unback clears it;
// backAndFollow also moves the follower's votes to the leader (delegation + two vote checkpoints).
import { parseEther, type Address } from 'viem';
import { unionAbi, unionFactoryAbi } from '../../web/lib/chain/abi/generated.ts';
import { advanceClock, localChain, send, unionCreatedIn, unlockedAccounts } from '../lib/localChain.ts';
import { measuredRow, vouchFor } from './union-gas.ts';
import type { Row } from './table.ts';
import { unionParams } from '../lib/unionParams.ts';

export async function benchBackingGas(rpcUrl: string, factory: Address): Promise<Row[]> {
  const lc = localChain(rpcUrl);
  const accounts = await unlockedAccounts(lc);
  const [founder, member] = [accounts[10], accounts[11]] as [Address, Address];
  const created = await send(lc, founder, {
    address: factory,
    abi: unionFactoryAbi,
    functionName: 'createUnion',
    args: [unionParams({ name: 'Backing Bench Union', tokenName: 'Backing Bench', tokenSymbol: 'BBN', joinGrant: parseEther('1'), governance: { votingDelay: 60, votingPeriod: 3 * 86400, timelockDelay: 86400n } })],
  });
  const union = unionCreatedIn(created);
  await send(lc, member, { address: union, abi: unionAbi, functionName: 'join' });
  const rows: Row[] = [];
  for (const functionName of ['back', 'unback'] as const) {
    const receipt = await send(lc, member, { address: union, abi: unionAbi, functionName, args: [founder] });
    const note = functionName === 'back' ? 'one edge slot set from zero + Backed log (2 topics)' : 'edge slot cleared (refund) + Unbacked log';
    rows.push(await measuredRow(lc.client, functionName, receipt, note));
  }
  // The founder vouches for the member (grant minted, self-delegated); a minute later the member backs the
  // founder and follows them: the edge set from zero again, the delegation and both vote checkpoints move.
  await vouchFor(lc, union, [member], [founder]);
  await advanceClock(lc, 60);
  const followed = await send(lc, member, { address: union, abi: unionAbi, functionName: 'backAndFollow', args: [founder] });
  rows.push(await measuredRow(lc.client, 'backAndFollow (trusted member with the grant → founder)', followed, 'edge slot + delegates slot + a checkpoint each for follower and leader + Backed(followed), DelegateChanged, 2 DelegateVotesChanged logs; anchor: OZ first delegate 95,654'));
  return rows;
}

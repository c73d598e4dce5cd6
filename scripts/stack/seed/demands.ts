// Demo collective demand for the seeded union: a member writes it the way the demands form does
// (web/lib/demands/create.ts: "# title\n\n**To:** target\n\ntext\n" on IPFS as demand.md, then
// Demands.create), and two members commit with EIP-712 Commitment signatures over their current
// nonce (web/lib/demands/commit.ts), signed by anvil for its unlocked accounts. The threshold is
// one more than the commitments, so the demand is open and a visitor who joins can tip it over.
// Called once from seedDemo.
import type { Address } from 'viem';
import { demandsAbi } from '../../../web/lib/chain/abi/generated.ts';
import { demandBody, demandIdFrom } from '../../../web/lib/demands/demand.ts';
import { localChain, send, signCommitment } from '../../lib/localChain.ts';
import { addText } from '../ipfs/client.ts';

export interface DemandsSeedParams {
  rpcUrl: string;
  ipfsApiUrl: string;
  /** The shared Demands contract. */
  demands: Address;
  union: Address;
  creator: Address;
  /** Members who sign and submit a commitment, in order. */
  committers: readonly Address[];
}

export const DEMO_DEMAND = {
  title: 'Full rate for machine-translation post-editing',
  target: 'LinguaBridge Ltd.',
  text: `LinguaBridge pays post-editing of machine translation at 40% of our word rate, although a usable result takes nearly as long as translating from scratch.

**We ask** that post-editing be paid at no less than 80% of the translator's agreed word rate from the next quarter, and that we may decline machine output we judge unusable without losing the job.

**If this is not met**, the members who committed will not accept new post-editing jobs from LinguaBridge until it is.`,
  days: 30,
} as const;

export async function seedDemand(p: DemandsSeedParams): Promise<{ demandId: bigint; textCid: string }> {
  const lc = localChain(p.rpcUrl);
  const textCid = await addText(p.ipfsApiUrl, 'demand.md', demandBody(DEMO_DEMAND.title, DEMO_DEMAND.target, DEMO_DEMAND.text));
  // Like chainNow(): from the later of the wall clock and the chain's.
  const head = (await lc.client.getBlock({ blockTag: 'latest' })).timestamp;
  const wall = BigInt(Math.floor(Date.now() / 1000));
  const deadline = Number(head > wall ? head : wall) + DEMO_DEMAND.days * 86_400;
  const threshold = p.committers.length + 1;
  const receipt = await send(lc, p.creator, {
    address: p.demands,
    abi: demandsAbi,
    functionName: 'create',
    args: [p.union, textCid, DEMO_DEMAND.target, threshold, deadline],
  });
  const demandId = demandIdFrom(receipt);
  if (demandId === null) throw new Error('Demands.create emitted no DemandCreated event');
  for (const member of p.committers) {
    const nonce = await lc.client.readContract({ address: p.demands, abi: demandsAbi, functionName: 'nonceOf', args: [demandId, member] });
    const signature = await signCommitment(lc, p.demands, { union: p.union, demandId, member, textCid, nonce });
    await send(lc, member, { address: p.demands, abi: demandsAbi, functionName: 'commit', args: [demandId, member, signature] });
  }
  return { demandId, textCid };
}

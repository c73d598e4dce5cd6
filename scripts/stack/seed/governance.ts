// Demo proposal for the seeded union: a member proposes a treasury payment exactly as the proposal
// builder does (web/lib/governance/propose.ts: "# title\n\nbody" on IPFS as proposal.md, then
// "title\n\nipfs://cid" as the on-chain description, the calls encoded by the builder's callsFor),
// and, once the voting delay has passed, a few members vote. Members vote with the power join gave
// them (UnionToken.delegateOnJoin self-delegates every joiner). Called once from seedDemo.
import { parseEther, type Address } from 'viem';
import { unionGovernorAbi } from '../../../web/lib/chain/abi/generated.ts';
import { callsFor, columns } from '../../../web/lib/governance/calls.ts';
import { formatDescription, proposalBody } from '../../../web/lib/governance/description.ts';
import { proposalIdFrom } from '../../../web/lib/governance/receipt.ts';
import { advanceClock, localChain, send } from '../../lib/localChain.ts';
import { addText } from '../ipfs/client.ts';

export interface ProposalSeedParams {
  rpcUrl: string;
  ipfsApiUrl: string;
  governor: Address;
  token: Address;
  proposer: Address;
  /** Who the treasury pays. */
  recipient: Address;
}

export interface SeededProposal {
  governor: Address;
  proposalId: bigint;
}

export const DEMO_PROPOSAL_TITLE = 'Fund a glossary of labour terms';
/** Paid from the treasury (the timelock's reserve) if the proposal passes and is executed. */
export const DEMO_PROPOSAL_AMOUNT = parseEther('500');

const BODY = `Ben has started a shared glossary of legal and labour terms in French, English and Igbo (see his post in the feed).
This proposal pays him **500 TRU** from the treasury to finish and publish the first 500 entries.

## What the union gets
- One agreed translation for each term we meet in contracts, court papers and union documents.
- The glossary published on IPFS, free for every member, with each entry's sources.
- Monthly updates in the feed while the work goes on.

## Why now
Three members already quote different terms for the same clause, and clients notice.

_The payment is one transfer of union tokens from the timelock to Ben's address._
`;

/** Uploads the body and proposes; returns the new proposal's id. */
export async function seedProposal(p: ProposalSeedParams): Promise<SeededProposal> {
  const lc = localChain(p.rpcUrl);
  const cid = await addText(p.ipfsApiUrl, 'proposal.md', proposalBody(DEMO_PROPOSAL_TITLE, BODY));
  const { targets, values, calldatas } = columns(callsFor({ kind: 'pay', token: p.token, to: p.recipient, amount: DEMO_PROPOSAL_AMOUNT }));
  const receipt = await send(lc, p.proposer, {
    address: p.governor,
    abi: unionGovernorAbi,
    functionName: 'propose',
    args: [targets, values, calldatas, formatDescription(DEMO_PROPOSAL_TITLE, cid)],
  });
  const proposalId = proposalIdFrom(receipt);
  if (proposalId === null) throw new Error('propose emitted no ProposalCreated event');
  return { governor: p.governor, proposalId };
}

export interface SeedVote {
  voter: Address;
  /** 0 against, 1 for, 2 abstain (GovernorCountingSimple). */
  support: 0 | 1 | 2;
  reason: string;
}

const ACTIVE = 1;

/**
 * Casts the votes once voting is open. Call it last in the seed: the other steps use up part of the
 * voting delay (60 s in the demo) in real time, and the chain's clock is moved forward only by what
 * remains, so the dev chain ends at most a minute ahead of the wall clock (deadlines elsewhere are
 * days long, and the web app measures deadlines from the later of the two clocks).
 */
export async function seedVotes(rpcUrl: string, proposal: SeededProposal, votes: readonly SeedVote[]): Promise<void> {
  const lc = localChain(rpcUrl);
  const c = { address: proposal.governor, abi: unionGovernorAbi } as const;
  const snapshot = await lc.client.readContract({ ...c, functionName: 'proposalSnapshot', args: [proposal.proposalId] });
  const head = await lc.client.getBlock({ blockTag: 'latest' });
  if (head.timestamp <= snapshot) await advanceClock(lc, Number(snapshot - head.timestamp) + 1);
  const state = await lc.client.readContract({ ...c, functionName: 'state', args: [proposal.proposalId] });
  if (state !== ACTIVE) throw new Error(`the demo proposal is in state ${state}, not Active, after its voting delay`);
  for (const v of votes) {
    await send(lc, v.voter, { ...c, functionName: 'castVoteWithReason', args: [proposal.proposalId, v.support, v.reason] });
  }
}

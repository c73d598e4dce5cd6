// Gas sponsorship (issue 15): what the union's treasury pays for a sponsored join (accepting an invite), back
// and vote, beside the same action paid directly by a member with ETH (real receipts on the bench stack's
// anvil, through the real alto bundler); and the extra wall time a sponsored action takes (sign, bundler
// simulation, bundling, inclusion) over a direct one.
import { encodeFunctionData, formatEther, parseEther, parseEventLogs, zeroAddress, type Address, type Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { unionAbi, unionFactoryAbi, unionGovernorAbi } from '../../web/lib/chain/abi/generated.ts';
import { sendSponsored, type SponsorSetup } from '../../web/lib/sponsor/userOp.ts';
import { advanceClock, localChain, send, signInvite, unionContractsIn, unlockedAccounts } from '../lib/localChain.ts';
import type { Deployment } from '../stack/deploy.ts';
import { seedSponsorship } from '../stack/seed/sponsorship.ts';
import type { Row } from './table.ts';

export async function benchSponsor(rpcUrl: string, chainId: number, bundlerUrl: string, d: Deployment): Promise<Row[]> {
  const lc = localChain(rpcUrl, chainId);
  const accounts = await unlockedAccounts(lc);
  const [founder, direct] = [accounts[14], accounts[15]] as [Address, Address];
  const created = await send(lc, founder, {
    address: d.unionFactory,
    abi: unionFactoryAbi,
    functionName: 'createUnion',
    args: [
      {
        name: 'Sponsor Bench Union',
        charterCid: 'bafkreidbnmlfcqeqeuq6atyhfdmb5hvdxuzarqqc34c2emjxv2tpxvpw5y',
        admissionRule: 0,
        tokenName: 'Sponsor Bench',
        tokenSymbol: 'SBN',
        joinGrant: parseEther('1'),
        treasuryReserve: 0n,
        allocations: [],
        vesting: { start: 0n, cliff: 0n, duration: 1n },
        governance: { votingDelay: 60, votingPeriod: 3 * 86400, proposalThreshold: 0n, quorumPercent: 4n, timelockDelay: 86400n },
        foundingMembers: [],
        trust: { vouchThreshold: 1, inviteQuota: 10, invitePeriod: 30n * 86400n },
      },
    ],
  });
  const { union, governor } = unionContractsIn(created);
  await seedSponsorship({ rpcUrl, paymaster: d.paymaster, steward: founder, union, governor, crowdfund: d.crowdfund, demands: d.demands, courses: d.courses, funding: parseEther('1') });
  const setup: SponsorSetup = { bundlerUrl, entryPoint: d.entryPoint, relayAccount: d.relayAccount, paymaster: d.paymaster, chainId };
  const sponsored = privateKeyToAccount(generatePrivateKey());
  const deadline = BigInt(Math.floor(Date.now() / 1000) + 86400);

  const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const r = await fn();
    return [r, performance.now() - t0];
  };
  const sponsoredRun = (target: Address, data: Hex) =>
    timed(() => sendSponsored(lc.client, setup, { member: sponsored.address, union, target, data }, (td) => sponsored.signTypedData(td)));

  const rows: Row[] = [];
  const row = async (action: string, dReceipt: { gasUsed: bigint; effectiveGasPrice: bigint }, dMs: number, s: Awaited<ReturnType<typeof sendSponsored>>, sMs: number) => {
    const price = s.receipt.effectiveGasPrice;
    const paidGas = s.charged / price;
    rows.push({
      name: `gas: ${action}, paid directly`,
      value: Number(dReceipt.gasUsed).toLocaleString('en-US'),
      note: `the member's own transaction (${formatEther(dReceipt.gasUsed * dReceipt.effectiveGasPrice)} ETH at ${price} wei/gas)`,
    });
    rows.push({
      name: `gas: ${action}, sponsored (treasury pays)`,
      value: Number(paidGas).toLocaleString('en-US'),
      note: `${(Number(paidGas) / Number(dReceipt.gasUsed)).toFixed(2)}× direct · charged ${formatEther(s.charged)} ETH; bundle tx gasUsed ${Number(s.receipt.gasUsed).toLocaleString('en-US')} (one op)`,
    });
    rows.push({ name: `time: ${action}, sponsored − direct`, value: `${Math.round(sMs - dMs)} ms`, note: `sponsored ${Math.round(sMs)} ms (sign, bundler simulation, bundle, inclusion) vs direct ${Math.round(dMs)} ms` });
  };

  // join: accept an invite from the (trusted) founder
  const inviteFor = async (invitee: Address, nonce: bigint) => {
    const invite = { inviter: founder, invitee, claimKey: zeroAddress, nonce, deadline };
    return { invite, signature: await signInvite(lc, union, invite) };
  };
  const a = await inviteFor(direct, 1n);
  const b = await inviteFor(sponsored.address, 2n);
  const [dJoin, dJoinMs] = await timed(() =>
    send(lc, direct, { address: union, abi: unionAbi, functionName: 'joinWithInvite', args: [a.invite, a.signature, '0x'] }),
  );
  const [sJoin, sJoinMs] = await sponsoredRun(union, encodeFunctionData({ abi: unionAbi, functionName: 'joinWithInvite', args: [b.invite, b.signature, '0x'] }));
  await row('join (accept an invite)', dJoin, dJoinMs, sJoin, sJoinMs);

  const [dBack, dBackMs] = await timed(() => send(lc, direct, { address: union, abi: unionAbi, functionName: 'back', args: [founder] }));
  const [sBack, sBackMs] = await sponsoredRun(union, encodeFunctionData({ abi: unionAbi, functionName: 'back', args: [founder] }));
  await row('back', dBack, dBackMs, sBack, sBackMs);

  // vote: a proposal after both are trusted, voting opens after the 60 s delay
  const proposed = await send(lc, founder, {
    address: governor,
    abi: unionGovernorAbi,
    functionName: 'propose',
    args: [[union], [0n], [encodeFunctionData({ abi: unionAbi, functionName: 'setCharter', args: ['bafkreidbnmlfcqeqeuq6atyhfdmb5hvdxuzarqqc34c2emjxv2tpxvpw5y'] })], 'Sponsor bench proposal'],
  });
  const [event] = parseEventLogs({ abi: unionGovernorAbi, logs: proposed.logs, eventName: 'ProposalCreated' });
  if (!event) throw new Error('propose emitted no ProposalCreated');
  const id = event.args.proposalId;
  await advanceClock(lc, 61);
  const [dVote, dVoteMs] = await timed(() => send(lc, direct, { address: governor, abi: unionGovernorAbi, functionName: 'castVote', args: [id, 1] }));
  const [sVote, sVoteMs] = await sponsoredRun(governor, encodeFunctionData({ abi: unionGovernorAbi, functionName: 'castVote', args: [id, 1] }));
  await row('vote', dVote, dVoteMs, sVote, sVoteMs);
  const balance = await lc.client.getBalance({ address: sponsored.address });
  rows.push({ name: 'ETH of the sponsored member after join, back, vote', value: formatEther(balance), note: 'must be 0' });
  return rows;
}

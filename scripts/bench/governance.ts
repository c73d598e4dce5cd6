// Gas of governing a union and of committing to a collective demand, from real receipts on the bench stack's
// anvil, each beside its storage floor (scripts/bench/floor.ts) and OpenZeppelin's Governor with a timelock making
// the same payment in the same run (scripts/bench/oz-anchor.ts), quoted with its own floor.
// Joining confers nothing (issue 12): the founder vouches for every member who votes, exits or commits.
// The ragequit row exits while the proposal is Queued from a treasury holding 1 ETH and WETH9 (the
// stack's Uniswap WETH, an ordinary ERC-20) beside the union's own reserve.
import { createWalletClient, erc20Abi, encodeFunctionData, http, keccak256, parseEther, toBytes, type Address, type Hex, type TransactionReceipt } from 'viem';
import { demandsAbi, unionAbi, unionFactoryAbi, unionGovernorAbi, unionTimelockAbi, unionTokenAbi } from '../../web/lib/chain/abi/generated.ts';
import { commitmentTypedData, commitmentDomain } from '../../web/lib/demands/typedData.ts';
import { advanceClock, localChain, send, unionCreatedIn, unlockedAccounts } from '../lib/localChain.ts';
import { storageFloor } from './floor.ts';
import { anchorNote, measureGovernorAnchor } from './oz-anchor.ts';
import { gasRow, measuredRow, vouchFor } from './union-gas.ts';
import type { Row } from './table.ts';
import { unionParams } from '../lib/unionParams.ts';

const WETH_DEPOSIT_ABI = [{ type: 'function', name: 'deposit', stateMutability: 'payable', inputs: [], outputs: [] }] as const;

export async function benchGovernanceGas(rpcUrl: string, factory: Address, demands: Address, weth: Address | undefined): Promise<Row[]> {
  const lc = localChain(rpcUrl);
  const advance = (seconds: number): Promise<void> => advanceClock(lc, seconds);
  const accounts = await unlockedAccounts(lc);
  const [founder, alice, bob, carol] = [accounts[10], accounts[11], accounts[12], accounts[13]] as [Address, Address, Address, Address];
  const rows: Row[] = [];
  const measure = async (name: string, receipt: TransactionReceipt, note: string) => {
    rows.push(await measuredRow(lc.client, name, receipt, note));
  };

  const description = 'Pay Bob\n\nipfs://bafkreidbnmlfcqeqeuq6atyhfdmb5hvdxuzarqqc34c2emjxv2tpxvpw5y';
  const oz = await measureGovernorAnchor(lc, founder, [alice, bob], bob, description);

  const created = await send(lc, founder, {
    address: factory,
    abi: unionFactoryAbi,
    functionName: 'createUnion',
    args: [unionParams({ name: 'Bench Governed Union', tokenName: 'Governed Token', tokenSymbol: 'GOV', treasuryReserve: parseEther('1000000'), governance: { votingPeriod: 600 } })],
  });
  const union = unionCreatedIn(created);
  const [log] = await lc.client.getContractEvents({ address: factory, abi: unionFactoryAbi, eventName: 'UnionCreated', args: { union }, fromBlock: created.blockNumber, toBlock: created.blockNumber, strict: true });
  if (!log) throw new Error('no UnionCreated log');
  const { governor, token, timelock } = log.args;
  for (const m of [alice, bob, carol]) await send(lc, m, { address: union, abi: unionAbi, functionName: 'join' });
  await vouchFor(lc, union, [alice, bob, carol], [founder]);
  // The treasury (timelock) holds 1 ETH and 1 WETH beside its reserve of the union's token, for the ragequit row.
  const pay = async (to: Address, value: bigint): Promise<void> => {
    const wallet = createWalletClient({ account: founder, chain: lc.chain, transport: http(rpcUrl) });
    const receipt = await lc.client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ to, value }) });
    if (receipt.status !== 'success') throw new Error(`paying ${to} reverted`);
  };
  await pay(timelock, parseEther('1'));
  if (weth) {
    await send(lc, founder, { address: weth, abi: WETH_DEPOSIT_ABI, functionName: 'deposit', value: parseEther('1') });
    await send(lc, founder, { address: weth, abi: erc20Abi, functionName: 'transfer', args: [timelock, parseEther('1')] });
  }
  await advance(2);

  const targets: Address[] = [token];
  const values = [0n];
  const calldatas: Hex[] = [encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [bob, parseEther('250')] })];
  const proposed = await send(lc, alice, { address: governor, abi: unionGovernorAbi, functionName: 'propose', args: [targets, values, calldatas, description] });
  await measure('propose (one treasury transfer)', proposed, `anchor: ${anchorNote(oz.propose)}`);
  const [created2] = await lc.client.getContractEvents({ address: governor, abi: unionGovernorAbi, eventName: 'ProposalCreated', fromBlock: proposed.blockNumber, toBlock: proposed.blockNumber, strict: true });
  if (!created2) throw new Error('no ProposalCreated log');
  const id = created2.args.proposalId;

  await advance(2);
  const firstVote = await send(lc, alice, { address: governor, abi: unionGovernorAbi, functionName: 'castVote', args: [id, 1] });
  await measure('castVote (first on the proposal)', firstVote, `anchor: ${anchorNote(oz.firstVote)}`);
  const secondVote = await send(lc, bob, { address: governor, abi: unionGovernorAbi, functionName: 'castVote', args: [id, 1] });
  await measure('castVote (later)', secondVote, `tally slot already written · anchor: ${anchorNote(oz.laterVote)}`);

  await advance(601);
  const descriptionHash = keccak256(toBytes(description));
  const queued = await send(lc, founder, { address: governor, abi: unionGovernorAbi, functionName: 'queue', args: [targets, values, calldatas, descriptionHash] });
  // Carol did not vote For: while the proposal is Queued she exits with her whole grant (her votes at the snapshot).
  await advance(12);
  const carolVotes = await lc.client.readContract({ address: token, abi: unionTokenAbi, functionName: 'balanceOf', args: [carol] });
  await measure(
    `ragequit (Queued; burns the grant, leaves; ETH + ${weth ? 'WETH9' : 'no ERC-20 (no WETH on this stack)'} paid out)`,
    await send(lc, carol, { address: timelock, abi: unionTimelockAbi, functionName: 'ragequit', args: [id, carolVotes, weth ? [weth] : []] }),
    'exit record, burn with vote + supply checkpoints, member cleared, 1 ERC-20 transfer (new holder), ETH send',
  );
  await advance(61);
  const executed = await send(lc, founder, { address: governor, abi: unionGovernorAbi, functionName: 'execute', args: [targets, values, calldatas, descriptionHash] });
  const [qFloor, eFloor] = await Promise.all([storageFloor(lc.client, queued.transactionHash), storageFloor(lc.client, executed.transactionHash)]);
  rows.push(gasRow('queue (timelock schedule)', queued.gasUsed, qFloor, `timelock stores the operation · anchor: ${anchorNote(oz.queue)}`));
  rows.push(gasRow('execute (timelock → token transfer)', executed.gasUsed, eFloor, `anchor: ${anchorNote(oz.execute)}`));
  rows.push(gasRow('queue + execute', queued.gasUsed + executed.gasUsed, qFloor + eFloor, `what a passed treasury payment costs after the vote · anchor: ${anchorNote({ gas: oz.queue.gas + oz.execute.gas, floor: oz.queue.floor + oz.execute.floor })}`));

  // Collective demand: a member commits with an EIP-712 signature (here the member submits it).
  const createdDemand = await send(lc, founder, { address: demands, abi: demandsAbi, functionName: 'create', args: [union, 'bafkreidbnmlfcqeqeuq6atyhfdmb5hvdxuzarqqc34c2emjxv2tpxvpw5y', 'MegaCorp', 3, Math.floor(Date.now() / 1000) + 30 * 86400] });
  const [dc] = await lc.client.getContractEvents({ address: demands, abi: demandsAbi, eventName: 'DemandCreated', fromBlock: createdDemand.blockNumber, toBlock: createdDemand.blockNumber, strict: true });
  if (!dc) throw new Error('no DemandCreated log');
  const domain = commitmentDomain(lc.chain.id, demands);
  const commit = async (member: Address) => {
    const wallet = createWalletClient({ account: member, chain: lc.chain, transport: http(rpcUrl) });
    const signature = await wallet.signTypedData(commitmentTypedData(domain, { union, demandId: dc.args.demandId, member, textCid: dc.args.textCid, nonce: 0n }));
    return send(lc, member, { address: demands, abi: demandsAbi, functionName: 'commit', args: [dc.args.demandId, member, signature] });
  };
  // Carol exited above (ragequit); the three trusted committers are alice, bob and the founder.
  const first = await commit(alice);
  await measure('commit to a demand', first, 'EIP-712 check (ecrecover) + isTrusted call + signature in the log');
  await commit(bob);
  const last = await commit(founder);
  await measure('commit that reaches N (no longer activates)', last, 'same as any commit: activation is its own call since issue 12');
  const committers = [alice, bob, founder].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  const activated = await send(lc, bob, { address: demands, abi: demandsAbi, functionName: 'activate', args: [dc.args.demandId, committers] });
  await measure('activate (3 distinct ascending trusted committers)', activated, 'activation block (1 slot) + event; 3 × (committed? + isTrusted call)');
  return rows;
}

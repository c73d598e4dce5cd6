// Gas of founding and joining a union, measured from real receipts on the bench stack's anvil, each
// beside its storage floor (scripts/bench/floor.ts).
import { createPublicClient, createWalletClient, http, parseEther, parseEventLogs, type Address, type Hex, type PublicClient } from 'viem';
import { foundry } from 'viem/chains';
import { unionAbi, unionFactoryAbi } from '../../web/lib/chain/abi/generated.ts';
import { INVITE_TYPES } from '../../web/lib/chain/invite.ts';
import type { Row } from './table.ts';
import { storageFloor } from './floor.ts';

// A fixed limit, not an estimate: anvil estimates in the previous block's second, where the vote
// checkpoint is updated in place, and the real transaction then runs out of gas. The limit does not
// change the gas used.
const LIMIT = 1_000_000n;

export async function benchUnionGas(rpcUrl: string, factory: Address): Promise<Row[]> {
  const chain = { ...foundry, rpcUrls: { default: { http: [rpcUrl] } } };
  const client = createPublicClient({ chain, transport: http(rpcUrl) }) as PublicClient;
  const accounts = await createWalletClient({ chain, transport: http(rpcUrl) }).getAddresses();
  const [founder, joiner, invitee] = [accounts[7], accounts[8], accounts[9]] as [Address, Address, Address];
  const wallet = (account: Address) => createWalletClient({ account, chain, transport: http(rpcUrl) });
  const rows: Row[] = [];
  const measure = async (name: string, hash: Hex, note: string): Promise<Awaited<ReturnType<PublicClient['waitForTransactionReceipt']>>> => {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${name} reverted`);
    const floor = await storageFloor(client, hash);
    rows.push(gasRow(name, receipt.gasUsed, floor, note));
    return receipt;
  };

  const now = BigInt(Math.floor(Date.now() / 1000));
  const created = await measure(
    'create union (token, union, governor, timelock, 1 vesting wallet)',
    await wallet(founder).writeContract({
      address: factory,
      abi: unionFactoryAbi,
      functionName: 'createUnion',
      gas: 5n * LIMIT,
      args: [
        {
          name: 'Bench Union',
          charterCid: 'bafkreidbnmlfcqeqeuq6atyhfdmb5hvdxuzarqqc34c2emjxv2tpxvpw5y',
          admissionRule: 0,
          tokenName: 'Bench Token',
          tokenSymbol: 'BEN',
          joinGrant: parseEther('100'),
          treasuryReserve: parseEther('1000000'),
          allocations: [{ beneficiary: founder, amount: parseEther('200000') }],
          vesting: { start: now, cliff: 86400n * 180n, duration: 86400n * 730n },
          governance: { votingDelay: 60, votingPeriod: 3 * 86400, proposalThreshold: 0n, quorumPercent: 4n, timelockDelay: 86400n },
        },
      ],
    }),
    'anchors: 3 full deployments 7,333,588; 3 clones + init 743,271',
  );
  const [event] = parseEventLogs({ abi: unionFactoryAbi, logs: created.logs, eventName: 'UnionCreated' });
  if (!event) throw new Error('no UnionCreated');
  const union = event.args.union;

  // A block apart so each join pays for its own total-supply checkpoint, as joins in real life do.
  await client.request({ method: 'evm_mine' as 'eth_chainId' });
  await measure('join (open)', await wallet(joiner).writeContract({ address: union, abi: unionAbi, functionName: 'join', gas: LIMIT }), 'anchors: OZ transfer 51,613 new / 34,513 existing; first delegate 95,654');

  const invite = { inviter: founder, invitee, nonce: 7n, deadline: now + 86400n };
  const signature = await wallet(founder).signTypedData({
    domain: { name: 'Network Union', version: '1', chainId: chain.id, verifyingContract: union },
    types: INVITE_TYPES,
    primaryType: 'Invite',
    message: invite,
  });
  await client.request({ method: 'evm_mine' as 'eth_chainId' });
  await measure('join (invite)', await wallet(invitee).writeContract({ address: union, abi: unionAbi, functionName: 'joinWithInvite', args: [invite, signature], gas: LIMIT }), 'EIP-712 voucher, one-time nonce');
  return rows;
}

export function gasRow(name: string, gas: bigint, floor: number, note: string): Row {
  const ratio = Number(gas) / floor;
  return { name: `gas: ${name}`, value: Number(gas).toLocaleString('en-US'), note: `floor ${floor.toLocaleString('en-US')} → ${ratio.toFixed(2)}× · ${note}` };
}

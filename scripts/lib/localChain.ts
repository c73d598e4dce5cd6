// Acting on a local chain as anvil's unlocked accounts (anvil signs, so no key is in code): the
// seed, the bench and the e2e fixtures write through here, with the same simulate → estimate with
// headroom → send path the site takes, so none of them trips over anvil's low estimates.
import {
  createPublicClient,
  createWalletClient,
  getAddress,
  http,
  parseEventLogs,
  type Abi,
  type Address,
  type Chain,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hex,
  type PublicClient,
  type SimulateContractParameters,
  type TransactionReceipt,
} from 'viem';
import { foundry } from 'viem/chains';
import { unionFactoryAbi } from '../../web/lib/chain/abi/generated.ts';
import { padGas } from '../../web/lib/chain/gas.ts';
import { INVITE_TYPES, type Invite } from '../../web/lib/union/invite.ts';
import { commitmentDomain, commitmentTypedData, type CommitmentMessage } from '../../web/lib/demands/typedData.ts';

export interface LocalChain {
  rpcUrl: string;
  chain: Chain;
  client: PublicClient;
}

export function localChain(rpcUrl: string, chainId: number = foundry.id): LocalChain {
  const chain = { ...foundry, id: chainId, rpcUrls: { default: { http: [rpcUrl] } } };
  return { rpcUrl, chain, client: createPublicClient({ chain, transport: http(rpcUrl) }) as PublicClient };
}

/** Moves anvil's clock forward by `seconds` and mines a block at the new time. */
export async function advanceClock(lc: LocalChain, seconds: number): Promise<void> {
  await lc.client.request({ method: 'evm_increaseTime' as 'eth_chainId', params: [seconds] as never });
  await lc.client.request({ method: 'evm_mine' as 'eth_chainId' });
}

/** Mines `blocks` empty blocks (anvil_mine), e.g. past a dispute's seed block so its panel can be drawn. */
export async function mineBlocks(lc: LocalChain, blocks: number): Promise<void> {
  await lc.client.request({ method: 'anvil_mine' as 'eth_chainId', params: [`0x${blocks.toString(16)}`] as never });
}

/** anvil's unlocked accounts, in its deterministic order. */
export function unlockedAccounts(lc: LocalChain): Promise<Address[]> {
  return createWalletClient({ chain: lc.chain, transport: http(lc.rpcUrl) }).getAddresses();
}

function walletOf(lc: LocalChain, account: Address) {
  return createWalletClient({ account, chain: lc.chain, transport: http(lc.rpcUrl) });
}

/** Sends one contract call from `from` and waits for it; a revert throws. */
export async function send<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
  const args extends ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>,
>(lc: LocalChain, from: Address, call: Omit<SimulateContractParameters<abi, functionName, args>, 'account' | 'chain'>): Promise<TransactionReceipt> {
  // Type-checked against the ABI at the caller; one shape from here on (as in web/lib/chain/write.ts).
  const params = { ...call, account: from } as unknown as SimulateContractParameters;
  const { request } = await lc.client.simulateContract(params);
  const gas = padGas(await lc.client.estimateContractGas(request));
  const hash = await walletOf(lc, from).writeContract({ ...request, gas });
  const receipt = await lc.client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${String(call.functionName)} (${hash}) reverted`);
  return receipt;
}

/**
 * Deploys a compiled contract from `from` and waits for it: its address, checksummed. A revert or a receipt
 * without an address throws, naming `what` (the stack's official artifacts, the bench's anchors).
 */
export async function deployAndWait(lc: LocalChain, from: Address, what: string, contract: { abi: Abi; bytecode: Hex }, args: readonly unknown[] = []): Promise<Address> {
  const hash = await walletOf(lc, from).deployContract({ abi: contract.abi, bytecode: contract.bytecode, args });
  const receipt = await lc.client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`deploying ${what} failed (${hash})`);
  return getAddress(receipt.contractAddress);
}

/** The inviter's EIP-712 signature on an invite voucher for `union`. */
export function signInvite(lc: LocalChain, union: Address, invite: Invite): Promise<Hex> {
  return walletOf(lc, invite.inviter).signTypedData({
    domain: { name: 'Network Union', version: '1', chainId: lc.chain.id, verifyingContract: union },
    types: INVITE_TYPES,
    primaryType: 'Invite',
    message: invite,
  });
}

/** A member's EIP-712 commitment to a demand of the shared Demands contract at `demands` (as the web app asks it). */
export async function signCommitment(lc: LocalChain, demands: Address, message: CommitmentMessage): Promise<Hex> {
  const domain = commitmentDomain(await lc.client.getChainId(), demands);
  return walletOf(lc, message.member).signTypedData(commitmentTypedData(domain, message));
}

/** The contracts a createUnion receipt made (from the factory's UnionCreated event). */
export function unionContractsIn(receipt: TransactionReceipt): { union: Address; token: Address; governor: Address; timelock: Address } {
  const [created] = parseEventLogs({ abi: unionFactoryAbi, logs: receipt.logs, eventName: 'UnionCreated' });
  if (!created) throw new Error('createUnion emitted no UnionCreated event');
  const { union, token, governor, timelock } = created.args;
  return { union, token, governor, timelock };
}

/** The union a createUnion receipt made. */
export function unionCreatedIn(receipt: TransactionReceipt): Address {
  return unionContractsIn(receipt).union;
}

// EIP-5792 wallets (issue 15), in Chromium against /ipfs/<cid>/: a member whose wallet offers wallet_sendCalls
// pledges to a campaign — an approval and the pledge — in one wallet request, with no permit signature and no
// separate transaction, and the pledge is on-chain. Two wallets (fixtures/callsWallet.ts), each holding its own
// key (mnemonic accounts 48 and 49, beyond anvil's 48 unlocked ones, so no other spec's account is touched):
// an EIP-7702 wallet that runs the calls atomically as one transaction from the member's own address (through
// @account-abstraction/contracts' Simple7702Account), and an EOA wallet without atomicity that sends them as two
// transactions in order, the status from their receipts.
import { expect, test } from '@playwright/test';
import { parseEther, parseEventLogs, toHex, type Address, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { crowdfundAbi, unionAbi, unionTokenAbi } from '../../web/lib/chain/abi/generated.ts';
import { localChain, send, type LocalChain } from '../../scripts/lib/localChain.ts';
import { CallsWallet, deploySimple7702, type CallsWalletMode } from './fixtures/callsWallet.ts';
import { vouchDirectly } from './fixtures/governance.ts';
import { expectConfirmed, openMember, reportPagesOnFailure, type Member } from './fixtures/member.ts';
import { rejectNextRequest } from './fixtures/testWallet.ts';
import { e2eStack } from './fixtures/stack.ts';

test.describe.configure({ mode: 'serial' });

const MNEMONIC = 'test test test test test test test test test test test junk';
const keyOf = (index: number): Hex => toHex(mnemonicToAccount(MNEMONIC, { addressIndex: index }).getHdKey().privateKey!);

let union: Address;
let founder: Address;
let ben: Address;
let crowdfund: Address;
let campaign: bigint;
let delegate: Address;
const members: Member[] = [];

function chain(): LocalChain {
  const { config } = e2eStack();
  return localChain(config.chain.rpcUrl, config.chain.id);
}

async function rpc(method: string, params: unknown[]): Promise<unknown> {
  return chain().client.request({ method: method as 'eth_chainId', params: params as never });
}

/** A member of the demo union, trusted (so holding its join grant), with ETH, acting through `wallet`. */
async function admit(wallet: CallsWallet): Promise<void> {
  await rpc('anvil_setBalance', [wallet.address, toHex(parseEther('10'))]);
  await rpc('anvil_impersonateAccount', [wallet.address]);
  await send(chain(), wallet.address, { address: union, abi: unionAbi, functionName: 'join' });
  await rpc('anvil_stopImpersonatingAccount', [wallet.address]);
  await vouchDirectly(union, wallet.address, [founder, ben]);
}

function callsWallet(index: number, mode: CallsWalletMode): CallsWallet {
  const { config } = e2eStack();
  return new CallsWallet({ rpcUrl: config.chain.rpcUrl, chainId: config.chain.id, privateKey: keyOf(index), mode, delegate });
}

test.beforeAll(async () => {
  const stack = e2eStack();
  union = stack.demoUnion;
  [founder, ben] = stack.demoMembers as [Address, Address];
  crowdfund = stack.config.contracts.crowdfund as Address;
  const c = chain();
  // The delegate is deployed by account 49 (the sequential wallet's own key), once for this file.
  await rpc('anvil_setBalance', [mnemonicToAccount(MNEMONIC, { addressIndex: 49 }).address, toHex(parseEther('10'))]);
  delegate = await deploySimple7702(stack.config.chain.rpcUrl, stack.config.chain.id, keyOf(49));
  const charter = await c.client.readContract({ address: union, abi: unionAbi, functionName: 'charterCid' });
  const head = await c.client.getBlock({ blockTag: 'latest' });
  const created = await send(c, founder, {
    address: crowdfund,
    abi: crowdfundAbi,
    functionName: 'createCampaign',
    args: [{ union, descriptionCid: charter, recipient: founder, goal: parseEther('1000'), deadline: Number(head.timestamp) + 7 * 86400, roundId: 0n }],
  });
  const [event] = parseEventLogs({ abi: crowdfundAbi, logs: created.logs, eventName: 'CampaignCreated' });
  campaign = event!.args.campaignId;
});

test.afterEach(async ({}, testInfo) => {
  await reportPagesOnFailure(testInfo, members);
});

test.afterAll(async () => {
  await Promise.all(members.map((m) => m.close()));
});

/**
 * Pledges 10 through the page and returns the transactions of the Approval and the Pledged logs. With
 * `rejectFirst` the member first says no to the wallet's request: the sentence is write.ts's, the amount they
 * typed stays, nothing is on-chain; the second try goes through.
 */
async function pledgeThroughPage(
  wallet: CallsWallet,
  browser: import('@playwright/test').Browser,
  rejectFirst = false,
): Promise<{ approvalTx: Hex; pledgeTx: Hex }> {
  const member = await openMember(browser, wallet.address, {}, wallet);
  members.push(member);
  const c = chain();
  const token = await c.client.readContract({ address: union, abi: unionAbi, functionName: 'token' });
  expect(await c.client.readContract({ address: token, abi: unionTokenAbi, functionName: 'allowance', args: [wallet.address, crowdfund] })).toBe(0n);
  const from = await c.client.getBlockNumber();
  await member.open(`/u/${union}/fund/${campaign}`);
  await member.connect();
  await member.page.getByTestId('pledge-amount').fill('10');
  if (rejectFirst) {
    await rejectNextRequest(member.page);
    await member.page.getByTestId('pledge-submit').click();
    await expect(member.page.getByTestId('error-message').last()).toHaveText('You rejected the request in your wallet');
    await expect(member.page.getByTestId('pledge-amount')).toHaveValue('10');
    expect(await c.client.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'pledgeOf', args: [campaign, wallet.address] })).toBe(0n);
  }
  await member.page.getByTestId('pledge-submit').click();
  await expectConfirmed(member.page);
  await expect(member.page.getByTestId('tx-status').last()).toHaveAttribute('data-paid-by', 'member');

  expect(await c.client.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'pledgeOf', args: [campaign, wallet.address] })).toBe(parseEther('10'));
  // One wallet request: no permit signature, no eth_sendTransaction of the page's own.
  expect(wallet.log.filter((m) => m === 'wallet_sendCalls')).toHaveLength(1);
  expect(wallet.log).not.toContain('eth_sendTransaction');
  expect(wallet.log).not.toContain('eth_signTypedData_v4');

  const [approval] = await c.client.getContractEvents({ address: token, abi: unionTokenAbi, eventName: 'Approval', args: { owner: wallet.address, spender: crowdfund }, fromBlock: from + 1n });
  const [pledged] = await c.client.getContractEvents({ address: crowdfund, abi: crowdfundAbi, eventName: 'Pledged', args: { campaignId: campaign, pledger: wallet.address }, fromBlock: from + 1n });
  expect(approval).toBeDefined();
  expect(pledged).toBeDefined();
  return { approvalTx: approval!.transactionHash, pledgeTx: pledged!.transactionHash };
}

test('an EIP-7702 wallet approves and pledges atomically: one wallet request, one transaction from the member', async ({ browser }) => {
  const wallet = callsWallet(48, 'atomic');
  await admit(wallet);
  const { approvalTx, pledgeTx } = await pledgeThroughPage(wallet, browser);
  expect(pledgeTx).toBe(approvalTx);
  const tx = await chain().client.getTransaction({ hash: pledgeTx });
  expect(tx.from.toLowerCase()).toBe(wallet.address.toLowerCase());
  expect(tx.to?.toLowerCase()).toBe(wallet.address.toLowerCase());
  expect(tx.type).toBe('eip7702');
  expect((await chain().client.getCode({ address: wallet.address }))?.toLowerCase()).toBe(`0xef0100${delegate.slice(2).toLowerCase()}`);
});

test('an EOA wallet without atomicity sends the approval and the pledge as two transactions in order; a rejection keeps the draft', async ({ browser }) => {
  const wallet = callsWallet(49, 'sequential');
  await admit(wallet);
  const { approvalTx, pledgeTx } = await pledgeThroughPage(wallet, browser, true);
  expect(pledgeTx).not.toBe(approvalTx);
  const c = chain();
  const [approval, pledge] = await Promise.all([c.client.getTransactionReceipt({ hash: approvalTx }), c.client.getTransactionReceipt({ hash: pledgeTx })]);
  expect(approval.from.toLowerCase()).toBe(wallet.address.toLowerCase());
  expect(pledge.from.toLowerCase()).toBe(wallet.address.toLowerCase());
  expect(approval.blockNumber < pledge.blockNumber || approval.transactionIndex < pledge.transactionIndex).toBe(true);
});

// EIP-5792 batches (issue 15) against a real anvil with the deployed contracts: web/lib/chain/calls.ts sends an
// approval and a pledge as one wallet_sendCalls to the e2e's CallsWallet (its own key, signing locally) — as an
// EIP-7702 wallet, one transaction from the member's address; as an EOA wallet without atomicity, two in order —
// polls wallet_getCallsStatus to receipts, and turns the failures into write.ts's sentences: a pledge the
// simulation refuses never reaches the wallet, a wallet on another chain is named, and a batch the wallet turns
// down (a paymaster service it cannot use) falls back with nothing sent. It lives with the web tests (their
// `$lib` alias, which web/lib/chain needs) but starts its own anvil, so each test sets its own timeout.
import '../../../scripts/stack/polyfill.mjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEther, parseEventLogs, toHex, type Address, type EIP1193Provider, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployLocal, LOCAL_DEPLOYER, type Deployment } from '../../../scripts/stack/deploy.ts';
import { startAnvil, type AnvilHandle } from '../../../scripts/stack/processes.ts';
import { localChain, send, unionCreatedIn, type LocalChain } from '../../../scripts/lib/localChain.ts';
import { unionParams } from '../../../scripts/lib/unionParams.ts';
import { projectRoot } from '../../../scripts/lib/tools.ts';
import { crowdfundAbi, unionAbi, unionFactoryAbi } from '../../../web/lib/chain/abi/generated.ts';
import { batchCall, planBatch, writeCalls, type BatchCall } from '../../../web/lib/chain/calls.ts';
import { approvalCall } from '../../../web/lib/chain/permit.ts';
import { resetClients } from '../../../web/lib/chain/client.ts';
import { contractErrorSentence } from '../../../web/lib/chain/errors.ts';
import { parseConfig, resetConfig } from '../../../web/lib/config/index.ts';
import { CallsWallet, deploySimple7702, WalletRpcError, type CallsWalletMode } from '../../e2e/fixtures/callsWallet.ts';
import { testPort } from '../ports.ts';

const SLOW = 60_000;

const MNEMONIC = 'test test test test test test test test test test test junk';
const keyOf = (index: number): Hex => toHex(mnemonicToAccount(MNEMONIC, { addressIndex: index }).getHdKey().privateKey!);
const LOCAL_METHODS = new Set(['eth_sendTransaction', 'personal_sign', 'eth_signTypedData_v4', 'wallet_getCapabilities', 'wallet_sendCalls', 'wallet_getCallsStatus']);

let dataDir: string;
let anvil: AnvilHandle;
let deployment: Deployment;
let lc: LocalChain;
let union: Address;
let token: Address;
let campaign: bigint;
let delegate: Address;

/** An EIP-1193 provider over `wallet` (anvil for reads), claiming `chainId`. */
function providerOf(wallet: CallsWallet | null, chainId = anvil.chainId): EIP1193Provider {
  return {
    async request({ method, params }: { method: string; params?: unknown }) {
      if (method === 'eth_chainId') return toHex(chainId);
      if (wallet && LOCAL_METHODS.has(method)) {
        try {
          return await wallet.handle(method, (params ?? []) as unknown[]);
        } catch (e) {
          if (e instanceof WalletRpcError) throw Object.assign(new Error(e.message), { code: e.code });
          throw e;
        }
      }
      return lc.client.request({ method: method as 'eth_chainId', params: params as never });
    },
    on: () => undefined,
    removeListener: () => undefined,
  } as unknown as EIP1193Provider;
}

function walletFor(index: number, mode: CallsWalletMode): CallsWallet {
  return new CallsWallet({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId, privateKey: keyOf(index), mode, delegate });
}

/** A trusted member of the union (its join grant, 100 tokens): anvil account `index`, vouched for by the founder. */
async function admit(address: Address): Promise<void> {
  await send(lc, address, { address: union, abi: unionAbi, functionName: 'join' });
  await send(lc, LOCAL_DEPLOYER, { address: union, abi: unionAbi, functionName: 'back', args: [address] });
}

const pledgeOf = (member: Address): Promise<bigint> =>
  lc.client.readContract({ address: deployment.crowdfund, abi: crowdfundAbi, functionName: 'pledgeOf', args: [campaign, member] });

function pledgeCalls(amount: bigint): BatchCall[] {
  return [
    approvalCall(token, deployment.crowdfund, amount),
    batchCall('the pledge', { address: deployment.crowdfund, abi: crowdfundAbi, functionName: 'pledge', args: [campaign, amount] }),
  ];
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(projectRoot, '.data', 'calls-test-'));
  anvil = await startAnvil({ NU_DATA_DIR: dataDir, NU_ANVIL_PORT: testPort(18467) });
  deployment = await deployLocal(anvil.rpcUrl, dataDir, anvil.chainId);
  lc = localChain(anvil.rpcUrl, anvil.chainId);
  const created = await send(lc, LOCAL_DEPLOYER, {
    address: deployment.unionFactory,
    abi: unionFactoryAbi,
    functionName: 'createUnion',
    args: [unionParams({ name: 'Calls test union' })],
  });
  union = unionCreatedIn(created);
  token = await lc.client.readContract({ address: union, abi: unionAbi, functionName: 'token' });
  const head = await lc.client.getBlock({ blockTag: 'latest' });
  const made = await send(lc, LOCAL_DEPLOYER, {
    address: deployment.crowdfund,
    abi: crowdfundAbi,
    functionName: 'createCampaign',
    args: [{ union, descriptionCid: 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy', recipient: LOCAL_DEPLOYER, goal: parseEther('1000'), deadline: Number(head.timestamp) + 7 * 86400, roundId: 0n }],
  });
  const [event] = parseEventLogs({ abi: crowdfundAbi, logs: made.logs, eventName: 'CampaignCreated' });
  campaign = event!.args.campaignId;
  delegate = await deploySimple7702(anvil.rpcUrl, anvil.chainId, keyOf(9));
  resetClients();
  resetConfig(
    parseConfig({
      chain: { id: anvil.chainId, name: 'Local anvil', rpcUrl: anvil.rpcUrl },
      contracts: { unionFactory: deployment.unionFactory, deployBlock: 0, crowdfund: deployment.crowdfund },
      ceramic: { url: 'http://127.0.0.1:7007', models: { profile: 'kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god9' } },
      ipfs: { gateway: 'http://127.0.0.1:8080', uploadUrl: 'http://127.0.0.1:5001/api/v0/add' },
    }),
  );
}, 300_000);

afterAll(async () => {
  resetConfig();
  resetClients();
  await anvil?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('writeCalls', () => {
  it('an EIP-7702 wallet runs approve + pledge atomically: one request, one transaction from the member', async () => {
    const wallet = walletFor(1, 'atomic');
    await admit(wallet.address);
    const signer = { provider: providerOf(wallet), account: wallet.address };
    const plan = await planBatch(signer);
    expect(plan).toEqual({ atomic: true, paymasterService: null });
    const result = await writeCalls(signer, pledgeCalls(parseEther('10')), plan!);
    expect(result?.receipts).toHaveLength(1);
    expect(result?.receipt.from.toLowerCase()).toBe(wallet.address.toLowerCase());
    expect(await pledgeOf(wallet.address)).toBe(parseEther('10'));
    expect(wallet.log.filter((m) => m === 'wallet_sendCalls')).toHaveLength(1);
    expect(wallet.log).toContain('wallet_getCallsStatus');
  }, SLOW);

  it('an EOA wallet without atomicity sends them as two transactions in order', async () => {
    const wallet = walletFor(2, 'sequential');
    await admit(wallet.address);
    const signer = { provider: providerOf(wallet), account: wallet.address };
    const plan = await planBatch(signer);
    expect(plan).toEqual({ atomic: false, paymasterService: null });
    const result = await writeCalls(signer, pledgeCalls(parseEther('10')), plan!);
    expect(result?.receipts).toHaveLength(2);
    expect(result!.receipts[0]!.blockNumber).toBeLessThanOrEqual(result!.receipts[1]!.blockNumber);
    expect(await pledgeOf(wallet.address)).toBe(parseEther('10'));
  }, SLOW);

  it('a pledge the chain would refuse is decoded before the wallet opens', async () => {
    const wallet = walletFor(3, 'atomic');
    await admit(wallet.address);
    const signer = { provider: providerOf(wallet), account: wallet.address };
    const plan = (await planBatch(signer))!;
    await expect(writeCalls(signer, pledgeCalls(parseEther('1000')), plan)).rejects.toThrow(contractErrorSentence('ERC20InsufficientBalance'));
    expect(wallet.log).not.toContain('wallet_sendCalls');
    expect(await pledgeOf(wallet.address)).toBe(0n);
  }, SLOW);

  it('names the chain when the wallet is on another one', async () => {
    const wallet = walletFor(3, 'atomic');
    const signer = { provider: providerOf(wallet, 1), account: wallet.address };
    await expect(writeCalls(signer, pledgeCalls(parseEther('1')), { atomic: true, paymasterService: null })).rejects.toThrow(
      `Your wallet is on chain 1; switch it to Local anvil (chain ${anvil.chainId})`,
    );
    expect(wallet.log).not.toContain('wallet_sendCalls');
  }, SLOW);

  it('a batch the wallet turns down (a paymaster service it cannot use, 5700) falls back with nothing sent', async () => {
    const wallet = walletFor(3, 'atomic');
    const signer = { provider: providerOf(wallet), account: wallet.address };
    const nonce = await lc.client.getTransactionCount({ address: wallet.address });
    const plan = { atomic: true, paymasterService: { url: 'https://pm.example.org/rpc', context: null } };
    expect(await writeCalls(signer, pledgeCalls(parseEther('1')), plan)).toBeNull();
    expect(wallet.log).toContain('wallet_sendCalls');
    expect(await lc.client.getTransactionCount({ address: wallet.address })).toBe(nonce);
  }, SLOW);
});

describe('planBatch', () => {
  it('is null for a wallet without EIP-5792, and for a member with 0 ETH when no paymaster service applies', async () => {
    const plain = mnemonicToAccount(MNEMONIC, { addressIndex: 4 }).address;
    expect(await planBatch({ provider: providerOf(null), account: plain })).toBeNull();
    const broke = walletFor(5, 'atomic');
    await lc.client.request({ method: 'anvil_setBalance' as 'eth_chainId', params: [broke.address, '0x0'] as never });
    expect(await planBatch({ provider: providerOf(broke), account: broke.address })).toBeNull();
    expect(broke.log).toEqual(['wallet_getCapabilities']);
  }, SLOW);
});

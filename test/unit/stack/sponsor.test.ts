// Gas sponsorship against the real local relay (issue 15): anvil, the EntryPoint v0.8 from its official
// artifact, the deploy script (relay account, paymaster), the alto bundler, and a union whose steward enabled
// sponsorship. Fresh keys with 0 ETH accept an invite and back a member through web/lib/sponsor/userOp.ts;
// a stranger is refused with the paymaster's reason, and pays nothing.
import './helpers.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEther, zeroAddress, type Address } from 'viem';
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount, type HDAccount, type PrivateKeyAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureEntryPoint } from '../../../scripts/stack/bundler.ts';
import { deployLocal, LOCAL_DEPLOYER, type Deployment } from '../../../scripts/stack/deploy.ts';
import { startAnvil, startBundler, type AnvilHandle, type BundlerHandle } from '../../../scripts/stack/processes.ts';
import { seedSponsorship } from '../../../scripts/stack/seed/sponsorship.ts';
import { localChain, send, signInvite, unionContractsIn, type LocalChain } from '../../../scripts/lib/localChain.ts';
import { projectRoot } from '../../../scripts/lib/tools.ts';
import { unionAbi, unionFactoryAbi, unionPaymasterAbi } from '../../../web/lib/chain/abi/generated.ts';
import { sendSponsored, SponsorError, type SponsorSetup } from '../../../web/lib/sponsor/userOp.ts';
import { encodeFunctionData } from 'viem';
import { testPort } from '../ports.ts';

let dataDir: string;
let anvil: AnvilHandle;
let bundler: BundlerHandle;
let deployment: Deployment;
let lc: LocalChain;
let setup: SponsorSetup;
let union: Address;
const founder = LOCAL_DEPLOYER;

beforeAll(async () => {
  dataDir = await mkdtemp(join(projectRoot, '.data', 'sponsor-test-'));
  const env = { NU_DATA_DIR: dataDir, NU_ANVIL_PORT: testPort(18447), NU_BUNDLER_PORT: testPort(18437) };
  anvil = await startAnvil(env);
  const entryPoint = await ensureEntryPoint(anvil.rpcUrl, anvil.chainId);
  deployment = await deployLocal(anvil.rpcUrl, dataDir, anvil.chainId, entryPoint);
  bundler = await startBundler(anvil.rpcUrl, env);
  lc = localChain(anvil.rpcUrl, anvil.chainId);
  const now = BigInt(Math.floor(Date.now() / 1000));
  const created = await send(lc, founder, {
    address: deployment.unionFactory,
    abi: unionFactoryAbi,
    functionName: 'createUnion',
    args: [
      {
        name: 'Sponsor test union',
        charterCid: 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy',
        admissionRule: 0,
        tokenName: 'Sponsor Token',
        tokenSymbol: 'SPT',
        joinGrant: parseEther('100'),
        treasuryReserve: parseEther('1000'),
        allocations: [],
        vesting: { start: now, cliff: 0n, duration: 1n },
        governance: { votingDelay: 60, votingPeriod: 86400, proposalThreshold: 0n, quorumPercent: 4n, timelockDelay: 86400n },
        foundingMembers: [],
        trust: { vouchThreshold: 1, inviteQuota: 10, invitePeriod: 86400n },
      },
    ],
  });
  const c = unionContractsIn(created);
  union = c.union;
  await seedSponsorship({
    rpcUrl: anvil.rpcUrl,
    paymaster: deployment.paymaster,
    steward: founder,
    union,
    governor: c.governor,
    crowdfund: deployment.crowdfund,
    demands: deployment.demands,
    courses: deployment.courses,
    funding: parseEther('1'),
  });
  setup = {
    bundlerUrl: bundler.url,
    entryPoint: deployment.entryPoint,
    relayAccount: deployment.relayAccount,
    paymaster: deployment.paymaster,
    chainId: anvil.chainId,
  };
}, 600_000);

afterAll(async () => {
  await bundler?.stop();
  await anvil?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function signer(account: PrivateKeyAccount | HDAccount) {
  return (typedData: Parameters<PrivateKeyAccount['signTypedData']>[0]) => account.signTypedData(typedData);
}

async function sponsorBalance(): Promise<bigint> {
  return lc.client.readContract({ address: deployment.paymaster, abi: unionPaymasterAbi, functionName: 'balanceOf', args: [union] });
}

describe('sponsored actions through the local alto bundler', () => {
  const newcomer = privateKeyToAccount(generatePrivateKey());

  it('deployed the EntryPoint at its canonical address and the relay as every contract’s forwarder', () => {
    expect(deployment.entryPoint).toBe('0x4337084D9E255Ff0702461CF8895CE9E3b5Ff108');
    expect(deployment.relayAccount).not.toBe(zeroAddress);
    expect(deployment.paymaster).not.toBe(zeroAddress);
  });

  it('a newcomer with 0 ETH accepts an invite, paid by the union', async () => {
    const invite = { inviter: founder, invitee: newcomer.address, claimKey: zeroAddress, nonce: 1n, deadline: BigInt(Math.floor(Date.now() / 1000) + 86400) };
    const signature = await signInvite(lc, union, invite);
    const before = await sponsorBalance();
    const result = await sendSponsored(
      lc.client,
      setup,
      { member: newcomer.address, union, target: union, data: encodeFunctionData({ abi: unionAbi, functionName: 'joinWithInvite', args: [invite, signature, '0x'] }) },
      signer(newcomer),
    );
    expect(await lc.client.readContract({ address: union, abi: unionAbi, functionName: 'isMember', args: [newcomer.address] })).toBe(true);
    expect(await lc.client.readContract({ address: union, abi: unionAbi, functionName: 'isTrusted', args: [newcomer.address] })).toBe(true);
    expect(await lc.client.getBalance({ address: newcomer.address })).toBe(0n);
    expect(result.charged).toBeGreaterThan(0n);
    expect(before - (await sponsorBalance())).toBe(result.charged);
  }, 120_000);

  it('the newcomer backs the founder, still with 0 ETH', async () => {
    const result = await sendSponsored(
      lc.client,
      setup,
      { member: newcomer.address, union, target: union, data: encodeFunctionData({ abi: unionAbi, functionName: 'back', args: [founder] }) },
      signer(newcomer),
    );
    expect(await lc.client.readContract({ address: union, abi: unionAbi, functionName: 'isBacking', args: [newcomer.address, founder] })).toBe(true);
    expect(await lc.client.getBalance({ address: newcomer.address })).toBe(0n);
    expect(result.receipt.status).toBe('success');
  }, 120_000);

  it('a stranger is refused before anything is sent, and the union pays nothing', async () => {
    const stranger = privateKeyToAccount(generatePrivateKey());
    const before = await sponsorBalance();
    const attempt = sendSponsored(
      lc.client,
      setup,
      { member: stranger.address, union, target: union, data: encodeFunctionData({ abi: unionAbi, functionName: 'back', args: [founder] }) },
      signer(stranger),
    );
    // the back itself would revert (not a member): the relay's dry run says so before the wallet is asked
    await expect(attempt).rejects.toMatchObject({ name: 'SponsorError', errorName: 'Union_NotMember' });
    expect(await sponsorBalance()).toBe(before);
  }, 120_000);

  it('a member nobody vouched for is refused by the paymaster through the bundler', async () => {
    // anvil account 30 joins paying its own gas (open union), untrusted: no vouch yet
    const joiner = mnemonicToAccount('test test test test test test test test test test test junk', { addressIndex: 30 });
    await send(lc, joiner.address, { address: union, abi: unionAbi, functionName: 'join' });
    const before = await sponsorBalance();
    const attempt = sendSponsored(
      lc.client,
      setup,
      { member: joiner.address, union, target: union, data: encodeFunctionData({ abi: unionAbi, functionName: 'back', args: [founder] }) },
      signer(joiner),
    );
    await expect(attempt).rejects.toBeInstanceOf(SponsorError);
    await expect(attempt).rejects.toMatchObject({ errorName: 'UnionPaymaster_NotTrusted' });
    await expect(attempt).rejects.toThrow(/trusted members/);
    expect(await sponsorBalance()).toBe(before);
    expect(await lc.client.readContract({ address: union, abi: unionAbi, functionName: 'isBacking', args: [joiner.address, founder] })).toBe(false);
  }, 120_000);
});

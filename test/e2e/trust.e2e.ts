// Trust, following and exit (issue 12) with three wallets against the built site at /ipfs/<cid>/, in a union
// that needs two vouches: a newcomer joins and sees why they have no votes yet, the founder and the founding
// member vouch for them from their page, and their grant and votes arrive (on the page and on chain); the
// newcomer's "Back and follow" moves their votes to the founder and Withdraw returns them; an invite is listed and
// revoked (by its inviter, and another's by the steward); while a passed proposal waits in the timelock, the
// founding member exits with exactly the share the page showed; and votes left with a dead follow are reclaimed.
import { expect, test } from '@playwright/test';
import { encodeFunctionData, erc20Abi, keccak256, parseAbi, parseEther, parseEventLogs, toBytes, type Address } from 'viem';
import { unionAbi, unionFactoryAbi, unionGovernorAbi, unionTimelockAbi, unionTokenAbi } from '../../web/lib/chain/abi/generated.ts';
import { localChain, send, unionContractsIn } from '../../scripts/lib/localChain.ts';
import { openMember, type Member } from './fixtures/member.ts';
import { anvilAccount, e2eStack } from './fixtures/stack.ts';
import { advanceTime } from './fixtures/governance.ts';

test.describe.configure({ mode: 'serial' });

const F = anvilAccount(13); // founder
const M = anvilAccount(29); // founding member: trusted from the start
const N = anvilAccount(33); // newcomer (36–39 are the gasless spec's and the bundler's)
const TIMES = { votingDelay: 1, votingPeriod: 120, timelockDelay: 30 } as const;
const GRANT = parseEther('10');
const wethAbi = parseAbi(['function deposit() payable', 'function transfer(address to, uint256 amount) returns (bool)', 'function balanceOf(address) view returns (uint256)']);

let c: { union: Address; token: Address; governor: Address; timelock: Address };
let founder: Member;
let member: Member;
let newcomer: Member;

function lc() {
  const { config } = e2eStack();
  return localChain(config.chain.rpcUrl, config.chain.id);
}
const votesOf = (a: Address) => lc().client.readContract({ address: c.token, abi: unionTokenAbi, functionName: 'getVotes', args: [a] });

/** In-app (hash) navigation: the document stays, so the connected wallet stays connected. */
async function go(m: Member, route: string): Promise<void> {
  await m.page.evaluate((r) => {
    location.hash = r;
  }, route);
}

/** Reloads the page; the wallet reconnects by itself (web3-onboard remembers it). */
async function reload(m: Member): Promise<void> {
  await m.page.reload();
  await expect(m.page.getByTestId('wallet-account')).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
  const receipt = await send(lc(), F, {
    address: e2eStack().config.contracts.unionFactory,
    abi: unionFactoryAbi,
    functionName: 'createUnion',
    args: [
      {
        name: `Trust ${Date.now()}`,
        charterCid: 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy',
        admissionRule: 0,
        tokenName: 'Trust Token',
        tokenSymbol: 'TRU',
        joinGrant: GRANT,
        treasuryReserve: parseEther('1000'),
        allocations: [],
        vesting: { start: 0n, cliff: 0n, duration: 1n },
        governance: { ...TIMES, proposalThreshold: 0n, quorumPercent: 50n, timelockDelay: BigInt(TIMES.timelockDelay) },
        foundingMembers: [M],
        trust: { vouchThreshold: 2, inviteQuota: 3, invitePeriod: 30n * 86400n },
      },
    ],
  });
  c = unionContractsIn(receipt);
  founder = await openMember(browser, F);
  member = await openMember(browser, M);
  newcomer = await openMember(browser, N);
  for (const m of [founder, member, newcomer]) {
    await m.open(`/u/${c.union}`);
    await m.connect();
    m.page.on('dialog', (d) => void d.accept());
  }
});

test.afterAll(async () => {
  await Promise.all([founder, member, newcomer].map((m) => m?.close()));
});

test('a newcomer joins, is vouched for by two trusted members, and gains the grant and votes', async () => {
  const { page } = newcomer;
  await page.getByTestId('join-union').click();
  await expect(page.getByTestId('membership-status')).toHaveAttribute('data-status', 'member', { timeout: 60_000 });
  await expect(page.getByTestId('trust-headline')).toHaveText('Not yet vouched: your grant and votes unlock when 2 trusted members back you');
  await expect(page.getByTestId('trust-meanwhile')).toHaveText('Meanwhile you can post and reply, list services, be hired.');
  await expect(page.getByTestId('trust-votes')).toHaveAttribute('data-votes', '0');
  expect(await votesOf(N)).toBe(0n);
  // the founder and the founding member see that they are trusted
  for (const m of [founder, member]) {
    await expect(m.page.getByTestId('trust-standing')).toHaveAttribute('data-trusted', 'true');
    await expect(m.page.getByTestId('trust-headline')).toHaveText('You are trusted: your grant is minted and your votes count');
  }

  // the founder vouches from the newcomer's page: one of two
  await go(founder, `/u/${c.union}/m/${N}`);
  await founder.page.getByTestId('back-button').click();
  await expect(founder.page.getByTestId('backing-panel')).toHaveAttribute('data-backing', 'true', { timeout: 60_000 });
  await expect(founder.page.getByTestId('trust-standing')).toHaveAttribute('data-vouches', '1');
  await expect(founder.page.getByTestId('trust-vouchers-item')).toHaveCount(1);
  expect(await votesOf(N)).toBe(0n);
  await reload(newcomer);
  await expect(page.getByTestId('trust-headline')).toHaveText('Vouched by 1 of 2: your grant and votes unlock when 2 trusted members back you');
  await expect(page.getByTestId('trust-vouchers-item')).toHaveAttribute('data-address', F.toLowerCase());

  // the founding member's back is the second vouch: trust, the grant minted and self-delegated
  await go(member, `/u/${c.union}/m/${N}`);
  await member.page.getByTestId('back-button').click();
  await expect(member.page.getByTestId('backing-panel')).toHaveAttribute('data-backing', 'true', { timeout: 60_000 });
  await expect(member.page.getByTestId('trust-standing')).toHaveAttribute('data-trusted', 'true');
  expect(await votesOf(N)).toBe(GRANT);
  await reload(newcomer);
  await expect(page.getByTestId('trust-headline')).toHaveText('You are trusted: your grant is minted and your votes count');
  await expect(page.getByTestId('trust-votes')).toHaveAttribute('data-votes', GRANT.toString());
  await expect(page.getByTestId('trust-vouchers-item')).toHaveCount(2);
});

test('"Back and follow" moves the newcomer’s votes to the founder, and the governance page shows them', async () => {
  const { page } = newcomer;
  await go(newcomer, `/u/${c.union}/m/${F}`);
  await page.getByTestId('back-follow-button').click();
  await expect(page.getByTestId('backing-panel')).toHaveAttribute('data-following', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('following-note')).toBeVisible();
  expect(await votesOf(N)).toBe(0n);
  expect(await votesOf(F)).toBe(2n * GRANT);

  await go(newcomer, `/u/${c.union}/govern`);
  const row = page.locator(`[data-testid="leader-votes-item"][data-address="${F.toLowerCase()}"]`);
  await expect(row).toHaveAttribute('data-followed', GRANT.toString());
  await expect(row).toHaveAttribute('data-votes', (2n * GRANT).toString());
  await expect(row.getByTestId('leader-rank')).toHaveText(/^#\d+$/);
  await expect(page.getByTestId('my-votes')).toHaveText('0');
});

test('an invite is listed with the quota left and revoked, and its link is refused', async () => {
  const { page } = founder;
  await go(founder, `/u/${c.union}`);
  await expect(page.getByTestId('invite-quota')).toHaveAttribute('data-left', '3');
  await page.getByTestId('create-invite').click();
  const link = await page.getByTestId('invite-link').inputValue();
  await expect(page.getByTestId('invite-open-item')).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByTestId('invite-revoke').click();
  await expect(page.getByTestId('invite-revoke-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  await expect(page.getByTestId('invite-open-item')).toHaveCount(0);
  // revoking spends no quota; the link is now refused before any transaction
  await expect(page.getByTestId('invite-quota')).toHaveAttribute('data-left', '3');
  await member.page.goto(link);
  await expect(member.page.getByTestId('invite-problem')).toHaveAttribute('data-problem', 'used');

  // the steward revokes another member's invite from its link
  await member.open(`/u/${c.union}`);
  await expect(member.page.getByTestId('wallet-account')).toBeVisible();
  await expect(member.page.getByTestId('steward-revoke')).toHaveCount(0);
  await member.page.getByTestId('create-invite').click();
  const membersLink = await member.page.getByTestId('invite-link').inputValue();
  await page.getByTestId('steward-revoke-link').fill(membersLink);
  await page.getByTestId('steward-revoke').click();
  await expect(page.getByTestId('invite-revoke-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  await member.page.reload();
  await expect(member.page.getByTestId('wallet-account')).toBeVisible();
  await expect(member.page.getByTestId('invite-open-item')).toHaveCount(0);
  await newcomer.page.goto(membersLink);
  await expect(newcomer.page.getByTestId('invite-problem')).toHaveAttribute('data-problem', 'used');
  await newcomer.open(`/u/${c.union}`);
  await expect(newcomer.page.getByTestId('wallet-account')).toBeVisible();
});

test('while a passed proposal is queued, a member who did not vote for it exits with exactly the share shown', async () => {
  const chain = lc();
  const { weth } = e2eStack().config.uniswap ?? { weth: null };
  if (!weth) throw new Error('the e2e stack has no WETH (Uniswap) to put in the treasury');
  // the treasury holds ETH and WETH besides its own tokens
  await send(chain, F, { address: weth, abi: wethAbi, functionName: 'deposit', value: parseEther('0.7') });
  await send(chain, F, { address: weth, abi: wethAbi, functionName: 'transfer', args: [c.timelock, parseEther('0.7')] });
  await chain.client.request({ method: 'anvil_setBalance' as 'eth_chainId', params: [c.timelock, '0xde0b6b3a7640000'] as never }); // 1 ETH
  await advanceTime(2);

  // a proposal passes on the founder's votes (theirs and the newcomer's, who follows them) and is queued
  const pay = { targets: [c.token], values: [0n], calldatas: [encodeTransfer(F, parseEther('1'))] };
  const description = 'Pay the founder 1 TRU';
  const proposed = await send(chain, F, {
    address: c.governor,
    abi: unionGovernorAbi,
    functionName: 'propose',
    args: [pay.targets, pay.values, pay.calldatas, description],
  });
  const [created] = parseEventLogs({ abi: unionGovernorAbi, logs: proposed.logs, eventName: 'ProposalCreated' });
  const id = created!.args.proposalId;
  await advanceTime(TIMES.votingDelay + 1);
  await send(chain, F, { address: c.governor, abi: unionGovernorAbi, functionName: 'castVote', args: [id, 1] });
  await advanceTime(TIMES.votingPeriod + 1);
  await send(chain, F, { address: c.governor, abi: unionGovernorAbi, functionName: 'queue', args: [pay.targets, pay.values, pay.calldatas, keccak256(toBytes(description))] });

  // who may not exit, and why
  await go(founder, `/u/${c.union}/govern/${id}`);
  await expect(founder.page.getByTestId('ragequit-blocked')).toHaveAttribute('data-reason', 'voted-for');
  await go(newcomer, `/u/${c.union}/govern/${id}`);
  await expect(newcomer.page.getByTestId('ragequit-blocked')).toHaveAttribute('data-reason', 'no-votes-at-snapshot');

  // the founding member did not vote: they may exit with up to their 10 votes; they choose 4
  const { page } = member;
  await member.open(`/u/${c.union}/govern/${id}`);
  await expect(page.getByTestId('wallet-account')).toBeVisible(); // reconnected after the invite page's full load
  await expect(page.getByTestId('proposal-state')).toHaveText('Queued');
  await expect(page.getByTestId('ragequit-allowance')).toHaveText('10');
  await page.getByTestId('ragequit-amount').fill('4');
  const shownEth = BigInt((await page.getByTestId('ragequit-eth').getAttribute('data-wei'))!);
  const tokenRow = page.locator(`[data-testid="ragequit-token"][data-address="${weth.toLowerCase()}"]`);
  const shownWeth = BigInt((await tokenRow.getAttribute('data-units'))!);
  // the page's figure is the contract's formula: 4 / (supply - the timelock's own tokens)
  const supply = await chain.client.readContract({ address: c.token, abi: unionTokenAbi, functionName: 'totalSupply' });
  const own = await chain.client.readContract({ address: c.token, abi: unionTokenAbi, functionName: 'balanceOf', args: [c.timelock] });
  expect(supply - own).toBe(3n * GRANT);
  expect(shownEth).toBe((parseEther('1') * parseEther('4')) / (supply - own));
  expect(shownWeth).toBe((parseEther('0.7') * parseEther('4')) / (supply - own));

  // the phone-layout walk meets no queued proposal: the exit panel must fit 390 px here
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const [ethBefore, wethBefore, treasuryEthBefore] = await Promise.all([
    chain.client.getBalance({ address: M }),
    chain.client.readContract({ address: weth, abi: wethAbi, functionName: 'balanceOf', args: [M] }),
    chain.client.getBalance({ address: c.timelock }),
  ]);
  await page.getByTestId('ragequit-button').click();
  await expect(page.getByTestId('ragequit-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  await expect(page.getByTestId('ragequit-done')).toBeVisible();

  // on chain: paid exactly the figure shown (ETH net of the member's gas), 4 TRU burnt, membership ended
  const logs = await chain.client.getContractEvents({ address: c.timelock, abi: unionTimelockAbi, eventName: 'Ragequit', fromBlock: proposed.blockNumber, strict: true });
  expect(logs).toHaveLength(1);
  expect(logs[0]!.args.eth).toBe(shownEth);
  const receipt = await chain.client.getTransactionReceipt({ hash: logs[0]!.transactionHash });
  const gas = receipt.gasUsed * receipt.effectiveGasPrice;
  expect(await chain.client.getBalance({ address: M })).toBe(ethBefore + shownEth - gas);
  expect(await chain.client.getBalance({ address: c.timelock })).toBe(treasuryEthBefore - shownEth);
  expect(await chain.client.readContract({ address: weth, abi: wethAbi, functionName: 'balanceOf', args: [M] })).toBe(wethBefore + shownWeth);
  expect(await chain.client.readContract({ address: c.token, abi: unionTokenAbi, functionName: 'balanceOf', args: [M] })).toBe(GRANT - parseEther('4'));
  expect(await chain.client.readContract({ address: c.union, abi: unionAbi, functionName: 'isMember', args: [M] })).toBe(false);
});

/** The proposal's one call: the timelock pays `amount` of its union tokens to `to`. */
function encodeTransfer(to: Address, amount: bigint): `0x${string}` {
  return encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] });
}

test('withdrawing a followed back returns the follower’s votes', async () => {
  const { page } = newcomer;
  await go(newcomer, `/u/${c.union}/m/${F}`);
  await expect(page.getByTestId('backing-panel')).toHaveAttribute('data-following', 'true');
  await expect(page.getByTestId('unback-button')).toHaveText('Withdraw backing and take my votes back');
  await page.getByTestId('unback-button').click();
  await expect(page.getByTestId('backing-panel')).toHaveAttribute('data-backing', 'false', { timeout: 60_000 });
  expect(await votesOf(N)).toBe(GRANT);
  expect(await votesOf(F)).toBe(GRANT);
  await go(newcomer, `/u/${c.union}`);
  await expect(page.getByTestId('trust-votes')).toHaveAttribute('data-votes', GRANT.toString());
});

test('votes left with a leader whose back died are taken back with one click', async () => {
  const { page } = newcomer;
  const chain = lc();
  await go(newcomer, `/u/${c.union}/m/${F}`);
  await page.getByTestId('back-follow-button').click();
  await expect(page.getByTestId('backing-panel')).toHaveAttribute('data-following', 'true', { timeout: 60_000 });
  // the newcomer leaves and rejoins: the follow edge died with the old membership, the votes stayed with F
  await send(chain, N, { address: c.union, abi: unionAbi, functionName: 'leave' });
  await send(chain, N, { address: c.union, abi: unionAbi, functionName: 'join' });
  expect(await votesOf(F)).toBe(2n * GRANT);
  // away and back, so the member page reads the chain afresh
  await go(newcomer, `/u/${c.union}`);
  await expect(page.getByTestId('membership-status')).toHaveAttribute('data-status', 'member');
  await go(newcomer, `/u/${c.union}/m/${F}`);
  await expect(page.getByTestId('backing-panel')).toHaveAttribute('data-backing', 'false');
  await expect(page.getByTestId('reclaim-note')).toBeVisible();
  await page.getByTestId('reclaim-button').click();
  await expect(page.getByTestId('reclaim-button')).toHaveCount(0, { timeout: 60_000 });
  expect(await chain.client.readContract({ address: c.token, abi: unionTokenAbi, functionName: 'delegates', args: [N] })).toBe(N);
  expect(await votesOf(F)).toBe(GRANT);
});

// Taking part with no ETH (issue 15), in Chromium against /ipfs/<cid>/: an account that holds 0 ETH from
// start to end accepts a trusted member's invite to the demo union and, once vouched for, backs a member — each
// act a user operation the union's paymaster pays, relayed by the stack's real alto bundler; the balance stays
// 0 and each act is on-chain; then it votes on a proposal made after it was trusted and pledges to a campaign
// (an ERC-2612 permit signature, then the sponsored pledge), commits to the demo demand and enrols in the demo
// course, and withdraws its back. A member nobody vouched for, also with 0 ETH, is refused with the reason.
import { expect, test } from '@playwright/test';
import { encodeFunctionData, parseEther, parseEventLogs, toHex, type Address } from 'viem';
import { coursesAbi, crowdfundAbi, demandsAbi, unionAbi, unionGovernorAbi, unionTimelockAbi } from '../../web/lib/chain/abi/generated.ts';
import { localChain, send, type LocalChain } from '../../scripts/lib/localChain.ts';
import { vouchDirectly } from './fixtures/governance.ts';
import { expectConfirmed, openMember, type Member } from './fixtures/member.ts';
import { anvilAccount, e2eStack } from './fixtures/stack.ts';

test.describe.configure({ mode: 'serial' });

const newcomerAddress = anvilAccount(36);
const strangerAddress = anvilAccount(37);
let union: Address;
let founder: Address;
let ben: Address;
let inviter: Member;
let newcomer: Member;
let stranger: Member;

function chain(): LocalChain {
  const { config } = e2eStack();
  return localChain(config.chain.rpcUrl, config.chain.id);
}

async function setBalance(account: Address, wei: bigint): Promise<void> {
  await chain().client.request({ method: 'anvil_setBalance' as 'eth_chainId', params: [account, toHex(wei)] as never });
}

const balanceOf = (account: Address): Promise<bigint> => chain().client.getBalance({ address: account });
const isMember = (account: Address): Promise<boolean> =>
  chain().client.readContract({ address: union, abi: unionAbi, functionName: 'isMember', args: [account] });
const isBacking = (backer: Address, leader: Address): Promise<boolean> =>
  chain().client.readContract({ address: union, abi: unionAbi, functionName: 'isBacking', args: [backer, leader] });

test.beforeAll(async ({ browser }) => {
  const stack = e2eStack();
  union = stack.demoUnion;
  [founder, ben] = stack.demoMembers as [Address, Address];
  await setBalance(newcomerAddress, 0n);
  // the stranger joins the open union paying its own gas, then holds nothing: a member nobody vouched for
  await send(chain(), strangerAddress, { address: union, abi: unionAbi, functionName: 'join' });
  await setBalance(strangerAddress, 0n);
  inviter = await openMember(browser, ben);
  newcomer = await openMember(browser, newcomerAddress);
  stranger = await openMember(browser, strangerAddress);
});

test.afterAll(async () => {
  await Promise.all([inviter, newcomer, stranger].map((m) => m?.close()));
});

test('a newcomer with 0 ETH accepts an invite; the union pays the gas', async () => {
  await inviter.open(`/u/${union}`);
  await inviter.connect();
  await inviter.page.getByTestId('create-invite').click();
  const link = inviter.page.getByTestId('invite-link');
  await expect(link).toHaveValue(/#\/u\/0x[0-9a-fA-F]{40}\/invite\//);

  expect(await balanceOf(newcomerAddress)).toBe(0n);
  const { page } = newcomer;
  await page.goto(await link.inputValue());
  await newcomer.connect();
  await expect(page.getByTestId('invite-card')).toBeVisible();
  await page.getByTestId('redeem-invite').click();
  await expect(page).toHaveURL(new RegExp(`#/u/${union}$`, 'i'), { timeout: 60_000 });
  expect(await isMember(newcomerAddress)).toBe(true);
  expect(await balanceOf(newcomerAddress)).toBe(0n);
});

test('vouched for, the newcomer backs a member, still with 0 ETH, and is told the treasury paid', async () => {
  // Ben's invite was one vouch; the demo union needs two
  await vouchDirectly(union, newcomerAddress, [founder]);
  const { page } = newcomer;
  await newcomer.open(`/u/${union}/m/${ben}`);
  await page.getByTestId('back-button').click();
  await expectConfirmed(page);
  const status = page.getByTestId('tx-status').last();
  await expect(status).toHaveAttribute('data-paid-by', 'union');
  await expect(status).toContainText('treasury paid the gas');
  expect(await isBacking(newcomerAddress, ben)).toBe(true);
  expect(await balanceOf(newcomerAddress)).toBe(0n);
});

test('the newcomer votes with 0 ETH; the union pays the gas', async () => {
  const c = chain();
  const timelock = await c.client.readContract({ address: union, abi: unionAbi, functionName: 'timelock' });
  const governor = await c.client.readContract({ address: timelock, abi: unionTimelockAbi, functionName: 'governor' });
  const charter = await c.client.readContract({ address: union, abi: unionAbi, functionName: 'charterCid' });
  const proposed = await send(c, founder, {
    address: governor,
    abi: unionGovernorAbi,
    functionName: 'propose',
    args: [[union], [0n], [encodeFunctionData({ abi: unionAbi, functionName: 'setCharter', args: [charter] })], 'Keep the charter (gasless vote test)'],
  });
  const [created] = parseEventLogs({ abi: unionGovernorAbi, logs: proposed.logs, eventName: 'ProposalCreated' });
  const id = created!.args.proposalId;
  // the demo's voting delay is 60 s of real time (this project leaves the chain clock alone): wait, then mine
  await new Promise((resolve) => setTimeout(resolve, 62_000));
  await c.client.request({ method: 'evm_mine' as 'eth_chainId' });
  const { page } = newcomer;
  await newcomer.open(`/u/${union}/govern/${id}`);
  await page.getByTestId('vote-for').click();
  const status = page.getByTestId('vote-status');
  await expect(status).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  await expect(status).toHaveAttribute('data-paid-by', 'union');
  expect(await c.client.readContract({ address: governor, abi: unionGovernorAbi, functionName: 'hasVoted', args: [id, newcomerAddress] })).toBe(true);
  expect(await balanceOf(newcomerAddress)).toBe(0n);
});

test('the newcomer pledges its join grant with a permit signature and 0 ETH; the union pays the gas', async () => {
  const c = chain();
  const crowdfund = e2eStack().config.contracts.crowdfund as Address;
  const charter = await c.client.readContract({ address: union, abi: unionAbi, functionName: 'charterCid' });
  const head = await c.client.getBlock({ blockTag: 'latest' });
  const created = await send(c, founder, {
    address: crowdfund,
    abi: crowdfundAbi,
    functionName: 'createCampaign',
    args: [{ union, descriptionCid: charter, recipient: founder, goal: parseEther('1000'), deadline: Number(head.timestamp) + 7 * 86400, roundId: 0n }],
  });
  const [event] = parseEventLogs({ abi: crowdfundAbi, logs: created.logs, eventName: 'CampaignCreated' });
  const id = event!.args.campaignId;
  const { page } = newcomer;
  await newcomer.open(`/u/${union}/fund/${id}`);
  await page.getByTestId('pledge-amount').fill('10');
  await page.getByTestId('pledge-submit').click();
  await expectConfirmed(page);
  await expect(page.getByTestId('tx-status').last()).toHaveAttribute('data-paid-by', 'union');
  expect(await c.client.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'pledgeOf', args: [id, newcomerAddress] })).toBe(parseEther('10'));
  expect(await balanceOf(newcomerAddress)).toBe(0n);
});

test('the newcomer commits to the demo demand with 0 ETH, tipping it over; the union pays for both acts', async () => {
  const c = chain();
  const demands = e2eStack().config.contracts.demands as Address;
  const [created] = await c.client.getContractEvents({ address: demands, abi: demandsAbi, eventName: 'DemandCreated', args: { union }, fromBlock: 0n, strict: true });
  expect(created, 'the seed creates a demand in the demo union').toBeDefined();
  const id = created!.args.demandId;
  const { page } = newcomer;
  await newcomer.open(`/u/${union}/demands/${id}`);
  await page.getByTestId('demand-commit').click();
  // once active the page shows the demand's outcome instead of the commit panel and its status line
  await expect(page.getByTestId('demand-state')).toHaveText('Active', { timeout: 90_000 });
  expect(await c.client.readContract({ address: demands, abi: demandsAbi, functionName: 'isCommitted', args: [id, newcomerAddress] })).toBe(true);
  // the seed leaves the demo demand one commitment short: this one reaches the threshold, and the page's
  // activation that follows is sponsored too
  const demand = await c.client.readContract({ address: demands, abi: demandsAbi, functionName: 'getDemand', args: [id] });
  expect(demand.activatedBlock).toBeGreaterThan(0n);
  expect(await balanceOf(newcomerAddress)).toBe(0n);
});

test('the newcomer enrols in the demo course with 0 ETH; the union pays the gas', async () => {
  const c = chain();
  const courses = e2eStack().config.contracts.courses as Address;
  const [registered] = await c.client.getContractEvents({ address: courses, abi: coursesAbi, eventName: 'CourseRegistered', args: { union }, fromBlock: 0n, strict: true });
  expect(registered, 'the seed registers a course in the demo union').toBeDefined();
  const id = registered!.args.courseId;
  const { page } = newcomer;
  await newcomer.open(`/u/${union}/courses/${id}`);
  await page.getByTestId('course-enrol').click();
  const status = page.getByTestId('course-tx');
  await expect(status).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  await expect(status).toHaveAttribute('data-paid-by', 'union');
  await expect(page.getByTestId('course-enrolled')).toBeVisible({ timeout: 30_000 });
  expect(await c.client.readContract({ address: courses, abi: coursesAbi, functionName: 'isEnrolled', args: [id, newcomerAddress] })).toBe(true);
  expect(await balanceOf(newcomerAddress)).toBe(0n);
});

test('the newcomer withdraws the back with 0 ETH; the page says the treasury paid', async () => {
  const { page } = newcomer;
  await newcomer.open(`/u/${union}/m/${ben}`);
  await page.getByTestId('unback-button').click();
  await expectConfirmed(page);
  const status = page.getByTestId('tx-status').last();
  await expect(status).toHaveAttribute('data-paid-by', 'union');
  await expect(status).toContainText('Backing withdrawn — the union’s treasury paid the gas');
  expect(await isBacking(newcomerAddress, ben)).toBe(false);
  expect(await balanceOf(newcomerAddress)).toBe(0n);
});

test('a member nobody vouched for is refused sponsorship with the reason, and pays nothing', async () => {
  const { page } = stranger;
  await stranger.open(`/u/${union}/m/${ben}`);
  await stranger.connect();
  await page.getByTestId('back-button').click();
  const status = page.getByTestId('tx-status').last();
  await expect(status).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(page.getByTestId('error-message')).toContainText('trusted members');
  expect(await isBacking(strangerAddress, ben)).toBe(false);
  expect(await balanceOf(strangerAddress)).toBe(0n);
});

// Crowdfunding and swapping in a phone-sized Chromium against the site at /ipfs/<cid>/, with three
// members in their own wallets on a fresh union: a campaign succeeds and pays its recipient; another
// misses its goal and every pledger takes their pledge back; a member sells tokens for ETH on the
// official Uniswap V2 router with a minimum; and a swap the pool moved away from is refused.
import { expect, test, type Page } from '@playwright/test';
import { createUnionDirectly, tokenBalance } from './fixtures/chain.ts';
import { addLiquidity, ether, increaseTime, joinUnion, poolReserves, sellTokens } from './fixtures/fundSwap.ts';
import { proposeCampaign } from './fixtures/campaignForm.ts';
import { expectConfirmed, openMember, type Member } from './fixtures/member.ts';
import { anvilAccount, e2eStack } from './fixtures/stack.ts';

// Several wallets, each write a real transaction: on two shared cores a journey can take minutes.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const FOUNDER = anvilAccount(22);
const ALICE = anvilAccount(23);
const BOB = anvilAccount(24);
const RECIPIENT = anvilAccount(25);
const DAY = 86_400;

let union: `0x${string}`;
let founder: Member;
let alice: Member;
let bob: Member;
let recipient: Member;

test.beforeAll(async ({ browser }) => {
  union = await createUnionDirectly(FOUNDER, 'Commons Crowd', 'bafkqaaa');
  for (const m of [ALICE, BOB, RECIPIENT]) await joinUnion(union, m);
  founder = await openMember(browser, FOUNDER);
  alice = await openMember(browser, ALICE);
  bob = await openMember(browser, BOB);
  recipient = await openMember(browser, RECIPIENT);
  for (const m of [founder, alice, bob, recipient]) {
    await m.open(`/u/${union}/fund`);
    await m.connect();
  }
});

test.afterAll(async () => {
  await Promise.all([founder, alice, bob, recipient].map((m) => m?.close()));
});

/** Proposes a campaign through the form; returns the campaign page's route. */
function propose(m: Member, title: string, goal: string, to: string): Promise<string> {
  return proposeCampaign(m, union, { title, goal, recipient: to });
}

async function pledge(m: Member, route: string, amount: string): Promise<void> {
  await m.open(route);
  await m.page.getByTestId('pledge-amount').fill(amount);
  await m.page.getByTestId('pledge-submit').click();
  await expectConfirmed(m.page);
}

/** Opens `route` and has the page read the chain again (after the clock moved, as a member would). */
async function visit(m: Member, route: string, refresh = 'campaign-refresh'): Promise<void> {
  await m.open(route);
  await m.page.getByTestId(refresh).click();
}

/** Waits for the campaign page to show `amount` raised (it reloads after each confirmed write). */
async function expectRaised(page: Page, amount: bigint): Promise<void> {
  await expect(page.getByTestId('campaign-progress')).toHaveAttribute('data-raised', amount.toString());
}

test('a campaign reaches its goal and its recipient is paid', async () => {
  const route = await propose(alice, 'Shared glossary server', '12', RECIPIENT);
  await expect(alice.page.getByTestId('campaign-status')).toHaveAttribute('data-status', 'open');

  await pledge(alice, route, '5');
  await pledge(bob, route, '5');
  // Pledges can be taken back before the deadline.
  await bob.page.getByTestId('withdraw-amount').fill('1');
  await bob.page.getByTestId('withdraw-submit').click();
  await expectConfirmed(bob.page);
  await expect(bob.page.getByTestId('my-pledge')).toHaveAttribute('data-units', ether('4').toString());
  await pledge(founder, route, '3');
  await expectRaised(founder.page, ether('12'));
  await expect(founder.page.getByTestId('campaign-status')).toHaveAttribute('data-status', 'open');

  const before = await tokenBalance(union, RECIPIENT);
  await increaseTime(DAY + 60);
  await visit(founder, route);
  await expect(founder.page.getByTestId('campaign-status')).toHaveAttribute('data-status', 'succeeded');
  await founder.page.getByTestId('claim-submit').click();
  await expectConfirmed(founder.page);
  await expect(founder.page.getByTestId('campaign-status')).toHaveAttribute('data-status', 'paid');
  expect(await tokenBalance(union, RECIPIENT)).toBe(before + ether('12'));
});

test('a campaign that misses its goal refunds every pledger in full', async () => {
  const route = await propose(bob, 'Translation memory licence', '20', BOB);
  const pledgers: Array<[Member, `0x${string}`, string]> = [
    [founder, FOUNDER, '2'],
    [alice, ALICE, '3'],
    [bob, BOB, '1'],
  ];
  const before = new Map<string, bigint>();
  for (const [m, address, amount] of pledgers) {
    before.set(address, await tokenBalance(union, address));
    await pledge(m, route, amount);
  }
  await expectRaised(bob.page, ether('6'));

  await increaseTime(DAY + 60);
  for (const [m, address, amount] of pledgers) {
    await visit(m, route);
    await expect(m.page.getByTestId('campaign-status')).toHaveAttribute('data-status', 'failed');
    await expect(m.page.getByTestId('my-pledge')).toHaveAttribute('data-units', ether(amount).toString());
    await m.page.getByTestId('refund-submit').click();
    await expectConfirmed(m.page);
    await expect(m.page.getByTestId('nothing-to-refund')).toBeVisible();
    expect(await tokenBalance(union, address)).toBe(before.get(address));
  }
  // The recipient cannot be paid from a failed campaign.
  await expect(bob.page.getByTestId('claim-submit')).toHaveCount(0);
});

test('the demo union has a seeded pool on the official Uniswap V2 contracts', async () => {
  const { demoUnion } = e2eStack();
  const reserves = await poolReserves(demoUnion);
  expect(reserves.token).toBeGreaterThan(0n);
  await recipient.open(`/u/${demoUnion}/swap`);
  await expect(recipient.page.getByTestId('pool-reserve-token')).toHaveAttribute('data-units', reserves.token.toString());
});

test('a member swaps tokens for ETH with a minimum from the slippage tolerance', async () => {
  await addLiquidity(union, FOUNDER, ether('5'), ether('0.05'));
  const { page } = recipient;
  await recipient.open(`/u/${union}/swap`);
  await expect(page.getByTestId('pool-reserve-token')).toHaveAttribute('data-units', ether('5').toString());
  await page.getByTestId('swap-amount').fill('2');
  await page.getByTestId('swap-slippage').fill('1');
  await expect(page.getByTestId('swap-out')).toBeVisible();
  const min = BigInt((await page.getByTestId('swap-min').getAttribute('data-units')) ?? '0');
  const out = BigInt((await page.getByTestId('swap-out').getAttribute('data-units')) ?? '0');
  expect(min).toBe((out * 9900n) / 10000n);

  // First swap of this token: the approve step appears, then the swap button.
  await page.getByTestId('swap-approve').click();
  await expect(page.getByTestId('swap-approve-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  const tokensBefore = await tokenBalance(union, RECIPIENT);
  const reservesBefore = await poolReserves(union);
  await page.getByTestId('swap-submit').click();
  await expect(page.getByTestId('swap-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  expect(await tokenBalance(union, RECIPIENT)).toBe(tokensBefore - ether('2'));
  const reservesAfter = await poolReserves(union);
  const paidOut = reservesBefore.eth - reservesAfter.eth;
  expect(paidOut).toBe(out);
  expect(paidOut).toBeGreaterThanOrEqual(min);
});

test('a swap the pool moved away from is refused with a clear message and nothing moves', async () => {
  const { page } = recipient;
  await visit(recipient, `/u/${union}/swap`, 'pool-refresh');
  await page.getByTestId('swap-amount').fill('1');
  await page.getByTestId('swap-slippage').fill('0.5');
  await page.getByTestId('swap-approve').click();
  await expect(page.getByTestId('swap-approve-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  await expect(page.getByTestId('swap-submit')).toBeEnabled();

  // Between the quote on screen and the member's click, another account sells into the pool.
  await sellTokens(union, ALICE, ether('3'));
  const tokensBefore = await tokenBalance(union, RECIPIENT);
  await page.getByTestId('swap-submit').click();
  await expect(page.getByTestId('swap-status')).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await expect(page.getByTestId('swap-status')).toContainText('The price moved beyond your slippage tolerance');
  expect(await tokenBalance(union, RECIPIENT)).toBe(tokensBefore);
});

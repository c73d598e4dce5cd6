// The market journey with four wallets against the site at /ipfs/<cid>/ on a phone-sized touch
// screen: a member lists a service on Ceramic, another hires it (one permit signature, one funded
// deal), the provider accepts and delivers, the client releases, and the provider withdraws — their
// token balance rises on chain. A second deal is disputed and two of the three arbiters on the panel
// split it 70/30 from their disputes page; both credits are checked on chain.
import { expect, test } from '@playwright/test';
import { parseEther, type Address } from 'viem';
import { createUnionDirectly, tokenBalance } from './fixtures/chain.ts';
import { appointArbiter, escrowCredit, joinUnion, mineToDraw, silentMember } from './fixtures/market.ts';
import { expectConfirmed, openMember, type Member } from './fixtures/member.ts';
import { anvilAccount } from './fixtures/stack.ts';

test.describe.configure({ mode: 'serial' });

const STEWARD = anvilAccount(18); // founder, arbiter
const PROVIDER = anvilAccount(19);
const CLIENT = anvilAccount(20);
const ARBITER = anvilAccount(21);

let union: Address;
let steward: Member;
let provider: Member;
let client: Member;
let arbiter: Member;
let market = '';

test.beforeAll(async ({ browser }) => {
  union = await createUnionDirectly(STEWARD, `Market test ${Date.now()}`, 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy');
  for (const m of [PROVIDER, CLIENT, ARBITER]) await joinUnion(union, m);
  // Three arbiters besides the two parties: the steward, a member in a browser, and one who never votes.
  const silent = await silentMember(union, `5ee${Date.now().toString(16)}`);
  // The third (ARBITER) is appointed by the steward through the market page, in the first test.
  for (const a of [STEWARD, silent]) await appointArbiter(union, STEWARD, a);
  market = `/u/${union}/market`;
  [steward, provider, client, arbiter] = await Promise.all([STEWARD, PROVIDER, CLIENT, ARBITER].map((a) => openMember(browser, a)));
});

test.afterAll(async () => {
  await Promise.all([steward, provider, client, arbiter].map((m) => m?.close()));
});

test('the steward appoints a member as arbiter from the market page', async () => {
  const { page } = steward;
  await steward.open(market);
  await steward.connect();
  await expect(page.getByTestId('arbiter')).toHaveCount(2);
  await page.getByTestId('arbiter-address').fill(ARBITER);
  await page.getByTestId('arbiter-appoint').click();
  await expect(page.getByTestId('arbiter-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  await expect(page.getByTestId('arbiter')).toHaveCount(3);
  await expect(page.locator(`[data-testid="arbiter"][data-address="${ARBITER.toLowerCase()}"]`)).toHaveCount(1);
});

test('a member lists a service on Ceramic and others find it by search', async () => {
  const { page } = provider;
  await provider.open(market);
  await provider.connect();
  // Only the steward gets the appoint form.
  await expect(page.getByTestId('arbiter')).toHaveCount(3);
  await expect(page.getByTestId('arbiter-appoint-form')).toHaveCount(0);
  await page.getByTestId('listing-new').click();
  await page.getByTestId('listing-title').fill('Night-shift rota design');
  await page.getByTestId('listing-description').fill('A fair rota for a ward of twelve, with swap rules.');
  await page.getByTestId('listing-amount').fill('4');
  await page.getByTestId('listing-days').fill('3');
  await page.getByTestId('listing-tags').fill('rota, planning');
  await page.getByTestId('listing-save').click();
  await expect(page.getByTestId('listing-card')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('listing-card-title')).toHaveText('Night-shift rota design');

  await client.open(market);
  await client.connect();
  await client.page.getByTestId('market-search').fill('rota ward');
  await expect(client.page.getByTestId('listing-card')).toHaveCount(1);
  await client.page.getByTestId('market-search').fill('plumbing');
  await expect(client.page.getByTestId('listing-card')).toHaveCount(0);
  await client.page.getByTestId('market-search').fill('');
});

async function hire(amount: string): Promise<string> {
  const { page } = client;
  await page.getByTestId('listing-request').first().click();
  await expect(page.getByTestId('deal-provider')).toHaveValue(new RegExp(PROVIDER.slice(2), 'i'));
  await page.getByTestId('deal-amount').fill(amount);
  await page.getByTestId('deal-open').click();
  await expect(page).toHaveURL(/\/market\/deal\/\d+$/, { timeout: 60_000 });
  await expect(page.getByTestId('deal-status-name')).toHaveAttribute('data-status', 'Proposed');
  return new URL(page.url()).hash.slice(1);
}

async function acceptAndDeliver(dealPath: string): Promise<void> {
  const { page } = provider;
  await provider.open(dealPath);
  await page.getByTestId('deal-action-accept').click();
  await expectConfirmed(page);
  await expect(page.getByTestId('deal-status-name')).toHaveAttribute('data-status', 'Active');
  await page.getByTestId('milestone-action-markDelivered').click();
  await expectConfirmed(page);
  await expect(page.getByTestId('milestone')).toHaveAttribute('data-status', 'Delivered');
}

test('another member hires it, the provider delivers, the client releases and the provider is paid', async () => {
  test.slow(); // a dozen transactions and page loads on a shared two-core machine
  const clientBefore = await tokenBalance(union, CLIENT);
  const dealPath = await hire('4');
  // The deal is funded in the same transaction that opened it (permit, no approval transaction).
  expect(clientBefore - (await tokenBalance(union, CLIENT))).toBe(parseEther('4'));

  await acceptAndDeliver(dealPath);

  await client.open(dealPath);
  await client.page.getByTestId('milestone-action-release').click();
  await expectConfirmed(client.page);
  await expect(client.page.getByTestId('deal-status-name')).toHaveAttribute('data-status', 'Completed');
  await expect(client.page.getByTestId('timeline-entry').filter({ hasText: 'MilestoneReleased' })).toHaveCount(1);

  const before = await tokenBalance(union, PROVIDER);
  expect(await escrowCredit(union, PROVIDER)).toBe(parseEther('4'));
  await provider.open(market);
  await provider.page.getByTestId('market-withdraw').click();
  await expect(provider.page.getByTestId('withdraw-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  expect((await tokenBalance(union, PROVIDER)) - before).toBe(parseEther('4'));
});

test('a disputed deal is split 70/30 by the arbiters on its panel', async () => {
  test.slow();
  await client.open(market);
  const dealPath = await hire('5');
  await acceptAndDeliver(dealPath);

  await client.open(dealPath);
  await client.page.getByTestId('milestone-action-openDispute').click();
  await expectConfirmed(client.page);
  await expect(client.page.getByTestId('milestone')).toHaveAttribute('data-status', 'Disputed');
  // The panel is drawn from a block mined after the dispute opened: the page says so until then.
  await expect(client.page.getByTestId('dispute-draw-wait')).toBeVisible();
  const disputeId = BigInt((await client.page.getByTestId('milestone-dispute').textContent())?.match(/Dispute #(\d+)/)?.[1] ?? '0');
  await mineToDraw(disputeId);
  await client.open(dealPath);
  await client.page.getByTestId('dispute-draw-panel').click();
  await expectConfirmed(client.page);
  await expect(client.page.getByTestId('milestone-dispute')).toContainText('panel votes until');

  const vote = async (judge: Member, connect: boolean): Promise<void> => {
    await judge.open(`${market}/disputes`);
    if (connect) await judge.connect();
    const card = judge.page.getByTestId('panel-dispute');
    await expect(card).toHaveCount(1);
    await card.getByTestId('vote-pct').fill('70');
    await card.getByTestId('vote-submit').click();
  };
  // The first vote is recorded and the dispute stays open; the second equal vote decides it.
  await vote(steward, false); // connected since the first test
  await expect(steward.page.getByTestId('panel-voted')).toHaveText('You voted 70% for the provider.', { timeout: 60_000 });
  await vote(arbiter, true);
  await expect(arbiter.page.getByTestId('panel-dispute-closed')).toContainText('provider 70%', { timeout: 60_000 });
  await expect(arbiter.page.getByTestId('panel-dispute')).toHaveCount(0);

  expect(await escrowCredit(union, PROVIDER)).toBe(parseEther('3.5'));
  expect(await escrowCredit(union, CLIENT)).toBe(parseEther('1.5'));

  await client.open(dealPath);
  await expect(client.page.getByTestId('milestone')).toHaveAttribute('data-status', 'Resolved');
  await expect(client.page.getByTestId('milestone-dispute')).toContainText('provider 70%, client 30%');
  const before = await tokenBalance(union, CLIENT);
  await client.open(market);
  await client.page.getByTestId('market-withdraw').click();
  await expect(client.page.getByTestId('withdraw-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  expect((await tokenBalance(union, CLIENT)) - before).toBe(parseEther('1.5'));
});

// The foundation journey in a phone-sized Chromium against the site at /ipfs/<cid>/, with three
// members acting from their own wallets: found a union, join it openly, join it by invite, own a
// profile — and what a member sees after a reload and through a deep link.
import { expect, test } from '@playwright/test';
import { tokenBalance } from './fixtures/chain.ts';
import { expectConfirmed, openMember, type Member } from './fixtures/member.ts';
import { ACCOUNTS, e2eStack } from './fixtures/stack.ts';

test.describe.configure({ mode: 'serial' });

let founder: Member;
let joiner: Member;
let invitee: Member;
let unionPath = '';
let inviteLink = '';

test.beforeAll(async ({ browser }) => {
  founder = await openMember(browser, ACCOUNTS.a4);
  joiner = await openMember(browser, ACCOUNTS.a5);
  invitee = await openMember(browser, ACCOUNTS.a6);
});

test.afterAll(async () => {
  await Promise.all([founder, joiner, invitee].map((m) => m?.close()));
});

test('a founder creates a union with a charter on IPFS and lands on its page', async () => {
  const { page } = founder;
  await founder.open('/create');
  await founder.connect();
  await page.getByTestId('create-name').fill('Night Nurses Network');
  await page.getByTestId('create-charter').fill('# Night Nurses\n\nWe **share shifts** and bargain together.');
  await page.getByTestId('create-admission-rule').selectOption({ index: 0 });
  await page.getByTestId('create-submit').click();
  await expect(page).toHaveURL(/#\/u\/0x[0-9a-fA-F]{40}$/, { timeout: 60_000 });
  unionPath = new URL(page.url()).hash.slice(1);
  await expect(page.getByTestId('union-name')).toHaveText('Night Nurses Network');
  await expect(page.getByTestId('charter')).toContainText('share shifts');
  await expect(page.getByTestId('membership-status')).toHaveAttribute('data-status', 'member');
  await expect(page.getByTestId('member-item')).toHaveCount(1);
});

test('a second member joins under the open rule and receives the join grant', async () => {
  const { page } = joiner;
  await joiner.open(unionPath);
  await joiner.connect();
  await expect(page.getByTestId('membership-status')).toHaveAttribute('data-status', 'none');
  await page.getByTestId('join-union').click();
  await expectConfirmed(page);
  await expect(page.getByTestId('membership-status')).toHaveAttribute('data-status', 'member');
  await expect(page.getByTestId('member-item')).toHaveCount(2);
  await expect(page.getByTestId('union-member-count')).toHaveText('2');
  const union = unionPath.slice('/u/'.length) as `0x${string}`;
  expect(await tokenBalance(union, ACCOUNTS.a5)).toBe(100n * 10n ** 18n);
});

test('a third member joins through an invite link signed by the founder', async () => {
  await founder.page.getByTestId('create-invite').click();
  const link = founder.page.getByTestId('invite-link');
  await expect(link).toHaveValue(/#\/u\/0x[0-9a-fA-F]{40}\/invite\//);
  inviteLink = await link.inputValue();

  const { page } = invitee;
  await page.goto(inviteLink);
  await invitee.connect();
  await expect(page.getByTestId('invite-card')).toBeVisible();
  await page.getByTestId('redeem-invite').click();
  // On confirmation the invite page moves straight on to the union, so wait for that rather than for
  // a status line that may already be gone.
  await expect(page).toHaveURL(new RegExp(`#${unionPath}$`, 'i'), { timeout: 60_000 });
  await invitee.open(unionPath);
  await expect(page.getByTestId('membership-status')).toHaveAttribute('data-status', 'member');
  await expect(page.getByTestId('member-item')).toHaveCount(3);
});

test('a used invite is refused with a reason before any transaction', async () => {
  const { page } = joiner;
  await page.goto(inviteLink);
  await expect(page.getByTestId('invite-problem')).toContainText(/already (been )?used/i);
  await expect(page.getByTestId('redeem-invite')).toBeDisabled();
});

test('a member saves a profile to Ceramic under their own DID', async () => {
  const { page } = joiner;
  await joiner.open('/me');
  await page.getByTestId('profile-name-input').fill('Rosa Night');
  await page.getByTestId('profile-bio-input').fill('ICU nurse, nights since 2019.');
  await page.getByTestId('profile-links-input').fill('https://example.org/rosa');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
});

test('after a reload the founder sees every member and the new profile', async () => {
  const { page } = founder;
  await page.reload();
  await expect(page.getByTestId('member-item')).toHaveCount(3);
  const rosa = page.locator(`[data-testid="member-item"][data-address="${ACCOUNTS.a5.toLowerCase()}"]`);
  await expect(rosa.getByTestId('member-name')).toHaveText('Rosa Night');
});

test('anyone can read a member profile without a wallet', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${e2eStack().siteUrl}#/m/${ACCOUNTS.a5}`);
  await expect(page.getByTestId('profile-name')).toHaveText('Rosa Night');
  await expect(page.getByTestId('profile-bio')).toHaveText('ICU nurse, nights since 2019.');
  await context.close();
});

test('a deep link to a union page opens directly from the gateway path', async ({ browser }) => {
  const { siteUrl, demoUnion, demoMembers } = e2eStack();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${siteUrl}#/u/${demoUnion}`);
  await expect(page.getByTestId('union-name')).toHaveText("The Translators' Union");
  // Other tests may join the demo union too; the seeded members must all be listed, with profiles.
  for (const member of demoMembers) {
    await expect(page.locator(`[data-testid="member-item"][data-address="${member.toLowerCase()}"]`)).toBeVisible();
  }
  await expect(page.getByTestId('member-name').first()).toHaveText('Ada Founder');
  await context.close();
});

test('every union page sits in one shell: its tabs once, and a bad address named as such', async ({ browser }) => {
  const { siteUrl, demoUnion } = e2eStack();
  const context = await browser.newContext();
  const page = await context.newPage();
  // The layout draws the section tabs once for every page of the union, deep pages included.
  for (const section of ['', '/market', '/govern', '/courses']) {
    await page.goto(`${siteUrl}#/u/${demoUnion}${section}`);
    await expect(page.getByTestId('union-nav')).toHaveCount(1);
  }
  // The [union=address] matcher refuses anything that is not an address, in hash routing too.
  await page.goto(`${siteUrl}#/u/not-an-address/market`);
  await expect(page.getByTestId('union-error')).toHaveText('“not-an-address” is not a union address.');
  await expect(page.getByTestId('union-error')).toHaveAttribute('data-from', 'matcher'); // the route never matched
  await expect(page.getByTestId('union-nav')).toHaveCount(0);
  await context.close();
});

// Bad input and faults, as a member meets them: a rejected signature, a reverted transaction, an
// unreachable Ceramic node, a charter missing from IPFS, a wallet on the wrong chain. Each must give
// a clear message and lose nothing the member typed.
import { expect, test } from '@playwright/test';
import { createUnionDirectly } from './fixtures/chain.ts';
import { openMember } from './fixtures/member.ts';
import { ACCOUNTS, e2eStack } from './fixtures/stack.ts';
import { rejectNextRequest } from './fixtures/testWallet.ts';

test('a rejected signature leaves the create form as it was', async ({ browser }) => {
  const founder = await openMember(browser, ACCOUNTS.a7);
  const { page } = founder;
  await founder.open('/create');
  await founder.connect();
  await page.getByTestId('create-name').fill('Couriers Collective');
  await page.getByTestId('create-charter').fill('Riders who own their routes.');
  await rejectNextRequest(page);
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('error-message')).toContainText(/rejected/i);
  await expect(page).toHaveURL(/#\/create$/);
  await expect(page.getByTestId('create-name')).toHaveValue('Couriers Collective');
  await expect(page.getByTestId('create-charter')).toHaveValue('Riders who own their routes.');
  await founder.close();
});

test('a reverted transaction shows the contract error in plain words', async ({ browser }) => {
  const { demoUnion } = e2eStack();
  const first = await openMember(browser, ACCOUNTS.a8);
  const stale = await openMember(browser, ACCOUNTS.a8);
  await stale.open(`/u/${demoUnion}`);
  await stale.connect();
  await expect(stale.page.getByTestId('join-union')).toBeEnabled();

  await first.open(`/u/${demoUnion}`);
  await first.connect();
  await first.page.getByTestId('join-union').click();
  await expect(first.page.getByTestId('membership-status')).toHaveAttribute('data-status', 'member', { timeout: 60_000 });

  // The stale tab still offers Join; the chain refuses with Union_AlreadyMember.
  await stale.page.getByTestId('join-union').click();
  await expect(stale.page.getByTestId('error-message')).toContainText('You are already a member');
  await Promise.all([first.close(), stale.close()]);
});

test('with Ceramic unreachable the profile save fails clearly and the draft survives a reload', async ({ browser }) => {
  const { config } = e2eStack();
  const member = await openMember(browser, ACCOUNTS.a9);
  const { page } = member;
  await page.context().route(`${config.ceramic.url}/**`, (route) => route.abort('connectionrefused'));
  await member.open('/me');
  await member.connect();
  await page.getByTestId('profile-name-input').fill('Offline Olu');
  await page.getByTestId('profile-bio-input').fill('Typed while the node was down.');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-status')).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(page.getByTestId('profile-status')).toContainText(/Ceramic/);

  await page.reload();
  await expect(page.getByTestId('profile-draft-restored')).toBeVisible();
  await expect(page.getByTestId('profile-name-input')).toHaveValue('Offline Olu');
  await expect(page.getByTestId('profile-bio-input')).toHaveValue('Typed while the node was down.');
  await member.close();
});

test('a charter that is nowhere on IPFS gives a message instead of hanging', async ({ browser }) => {
  // A well-formed CID of bytes no node has.
  const missing = 'bafkreidbnmlfcqeqeuq6atyhfdmb5hvdxuzarqqc34c2emjxv2tpxvpw5y';
  const union = await createUnionDirectly(ACCOUNTS.a9, 'Union With Lost Charter', missing);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${e2eStack().siteUrl}#/u/${union}`);
  await expect(page.getByTestId('union-name')).toHaveText('Union With Lost Charter');
  await expect(page.getByTestId('charter-error')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('charter-error')).toContainText(/could not be found|not found|IPFS/i);
  await expect(page.getByTestId('member-item')).toHaveCount(1);
  await context.close();
});

test('a wallet on the wrong chain is offered a switch before it can act', async ({ browser }) => {
  const member = await openMember(browser, ACCOUNTS.a7, { startChainId: 1 });
  const { page } = member;
  await member.open('/create');
  await page.getByTestId('connect-wallet').click();
  await page.getByRole('button', { name: 'Anvil Test Wallet' }).click();
  await expect(page.getByTestId('wallet-switch-chain')).toBeVisible();
  await page.getByTestId('create-name').fill('Switchers');
  await expect(page.getByTestId('create-submit')).toBeDisabled();
  await page.getByTestId('wallet-switch-chain').click();
  await expect(page.getByTestId('wallet-switch-chain')).toHaveCount(0);
  await expect(page.getByTestId('wallet-chain')).toBeVisible();
  await expect(page.getByTestId('create-submit')).toBeEnabled();
  await member.close();
});

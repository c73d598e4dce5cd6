// Backing and the leaders page in a phone-sized Chromium against the site at /ipfs/<cid>/, with
// three wallets in a fresh union: A backs the founder from the founder's member page and the
// leaders page reorders; the ranking survives a reload (from IndexedDB), and with the chain down a
// reload still draws the last ranking while saying the check failed; A withdraws; the support
// graph draws a leader's base; nobody is offered to back themself.
import { expect, test, type Page } from '@playwright/test';
import type { Address } from 'viem';
import { unionAbi } from '../../web/lib/chain/abi/generated.ts';
import { localChain, send } from '../../scripts/lib/localChain.ts';
import { createUnionDirectly } from './fixtures/chain.ts';
import { expectConfirmed, openMember, type Member } from './fixtures/member.ts';
import { anvilAccount, e2eStack } from './fixtures/stack.ts';

test.describe.configure({ mode: 'serial' });

const F = anvilAccount(10); // founder
const A = anvilAccount(11);
const B = anvilAccount(12);
let union: Address;
let a: Member;
let founder: Member;

function unionCall(from: Address, call: { functionName: 'join' } | { functionName: 'back'; leader: Address }): Promise<unknown> {
  const { config } = e2eStack();
  const lc = localChain(config.chain.rpcUrl, config.chain.id);
  return call.functionName === 'join'
    ? send(lc, from, { address: union, abi: unionAbi, functionName: 'join' })
    : send(lc, from, { address: union, abi: unionAbi, functionName: 'back', args: [call.leader] });
}

const leader = (page: Page, address: Address) => page.locator(`[data-testid="leader-item"][data-address="${address.toLowerCase()}"]`);

async function scoreOf(page: Page, address: Address): Promise<number> {
  return Number(await leader(page, address).getAttribute('data-score'));
}

test.beforeAll(async ({ browser }) => {
  // A fresh union (the demo union may carry other files' members): F founds, A and B join, B backs A.
  union = await createUnionDirectly(F, 'Backing Test Union', 'bafkreidbnmlfcqeqeuq6atyhfdmb5hvdxuzarqqc34c2emjxv2tpxvpw5y');
  await unionCall(A, { functionName: 'join' });
  await unionCall(B, { functionName: 'join' });
  await unionCall(B, { functionName: 'back', leader: A });
  a = await openMember(browser, A);
  founder = await openMember(browser, F);
});

test.afterAll(async () => {
  await Promise.all([a, founder].map((m) => m?.close()));
});

test('the leaders page ranks members by support from synced events', async () => {
  const { page } = a;
  await a.open(`/u/${union}/leaders`);
  await expect(page.getByTestId('union-nav')).toBeVisible();
  await expect(page.getByTestId('leader-item')).toHaveCount(3);
  // B backs A: A leads, with one direct backer; the founder has none yet
  await expect(page.getByTestId('leader-item').first()).toHaveAttribute('data-address', A.toLowerCase());
  await expect(leader(page, A)).toHaveAttribute('data-backers', '1');
  await expect(leader(page, F)).toHaveAttribute('data-backers', '0');
  await expect(leader(page, F).getByTestId('leader-share')).toHaveText(/%$/);
});

test('A backs the founder from the member page, and the leaders page changes', async () => {
  const { page } = a;
  await a.open(`/u/${union}/leaders`);
  await expect(page.getByTestId('leader-item')).toHaveCount(3);
  const before = await scoreOf(page, F);

  await leader(page, F).getByTestId('leader-link').click();
  await expect(page).toHaveURL(new RegExp(`#/u/${union}/m/${F}$`, 'i'));
  await a.connect();
  await expect(page.getByTestId('backers-count')).toHaveText('0');
  await page.getByTestId('back-button').click();
  await expectConfirmed(page);
  await expect(page.getByTestId('unback-button')).toBeVisible();
  await expect(page.getByTestId('backers-list-item')).toHaveAttribute('data-address', A.toLowerCase());

  await page.getByTestId('union-nav-leaders').click();
  await expect(leader(page, F)).toHaveAttribute('data-backers', '1');
  // the founder is now at the end of the chain B → A → F and collects the most support
  await expect(page.getByTestId('leader-item').first()).toHaveAttribute('data-address', F.toLowerCase());
  expect(await scoreOf(page, F)).toBeGreaterThan(before);
});

test('after a reload the ranking comes back from this browser’s IndexedDB cache', async () => {
  const { page } = a;
  await page.reload();
  await expect(page.getByTestId('leaders-summary')).toHaveAttribute('data-warm', 'true');
  await expect(page.getByTestId('leader-item').first()).toHaveAttribute('data-address', F.toLowerCase());
  await expect(leader(page, F)).toHaveAttribute('data-backers', '1');
  // filter by (part of) a name or address
  await page.getByTestId('leaders-filter').fill(B.slice(2, 10));
  await expect(page.getByTestId('leader-item')).toHaveCount(1);
  await expect(page.getByTestId('leader-item')).toHaveAttribute('data-address', B.toLowerCase());
  await page.getByTestId('leaders-filter').fill('nobody-has-this-name');
  await expect(page.getByTestId('leaders-no-match')).toBeVisible();
});

test('with the chain unreachable, a reload still draws this browser’s last ranking and says the check failed', async () => {
  const { page } = a;
  const rpc = new URL(e2eStack().config.chain.rpcUrl).origin;
  const toRpc = (url: URL): boolean => url.origin === rpc;
  await page.route(toRpc, (route) => route.abort('connectionrefused'));
  await page.reload();
  const summary = page.getByTestId('leaders-summary');
  await expect(summary).toHaveAttribute('data-fresh', 'false');
  await expect(summary).toContainText('this browser’s last ranking');
  await expect(page.getByTestId('leader-item').first()).toHaveAttribute('data-address', F.toLowerCase());
  await expect(leader(page, F)).toHaveAttribute('data-backers', '1');
  // The sync gives up after its retries: the error is shown beside the list, which stays.
  await expect(page.getByTestId('leaders-error')).toBeVisible({ timeout: 45_000 });
  await expect(leader(page, F)).toBeVisible();
  await page.unroute(toRpc);
  await page.getByTestId('leaders-error').getByRole('button', { name: 'Try again' }).click();
  await expect(summary).toHaveAttribute('data-fresh', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('leaders-error')).toHaveCount(0);
});

test('A withdraws the backing and the founder loses the backer', async () => {
  const { page } = a;
  await a.open(`/u/${union}/m/${F}`);
  // this browser connected before the reload: the wallet reconnects silently
  await expect(page.getByTestId('wallet-account')).toBeVisible();
  await page.getByTestId('unback-button').click();
  await expectConfirmed(page);
  await expect(page.getByTestId('back-button')).toBeVisible();
  await expect(page.getByTestId('backers-count')).toHaveText('0');
  await page.getByTestId('union-nav-leaders').click();
  await expect(leader(page, F)).toHaveAttribute('data-backers', '0');
  await expect(page.getByTestId('leader-item').first()).toHaveAttribute('data-address', A.toLowerCase());
});

test('the support graph draws a leader’s base', async () => {
  const { page } = a;
  await a.open(`/u/${union}/leaders`);
  await leader(page, A).getByTestId('leader-graph-link').click();
  await expect(page.getByTestId('graph-summary')).toHaveAttribute('data-nodes', '2');
  const graph = page.getByTestId('support-graph');
  await expect(graph).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  await expect(graph).toHaveAttribute('data-nodes', '2');
  await expect(graph).toHaveAttribute('data-edges', '1');
  expect(await graph.locator('canvas').count()).toBeGreaterThan(0);
});

test('a member is not offered to back themself', async () => {
  const { page } = founder;
  await founder.open(`/u/${union}/m/${F}`);
  await founder.connect();
  await expect(page.getByTestId('backers-count')).toBeVisible();
  await expect(page.getByTestId('back-button')).toHaveCount(0);
  await expect(page.getByTestId('backing-panel')).toHaveCount(0);
});

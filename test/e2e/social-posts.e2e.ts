// Posts and discussion as three members meet them in the browser, against the real Ceramic node:
// B and C post in a fresh union and A reads the union feed; after A backs B on-chain, "From people I
// back" shows B's post and not C's; A replies and B reads the reply; a post carrying script payloads
// renders inert; and with Ceramic unreachable a publish fails with a clear message and the draft
// survives a reload. Accounts 14–16 are this file's own.
import { expect, test, type Page } from '@playwright/test';
import { unionAbi } from '../../web/lib/chain/abi/generated.ts';
import { localChain, send } from '../../scripts/lib/localChain.ts';
import { createUnionDirectly } from './fixtures/chain.ts';
import { openMember, type Member } from './fixtures/member.ts';
import { anvilAccount, e2eStack } from './fixtures/stack.ts';

const A = anvilAccount(14);
const B = anvilAccount(15);
const C = anvilAccount(16);
const D = anvilAccount(17);

let union: `0x${string}`;

function chain() {
  const { config } = e2eStack();
  return localChain(config.chain.rpcUrl, config.chain.id);
}

test.beforeAll(async () => {
  // The empty identity CID as charter: the feed never reads it.
  union = await createUnionDirectly(A, `Posters ${Date.now()}`, 'bafkqaaa');
  for (const member of [B, C, D]) await send(chain(), member, { address: union, abi: unionAbi, functionName: 'join' });
});

async function openFeed(member: Member): Promise<void> {
  await member.open(`/u/${union}/feed`);
  await member.connect();
  await expect(member.page.getByTestId('composer')).toBeVisible();
}

// A 1×1 PNG, the smallest real image for the upload path.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function publish(page: Page, title: string, body: string): Promise<void> {
  await page.getByTestId('composer-title').fill(title);
  await page.getByTestId('composer-body').fill(body);
  await page.getByTestId('composer-submit').click();
  await expect(page.getByTestId('composer-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
}

function post(page: Page, list: string, title: string) {
  return page.getByTestId(list).getByTestId('post').filter({ has: page.getByTestId('post-title').filter({ hasText: title }) });
}

test('members post, read the union feed and the feed of people they back, and reply', async ({ browser }) => {
  test.setTimeout(240_000);
  const b = await openMember(browser, B);
  await openFeed(b);
  // An image goes to IPFS through the configured upload endpoint; the post keeps its CID.
  await b.page.getByTestId('composer-image-input').setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: PNG });
  await expect(b.page.getByTestId('composer-upload-status')).toHaveText('Image added', { timeout: 30_000 });
  await publish(b.page, 'Rates for 2027', 'We should raise the **minimum rate** by 10%.');
  await expect(post(b.page, 'feed-all', 'Rates for 2027')).toBeVisible();
  const image = post(b.page, 'feed-all', 'Rates for 2027').getByTestId('post-image');
  await expect(image).toHaveAttribute('src', new RegExp(`^${e2eStack().config.ipfs.gateway}/ipfs/bafk`));
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBe(1);
  await expect(post(b.page, 'feed-all', 'Rates for 2027').getByTestId('post-body').locator('strong')).toHaveText('minimum rate');

  const c = await openMember(browser, C);
  await openFeed(c);
  await publish(c.page, 'Glossary sprint', 'Who joins the glossary sprint on Friday?');
  await expect(post(c.page, 'feed-all', 'Glossary sprint')).toBeVisible();

  const a = await openMember(browser, A);
  await openFeed(a);
  await expect(post(a.page, 'feed-all', 'Rates for 2027')).toBeVisible();
  await expect(post(a.page, 'feed-all', 'Glossary sprint')).toBeVisible();
  // Newest first.
  await expect(a.page.getByTestId('feed-all').getByTestId('post-title').first()).toHaveText('Glossary sprint');
  await expect(post(a.page, 'feed-all', 'Rates for 2027')).toHaveAttribute('data-author', B.toLowerCase());

  await a.page.getByTestId('feed-tab-backed').click();
  await expect(a.page.getByTestId('feed-backed').getByTestId('feed-empty')).toHaveText('You do not back anyone in this union yet.');

  // A backs B on-chain (the Back button belongs to the member page); the tab reads the live backs.
  await send(chain(), A, { address: union, abi: unionAbi, functionName: 'back', args: [B] });
  await a.page.getByTestId('feed-tab-all').click();
  await a.page.getByTestId('feed-tab-backed').click();
  await expect(a.page.getByTestId('feed-backs-count')).toHaveText('You back 1 member here.');
  await expect(post(a.page, 'feed-backed', 'Rates for 2027')).toBeVisible();
  await expect(post(a.page, 'feed-backed', 'Glossary sprint')).toHaveCount(0);

  // A opens B's post and replies.
  await post(a.page, 'feed-backed', 'Rates for 2027').getByTestId('post-link').click();
  await expect(a.page.getByTestId('post-title')).toHaveText('Rates for 2027');
  await expect(a.page.getByTestId('replies-empty')).toBeVisible();
  await a.page.getByTestId('reply-body').fill('Agreed — and index it to inflation.');
  await a.page.getByTestId('reply-submit').click();
  await expect(a.page.getByTestId('reply-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  await expect(a.page.getByTestId('reply')).toHaveCount(1);
  await expect(a.page.getByTestId('reply')).toHaveAttribute('data-author', A.toLowerCase());
  // Not the author: no edit or delete on B's post.
  await expect(a.page.getByTestId('post-edit')).toHaveCount(0);

  // B sees the reply on the post page.
  await post(b.page, 'feed-all', 'Rates for 2027').getByTestId('post-link').click();
  await expect(b.page.getByTestId('reply').getByTestId('reply-body-text')).toHaveText('Agreed — and index it to inflation.');
  await expect(b.page.getByTestId('reply-edit')).toHaveCount(0);

  // The author edits, then deletes; the feed hides the tombstone.
  await b.page.getByTestId('post-edit').click();
  await b.page.getByTestId('composer-body').fill('We should raise the minimum rate by 12%.');
  await b.page.getByTestId('composer-submit').click();
  await expect(b.page.getByTestId('post-body')).toHaveText('We should raise the minimum rate by 12%.', { timeout: 60_000 });
  await expect(b.page.getByTestId('post-edited')).toBeVisible();
  b.page.once('dialog', (d) => void d.accept());
  await b.page.getByTestId('post-delete').click();
  await expect(b.page.getByTestId('post-deleted')).toBeVisible({ timeout: 60_000 });
  await b.page.getByTestId('back-to-feed').click();
  await expect(post(b.page, 'feed-all', 'Glossary sprint')).toBeVisible();
  await expect(post(b.page, 'feed-all', 'Rates for 2027')).toHaveCount(0);

  // C's posts on C's member page.
  await c.open(`/m/${C}`);
  await expect(c.page.getByTestId('member-post-list').getByTestId('post-title')).toHaveText(['Glossary sprint']);
  await expect(c.page.getByTestId('member-post-list').getByTestId('post-union')).toHaveCount(1);
  // Scoped to one union with ?union=: the same post, without the union label.
  await c.open(`/m/${C}?union=${union}`);
  await expect(c.page.getByTestId('member-post-list').getByTestId('post-title')).toHaveText(['Glossary sprint']);
  await expect(c.page.getByTestId('member-post-list').getByTestId('post-union')).toHaveCount(0);

  await Promise.all([a.close(), b.close(), c.close()]);
});

test('script and onerror payloads in a post are inert', async ({ browser }) => {
  test.setTimeout(240_000);
  const b = await openMember(browser, B);
  await openFeed(b);
  const payload = 'Totally normal post <img src=x onerror="window.__xss = 1; alert(1)"> <script>window.__xss = 2; alert(2)</script> [click](javascript:window.__xss=3)';
  await publish(b.page, 'Payload', payload);

  const a = await openMember(browser, A);
  let dialogs = 0;
  a.page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await a.open(`/u/${union}/feed`);
  const card = post(a.page, 'feed-all', 'Payload');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('post-body')).toContainText('Totally normal post');
  const img = card.getByTestId('post-body').locator('img');
  await expect(img).toHaveCount(1);
  await expect(img).not.toHaveAttribute('onerror');
  await expect(card.getByTestId('post-body').locator('script')).toHaveCount(0);
  await expect(card.getByTestId('post-body').locator('a')).not.toHaveAttribute('href', /javascript/i);
  await card.getByTestId('post-body').locator('a').click().catch(() => undefined);
  await a.page.waitForTimeout(500);
  expect(await a.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toBe(0);
  await Promise.all([a.close(), b.close()]);
});

test('with Ceramic unreachable a post fails clearly and its draft survives a reload', async ({ browser }) => {
  test.setTimeout(240_000);
  const { config } = e2eStack();
  const d = await openMember(browser, D);
  await openFeed(d);
  // From here on every request to the Ceramic node fails as if the node were down.
  await d.page.context().route(`${config.ceramic.url}/**`, (route) => route.abort('connectionrefused'));
  await d.page.getByTestId('composer-title').fill('Written offline');
  await d.page.getByTestId('composer-body').fill('This must not be lost.');
  await d.page.getByTestId('composer-submit').click();
  await expect(d.page.getByTestId('composer-status')).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(d.page.getByTestId('composer-status')).toContainText(`Cannot reach Ceramic at ${config.ceramic.url}`);

  await d.page.reload();
  await expect(d.page.getByTestId('composer-draft-restored')).toBeVisible();
  await expect(d.page.getByTestId('composer-title')).toHaveValue('Written offline');
  await expect(d.page.getByTestId('composer-body')).toHaveValue('This must not be lost.');
  await expect(d.page.getByTestId('feed-error')).toContainText('Cannot reach Ceramic');

  // The node is back: the same draft publishes and the draft is gone.
  await d.page.context().unroute(`${config.ceramic.url}/**`);
  await d.page.getByTestId('composer-submit').click();
  await expect(d.page.getByTestId('composer-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  await d.page.reload();
  await expect(post(d.page, 'feed-all', 'Written offline')).toBeVisible();
  await expect(d.page.getByTestId('composer-draft-restored')).toHaveCount(0);
  await d.close();
});

// Opening the published site the ways members do: by its ENS name on the local gateway (as through
// eth.limo on mainnet), connecting a wallet and joining the demo union; by its /ipfs/<cid>/ path,
// where it warns about the shared origin; offline from its service worker; and under its CSP.
// Accounts 34–37 are this file's own.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectConfirmed, openMember } from './fixtures/member.ts';
import { anvilAccount, e2eStack } from './fixtures/stack.ts';
import { installTestWallet } from './fixtures/testWallet.ts';

test('a member opens the site by its ENS name, connects a wallet and joins the demo union', async ({ browser }) => {
  const { ens, demoUnion, config } = e2eStack();
  if (!ens) throw new Error('the e2e stack has no local ENS name');
  const address = anvilAccount(34);
  const context = await browser.newContext();
  const page = await context.newPage();
  await installTestWallet(page, { rpcUrl: config.chain.rpcUrl, chainId: config.chain.id, address });
  await page.goto(`${ens.url}#/u/${demoUnion}`);
  await expect(page.getByTestId('union-name')).toHaveText("The Translators' Union");
  // The name is an origin of its own: no shared-gateway warning.
  await expect(page.getByTestId('origin-warning')).toHaveCount(0);
  await page.getByTestId('connect-wallet').click();
  await page.getByRole('button', { name: 'Anvil Test Wallet' }).click();
  await expect(page.getByTestId('wallet-account')).toBeVisible();
  await expect(page.getByTestId('membership-status')).toHaveAttribute('data-status', 'none');
  await page.getByTestId('join-union').click();
  await expectConfirmed(page);
  await expect(page.getByTestId('membership-status')).toHaveAttribute('data-status', 'member');
  await context.close();
});

test('on the /ipfs/<cid>/ path the site warns about the shared origin and links to the isolated one', async ({ browser }) => {
  const { siteUrl, siteCid, demoUnion } = e2eStack();
  const member = await openMember(browser, anvilAccount(35));
  await member.open(`/u/${demoUnion}`);
  await expect(member.page.getByTestId('union-name')).toHaveText("The Translators' Union");
  const warning = member.page.getByTestId('origin-warning');
  await expect(warning).toBeVisible();
  const port = new URL(siteUrl).port;
  const link = warning.getByTestId('origin-isolated-link');
  await expect(link).toHaveAttribute('href', `http://${siteCid}.ipfs.localhost:${port}/#/u/${demoUnion}`);
  await link.click();
  await expect(member.page).toHaveURL(new RegExp(`^http://${siteCid}\\.ipfs\\.localhost:${port}/`));
  await expect(member.page.getByTestId('union-name')).toHaveText("The Translators' Union");
  await expect(member.page.getByTestId('origin-warning')).toHaveCount(0);
  await member.close();
});

async function blockGateway(context: BrowserContext, gatewayOrigin: string): Promise<string[]> {
  const blocked: string[] = [];
  // context.route also sees the service worker's own network requests: nothing reaches the gateway.
  await context.route(`${gatewayOrigin}/**`, (route) => {
    blocked.push(route.request().url());
    return route.abort('connectionrefused');
  });
  return blocked;
}

test('a returning member sees the app shell while the gateway is down (service worker)', async ({ browser }) => {
  const { siteUrl } = e2eStack();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(siteUrl);
  await expect(page.getByTestId('connect-wallet')).toBeVisible();
  // The worker is registered beside index.html, so its scope is the CID's folder.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(siteUrl);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const blocked = await blockGateway(context, new URL(siteUrl).origin);
  await page.reload();
  await expect(page.getByTestId('connect-wallet')).toBeVisible();
  await expect(page.getByTestId('config-error')).toHaveCount(0);
  // The check is real: the gateway was asked for nothing, or refused what it was asked.
  const answeredByNetwork = blocked.filter((u) => u.startsWith(siteUrl));
  expect(answeredByNetwork).toEqual([]);
  await context.close();
});

test('the web app manifest and its icons are served beside index.html', async ({ browser }) => {
  const { siteUrl } = e2eStack();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(siteUrl);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href ?? '', siteUrl).href;
  const manifest = (await (await page.request.get(manifestUrl)).json()) as { start_url: string; scope: string; icons: Array<{ src: string; sizes: string }> };
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i) => i.sizes === size);
    expect(icon).toBeDefined();
    const res = await page.request.get(new URL(icon?.src ?? '', manifestUrl).href);
    expect(res.headers()['content-type']).toContain('image/png');
  }
  await context.close();
});

test('the CSP lets the site work and blocks an injected inline script', async ({ browser }) => {
  const { siteUrl, demoUnion, config } = e2eStack();
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  await page.goto(`${siteUrl}#/u/${demoUnion}`);
  // Working under the policy: the union's data came from the RPC and its charter from the gateway.
  await expect(page.getByTestId('union-name')).toHaveText("The Translators' Union");
  await expect(page.getByTestId('charter')).toContainText('freelance translators');
  const csp = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
  expect(csp).toContain(new URL(config.chain.rpcUrl).origin);
  expect(csp).toContain(new URL(config.ceramic.url).origin);
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const w = window as unknown as { __injected?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.appendChild(script);
    await new Promise((r) => setTimeout(r, 200));
    return { ran: w.__injected === true, violations };
  });
  expect(outcome.ran).toBe(false);
  expect(outcome.violations.some((d) => d.startsWith('script-src'))).toBe(true);
  await context.close();
});

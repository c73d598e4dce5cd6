// Governance and collective bargaining with three wallets against the built site at /ipfs/<cid>/:
// a treasury payment is proposed, voted, queued and executed (the balance moves by exactly the amount), a
// gas-sponsorship rule change made with the builder's sponsorship kinds passes and shows on the panel, and a
// demand reaches its threshold with a bundle that verifies offline and in the page, while a tampered one fails.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { getAddress, parseEther, type Address } from 'viem';
import { anvilAccount } from './fixtures/stack.ts';
import { openMember, reportPagesOnFailure, type Member } from './fixtures/member.ts';
import { tokenBalance } from './fixtures/chain.ts';
import { GOVERNANCE_TIMES, advanceTime, createGovernedUnion, joinDirectly, vouchDirectly } from './fixtures/governance.ts';
import { parseBundle, verifyBundleSignatures } from '../../web/lib/demands/bundle.ts';

const founder = anvilAccount(26);
const alice = anvilAccount(27);
const bob = anvilAccount(28);

let union: Address;
const members: Member[] = [];

test.beforeAll(async ({ browser }) => {
  union = await createGovernedUnion(founder, `Governed ${Date.now()}`, parseEther('1000'));
  await joinDirectly(union, alice);
  await joinDirectly(union, bob);
  // joining gives no votes: the founder (trusted; the union needs one vouch) vouches for both
  await vouchDirectly(union, alice, [founder]);
  await vouchDirectly(union, bob, [founder]);
  // votes are read at each proposal's snapshot, which must lie after the joins
  await advanceTime(2);
  for (const a of [founder, alice, bob]) {
    const m = await openMember(browser, a);
    await m.open(`/u/${union}`);
    await m.connect();
    members.push(m);
  }
});

test.afterEach(async ({}, testInfo) => {
  await reportPagesOnFailure(testInfo, members);
});

test.afterAll(async () => {
  for (const m of members) await m.close();
});

/** In-app (hash) navigation: the document stays, so the connected wallet stays connected. */
async function go(m: Member, route: string): Promise<void> {
  await m.page.evaluate((r) => {
    location.hash = r;
  }, route);
}

/** Leaves for the governance overview and comes back, so the page reads the chain afresh. */
async function reread(m: Member, route: string): Promise<void> {
  await go(m, `/u/${union}/govern`);
  await expect(m.page.getByTestId('govern-settings')).toBeVisible();
  await go(m, route);
}

test('a treasury payment is proposed, voted, queued and executed, and the balance moves', async () => {
  const [f, a, b] = members;
  const amount = parseEther('123');
  const before = await tokenBalance(union, bob);

  await go(f, `/u/${union}/govern`);
  await expect(f.page.getByTestId('treasury-balance')).toHaveText('1000 GOV');
  await f.page.getByTestId('new-proposal').click();
  await f.page.getByTestId('proposal-title').fill('Pay Bob for the website');
  await f.page.getByTestId('proposal-body').fill('Bob built our **website**.');
  await f.page.getByTestId('action-kind').selectOption('pay');
  await f.page.getByTestId('action-amount').fill('123');
  await f.page.getByTestId('action-to').fill(bob);
  await f.page.getByTestId('action-add').click();
  await expect(f.page.getByTestId('planned-action')).toHaveCount(1);
  await f.page.getByTestId('proposal-submit').click();
  // the builder moves on to the proposal's own page
  await expect(f.page.getByTestId('proposal-title')).toHaveText('Pay Bob for the website', { timeout: 60_000 });
  await expect(f.page.getByTestId('proposal-description')).toContainText('Bob built our website');
  // The voter reads the action, not calldata: the payee has no profile, so the short address stands in.
  const shortBob = `${getAddress(bob).slice(0, 6)}…${getAddress(bob).slice(-4)}`;
  await expect(f.page.getByTestId('proposal-call')).toHaveAttribute('data-how', 'action');
  await expect(f.page.getByTestId('proposal-call-text')).toHaveText(`Pay 123 GOV from the treasury to ${shortBob}`);
  const proposalRoute = new URL(f.page.url()).hash.slice(1);

  await advanceTime(GOVERNANCE_TIMES.votingDelay + 1);
  for (const [m, reason] of [
    [f, 'Good work'],
    [a, ''],
    [b, 'I did build it']
  ] as const) {
    if (m === f) await reread(f, proposalRoute);
    else await go(m, proposalRoute);
    await expect(m.page.getByTestId('proposal-state')).toHaveText('Voting');
    if (reason) await m.page.getByTestId('vote-reason').fill(reason);
    await m.page.getByTestId('vote-for').click();
    await expect(m.page.getByTestId('vote-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
    await expect(m.page.getByTestId('vote-done')).toBeVisible();
  }
  await expect(b.page.getByTestId('tally-for')).toContainText('30');
  await expect(b.page.getByTestId('quorum')).toHaveAttribute('data-reached', 'true');
  await expect(b.page.getByTestId('vote-item')).toHaveCount(3);

  await advanceTime(GOVERNANCE_TIMES.votingPeriod + 1);
  await reread(a, proposalRoute);
  await expect(a.page.getByTestId('proposal-state')).toHaveText('Passed');
  await a.page.getByTestId('proposal-queue').click();
  await expect(a.page.getByTestId('proposal-state')).toHaveText('Queued', { timeout: 60_000 });

  await advanceTime(GOVERNANCE_TIMES.timelockDelay + 1);
  await reread(a, proposalRoute);
  await expect(a.page.getByTestId('proposal-execute')).toBeEnabled();
  await a.page.getByTestId('proposal-execute').click();
  await expect(a.page.getByTestId('proposal-state')).toHaveText('Executed', { timeout: 60_000 });

  expect(await tokenBalance(union, bob)).toBe(before + amount);
  await go(f, `/u/${union}/govern`);
  await expect(f.page.getByTestId('treasury-balance')).toHaveText('877 GOV');
  await expect(f.page.getByTestId('proposal-item').first()).toHaveAttribute('data-state', '7');
});

test('a gas-sponsorship rule change is proposed through the page, passes, and the panel shows the new budget', async () => {
  const [f, a, b] = members;
  await go(f, `/u/${union}/govern`);
  // a new union pays no one's gas until its governance sets a budget
  await expect(f.page.getByTestId('sponsorship-panel')).toContainText('does not pay its members’ gas');
  await f.page.getByTestId('new-proposal').click();
  await f.page.getByTestId('proposal-title').fill('Pay newcomers’ gas');
  await f.page.getByTestId('proposal-body').fill('Members with no ETH can back, vote and pledge.');
  await f.page.getByTestId('action-kind').selectOption('sponsorRules');
  // bad input is refused in the form with the sentence the registry gives
  await f.page.getByTestId('action-sponsor-budget').fill('0.02');
  await f.page.getByTestId('action-sponsor-period').fill('0');
  await f.page.getByTestId('action-add').click();
  await expect(f.page.getByTestId('action-error')).toHaveText('The period must be a whole number of days, at least 1');
  await f.page.getByTestId('action-sponsor-period').fill('7');
  await f.page.getByTestId('action-add').click();
  // the allow-list by name: voting on the governor
  await f.page.getByTestId('action-kind').selectOption('sponsorAllowed');
  await f.page.getByTestId('action-sponsor-contract').selectOption('governor');
  await f.page.getByTestId('action-sponsor-functions').getByLabel('Vote', { exact: false }).first().check();
  await f.page.getByTestId('action-add').click();
  await expect(f.page.getByTestId('planned-action')).toHaveText([
    /Pay each trusted member’s gas up to 0\.02 ETH every 7 days/,
    /Pay members’ gas for vote on the governor \(votes\)/
  ]);
  await f.page.getByTestId('proposal-submit').click();
  await expect(f.page.getByTestId('proposal-title')).toHaveText('Pay newcomers’ gas', { timeout: 60_000 });
  await expect(f.page.getByTestId('proposal-call-text')).toHaveText([
    'Pay each trusted member’s gas up to 0.02 ETH every 7 days',
    'Pay members’ gas for vote on the governor (votes)'
  ]);
  const proposalRoute = new URL(f.page.url()).hash.slice(1);

  await advanceTime(GOVERNANCE_TIMES.votingDelay + 1);
  for (const m of [f, a, b]) {
    if (m === f) await reread(f, proposalRoute);
    else await go(m, proposalRoute);
    await expect(m.page.getByTestId('proposal-state')).toHaveText('Voting');
    await m.page.getByTestId('vote-for').click();
    await expect(m.page.getByTestId('vote-status')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });
  }
  await advanceTime(GOVERNANCE_TIMES.votingPeriod + 1);
  await reread(a, proposalRoute);
  await expect(a.page.getByTestId('proposal-state')).toHaveText('Passed');
  await a.page.getByTestId('proposal-queue').click();
  await expect(a.page.getByTestId('proposal-state')).toHaveText('Queued', { timeout: 60_000 });
  await advanceTime(GOVERNANCE_TIMES.timelockDelay + 1);
  await reread(a, proposalRoute);
  await a.page.getByTestId('proposal-execute').click();
  await expect(a.page.getByTestId('proposal-state')).toHaveText('Executed', { timeout: 60_000 });

  await go(b, `/u/${union}/govern`);
  await expect(b.page.getByTestId('sponsorship-budget')).toHaveText('0.02 ETH');
  await expect(b.page.getByTestId('sponsorship-panel')).toContainText('each per 7 d,');
});

test('a demand reaches its threshold, its bundle verifies, and a tampered bundle fails', async () => {
  const [f, a, b] = members;
  await go(f, `/u/${union}/demands`);
  await f.page.getByTestId('demand-new').click();
  await f.page.getByTestId('demand-title').fill('Fair delivery pay');
  await f.page.getByTestId('demand-target').fill('MegaDelivery Inc.');
  await f.page.getByTestId('demand-text').fill('We ask for a 10% raise.\n\nIf not met, we stop delivering on Fridays.');
  await f.page.getByTestId('demand-threshold').fill('3');
  await f.page.getByTestId('demand-days').fill('7');
  await f.page.getByTestId('demand-submit').click();
  await expect(f.page.getByTestId('demand-state')).toHaveText('Collecting commitments', { timeout: 60_000 });
  await expect(f.page.getByTestId('demand-text')).toContainText('stop delivering on Fridays');
  const demandRoute = new URL(f.page.url()).hash.slice(1);

  // alice commits, withdraws and commits again (a fresh signature over her next nonce)
  await go(a, demandRoute);
  await a.page.getByTestId('demand-commit').click();
  await expect(a.page.getByTestId('demand-progress')).toHaveAttribute('data-count', '1', { timeout: 60_000 });
  await a.page.getByTestId('demand-withdraw').click();
  await expect(a.page.getByTestId('demand-progress')).toHaveAttribute('data-count', '0', { timeout: 60_000 });
  await a.page.getByTestId('demand-commit').click();
  await expect(a.page.getByTestId('demand-progress')).toHaveAttribute('data-count', '1', { timeout: 60_000 });

  await f.page.getByTestId('demand-commit').click();
  await expect(f.page.getByTestId('demand-progress')).toHaveAttribute('data-count', '2', { timeout: 60_000 });
  await go(b, demandRoute);
  await b.page.getByTestId('demand-commit').click();
  await expect(b.page.getByTestId('demand-state')).toHaveText('Active', { timeout: 60_000 });
  await expect(b.page.getByTestId('demand-progress')).toHaveAttribute('data-count', '3');
  await expect(b.page.getByTestId('demand-commit')).toHaveCount(0);

  // download: the file alone verifies here in Node, with no site involved
  const [download] = await Promise.all([b.page.waitForEvent('download'), b.page.getByTestId('bundle-download').click()]);
  const path = await download.path();
  const bundle = parseBundle(JSON.parse(await readFile(path, 'utf8')));
  expect(bundle.commitments).toHaveLength(3);
  expect((await verifyBundleSignatures(bundle)).ok).toBe(true);

  // the in-page verifier agrees, and refuses the same bundle with another text CID
  await b.page.getByTestId('bundle-verify').click();
  await expect(b.page.getByTestId('bundle-result')).toHaveAttribute('data-verdict', 'valid');
  const tampered = JSON.stringify({ ...bundle, demand: { ...bundle.demand, textCid: 'bafkreitamperedtextcid' } });
  await b.page.getByTestId('bundle-input').fill(tampered);
  await b.page.getByTestId('bundle-verify').click();
  await expect(b.page.getByTestId('bundle-result')).toHaveAttribute('data-verdict', 'invalid');
  await expect(b.page.getByTestId('bundle-problems')).toContainText('does not match');
});

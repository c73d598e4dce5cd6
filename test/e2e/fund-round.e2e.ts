// A matching round for public goods in a phone-sized Chromium against the site at /ipfs/<cid>/, with
// five members in their own wallets on a fresh union: the steward opens a round and funds its pool
// (approve + fund); two campaigns join it, one backed by four small pledgers, the other by one large
// pledger and one small one; the projected match on the round and campaign pages equals quadratic
// funding computed here from the on-chain matchable pledges (those made while trusted); after the round ends the campaigns are recorded, their
// recipients are paid exactly the contract's match, and the rounding remainder goes to the treasury.
import { expect, test, type Page } from '@playwright/test';
import type { Address } from 'viem';
import { createUnionDirectly, tokenBalance } from './fixtures/chain.ts';
import { ether, increaseTime, joinUnion, unionToken } from './fixtures/fundSwap.ts';
import { proposeCampaign } from './fixtures/campaignForm.ts';
import { expectConfirmed, openMember, type Member } from './fixtures/member.ts';
import {
  allowance,
  contractMatch,
  contractWeight,
  crowdfundAddress,
  finalizationWindow,
  getCampaign,
  getRound,
  isTrusted,
  matchableOf,
  pledgeOf,
  qfWeight,
  sentCount,
  unionTimelock,
} from './fixtures/round.ts';
import { anvilAccount } from './fixtures/stack.ts';

// Five wallets, each writing real transactions: on two shared cores a journey can take minutes.
test.describe.configure({ mode: 'serial', timeout: 360_000 });

const STEWARD = anvilAccount(40); // founder, so the union's steward
const ANN = anvilAccount(41);
const BEN = anvilAccount(42);
const CAT = anvilAccount(43);
const DAN = anvilAccount(44);
const RECIPIENT_A = anvilAccount(45);
const RECIPIENT_B = anvilAccount(46);
/** Everyone who may pledge in this file: live pledges are read for each of them. */
const PLEDGERS = [STEWARD, ANN, BEN, CAT, DAN];
const DAY = 86_400;
const ROUND_DAYS = 2;

let union: Address;
let steward: Member;
let ann: Member;
let ben: Member;
let cat: Member;
let dan: Member;

// Filled in as the journey goes.
let roundId: bigint;
let roundRoute: string;
const campaigns: Array<{ id: bigint; route: string; title: string; recipient: Address }> = [];

test.beforeAll(async ({ browser }) => {
  union = await createUnionDirectly(STEWARD, 'Round Commons', 'bafkqaaa');
  // joinUnion also has the founder vouch for each (the union needs one vouch): joining alone confers
  // nothing, and only trusted members get the grant and pledges that count for matching
  for (const m of [ANN, BEN, CAT, DAN]) await joinUnion(union, m);
  steward = await openMember(browser, STEWARD);
  ann = await openMember(browser, ANN);
  ben = await openMember(browser, BEN);
  cat = await openMember(browser, CAT);
  dan = await openMember(browser, DAN);
  for (const m of [steward, ann, ben, cat, dan]) {
    await m.open(`/u/${union}/fund`);
    await m.connect();
  }
});

test.afterAll(async () => {
  await Promise.all([steward, ann, ben, cat, dan].map((m) => m?.close()));
});

interface CampaignState {
  id: bigint;
  goal: bigint;
  raised: bigint;
  /** Live pledge of each of PLEDGERS, in that order. */
  pledges: bigint[];
  /** Its matchable part (pledged while trusted), in the same order. */
  matchable: bigint[];
  weight: bigint;
}

/** Whether every pledger is trusted (so every pledge counts for matching). */
async function allTrusted(): Promise<boolean> {
  return (await Promise.all(PLEDGERS.map((p) => isTrusted(union, p)))).every(Boolean);
}

/** Reads each campaign's matchable pledges from the chain and weighs them by the QF formula (computed here). */
async function campaignStates(): Promise<CampaignState[]> {
  const out: CampaignState[] = [];
  for (const { id } of campaigns) {
    const c = await getCampaign(id);
    const pledges = await Promise.all(PLEDGERS.map((p) => pledgeOf(id, p)));
    const matchable = await Promise.all(PLEDGERS.map((p) => matchableOf(id, p)));
    // Every live pledge is one of PLEDGERS', so these are all of the campaign's pledgers.
    expect(pledges.reduce((a, b) => a + b, 0n)).toBe(c.raised);
    expect(matchable.reduce((a, b) => a + b, 0n)).toBe(c.matchable);
    const weight = qfWeight(matchable);
    // The contract agrees with the formula as written here.
    expect(await contractWeight(id)).toBe(weight);
    out.push({ id, goal: c.goal, raised: c.raised, pledges, matchable, weight });
  }
  return out;
}

/**
 * Projected match of each campaign while the round is open: pool · w / W over the campaigns that have
 * met their goal; one still short of it is shown what it would get if it made it (its own weight
 * joins W).
 */
function projectedMatches(pool: bigint, states: Array<{ id: bigint; weight: bigint; eligible: boolean }>): Map<bigint, bigint> {
  const eligibleWeight = states.filter((s) => s.eligible).reduce((sum, s) => sum + s.weight, 0n);
  return new Map(
    states.map((s) => {
      const total = s.eligible ? eligibleWeight : eligibleWeight + s.weight;
      return [s.id, total === 0n ? 0n : (pool * s.weight) / total];
    }),
  );
}

async function expectedNow(): Promise<{ states: CampaignState[]; matches: Map<bigint, bigint>; pool: bigint }> {
  const states = await campaignStates();
  const { pool } = await getRound(roundId);
  const matches = projectedMatches(pool, states.map((s) => ({ id: s.id, weight: s.weight, eligible: s.raised >= s.goal })));
  return { states, matches, pool };
}

function roundCampaign(page: Page, id: bigint) {
  return page.locator(`[data-testid="round-campaign"][data-id="${id}"]`);
}

/** Opens the round page and has it read the chain again. */
async function visitRound(m: Member): Promise<void> {
  await m.open(roundRoute);
  await m.page.getByTestId('round-refresh').click();
  await expect(m.page.getByTestId('round-refresh')).toBeEnabled();
}

async function expectRoundPageMatches(m: Member, expected: Map<bigint, bigint>): Promise<void> {
  await visitRound(m);
  for (const [id, units] of expected) {
    await expect(roundCampaign(m.page, id).getByTestId('round-match')).toHaveAttribute('data-units', units.toString());
  }
}

/** Proposes a campaign in the round through the form; records and returns it. */
async function propose(m: Member, title: string, goal: string, recipient: Address) {
  const route = await proposeCampaign(m, union, { title, goal, recipient, roundId });
  const id = BigInt(route.split('/').pop()!);
  const stored = await getCampaign(id);
  expect(stored.roundId).toBe(roundId);
  expect(stored.recipient.toLowerCase()).toBe(recipient.toLowerCase());
  const c = { id, route, title, recipient };
  campaigns.push(c);
  return c;
}

/** Opens a campaign page and waits until it shows that campaign. */
async function openCampaign(m: Member, c: { route: string; title: string }): Promise<void> {
  await m.open(c.route);
  await expect(m.page.getByTestId('campaign-heading')).toHaveText(c.title);
}

/** Pledges `amount` through the campaign's form and waits for the chain to hold it. */
async function pledge(m: Member, c: { id: bigint; route: string; title: string }, amount: string): Promise<void> {
  await openCampaign(m, c);
  const before = await pledgeOf(c.id, m.address);
  await m.page.getByTestId('pledge-amount').fill(amount);
  await m.page.getByTestId('pledge-submit').click();
  await expectConfirmed(m.page);
  await expect.poll(() => pledgeOf(c.id, m.address), { timeout: 60_000 }).toBe(before + ether(amount));
}

test('the steward opens a matching round and funds its pool in two steps (approve, fund)', async () => {
  const { page } = steward;
  await steward.open(`/u/${union}/fund`);
  await expect(page.getByTestId('rounds-empty')).toBeVisible();
  // Members who are not the steward are not offered the form.
  await ann.open(`/u/${union}/fund`);
  await expect(ann.page.getByTestId('rounds-empty')).toBeVisible();
  await expect(ann.page.getByTestId('round-open-form')).toHaveCount(0);

  await page.getByTestId('round-days').fill(String(ROUND_DAYS));
  await page.getByTestId('round-open').click();
  await expectConfirmed(page);
  const item = page.getByTestId('round-item');
  await expect(item).toHaveCount(1);
  roundId = BigInt((await item.getAttribute('data-id')) ?? '0');
  const opened = await getRound(roundId);
  expect(opened.union.toLowerCase()).toBe(union.toLowerCase());
  expect(BigInt(opened.end) - BigInt(opened.start)).toBe(BigInt(ROUND_DAYS * DAY));
  expect(opened.pool).toBe(0n);

  await item.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/fund/round/${roundId}$`));
  roundRoute = new URL(page.url()).hash.slice(1);
  await expect(page.getByTestId('round-summary')).toHaveAttribute('data-phase', 'funding');
  await expect(page.getByTestId('round-campaigns-empty')).toBeVisible();

  const token = await unionToken(union);
  const balanceBefore = await tokenBalance(union, STEWARD);
  const sentBefore = await sentCount(STEWARD);
  expect(await allowance(token, STEWARD, crowdfundAddress())).toBe(0n);
  await page.getByTestId('round-fund-amount').fill('6');
  await page.getByTestId('round-fund-submit').click();
  await expectConfirmed(page);
  await expect(page.getByTestId('round-pool')).toHaveAttribute('data-units', ether('6').toString());
  expect((await getRound(roundId)).pool).toBe(ether('6'));
  expect(await tokenBalance(union, STEWARD)).toBe(balanceBefore - ether('6'));
  // Two transactions from the steward's wallet: the approval, then fundRound, which used it up.
  expect(await sentCount(STEWARD)).toBe(sentBefore + 2);
  expect(await allowance(token, STEWARD, crowdfundAddress())).toBe(0n);
});

test('two campaigns join the round and the projected match follows quadratic funding over pledgers', async () => {
  const many = await propose(ann, 'Open dictionary hosting', '4', RECIPIENT_A);
  const few = await propose(dan, 'Terminology database licence', '8', RECIPIENT_B);

  // Many small pledgers to the first campaign…
  for (const m of [steward, ann, ben, cat]) await pledge(m, many, '1');
  // …one large pledger to the second: alone, a pledger adds no weight, and the campaign is short of its goal.
  await pledge(dan, few, '7');
  // the founder vouched for every pledger, so all their pledges are matched
  expect(await allTrusted()).toBe(true);
  let expected = await expectedNow();
  const [manyNow, fewNow] = expected.states;
  expect(fewNow!.weight).toBe(0n);
  expect(expected.matches.get(few.id)).toBe(0n);
  expect(expected.matches.get(many.id)).toBe(expected.pool);
  await expectRoundPageMatches(steward, expected.matches);
  expect(manyNow!.raised).toBeGreaterThanOrEqual(manyNow!.goal);

  // A pledge being typed moves the projection live, before any transaction.
  await openCampaign(cat, few);
  const typed = ether('1');
  // the typed pledge counts for matching only if cat is trusted, as in the contract
  const catMatched = (await isTrusted(union, CAT)) ? typed : 0n;
  const fewWithTyped = qfWeight(fewNow!.matchable.map((p, i) => (PLEDGERS[i] === CAT ? p + catMatched : p)));
  const whatIf = projectedMatches(expected.pool, [
    { id: many.id, weight: manyNow!.weight, eligible: true },
    { id: few.id, weight: fewWithTyped, eligible: fewNow!.raised + typed >= fewNow!.goal },
  ]);
  await cat.page.getByTestId('pledge-amount').fill('1');
  await expect(cat.page.getByTestId('campaign-projected-match')).toHaveAttribute('data-units', whatIf.get(few.id)!.toString());
  await expect(cat.page.getByTestId('campaign-projected-match')).toContainText('with your pledge');
  await cat.page.getByTestId('pledge-submit').click();
  await expectConfirmed(cat.page);
  await expect.poll(() => pledgeOf(few.id, CAT), { timeout: 60_000 }).toBe(typed);

  // Both campaigns met their goals: the pool is split by weight, and the campaign with more pledgers
  // draws more of it although it raised less.
  expected = await expectedNow();
  const [manyDone, fewDone] = expected.states;
  expect(fewDone!.raised).toBeGreaterThanOrEqual(fewDone!.goal);
  expect(fewDone!.weight).toBe(fewWithTyped);
  expect(expected.matches).toEqual(whatIf);
  const matchMany = expected.matches.get(many.id)!;
  const matchFew = expected.matches.get(few.id)!;
  expect(fewDone!.raised).toBeGreaterThan(manyDone!.raised);
  expect(matchMany).toBeGreaterThan(matchFew);
  expect(matchFew).toBeGreaterThan(0n);
  expect(matchMany + matchFew).toBeLessThanOrEqual(expected.pool);

  await expectRoundPageMatches(steward, expected.matches);
  for (const [m, c] of [[ann, many], [dan, few]] as const) {
    await openCampaign(m, c);
    await m.page.getByTestId('campaign-refresh').click();
    await expect(m.page.getByTestId('campaign-projected-match')).toHaveAttribute('data-units', expected.matches.get(c.id)!.toString());
  }
});

test('after the round the pool is paid out by weight, never above the pool, and the remainder goes to the treasury', async () => {
  const [many, few] = campaigns;
  const { pool } = await getRound(roundId);
  const states = await campaignStates();
  const totalWeight = states.reduce((sum, s) => sum + s.weight, 0n);

  // Past the round's end (and both campaigns' deadlines): the finalisation window.
  await increaseTime(ROUND_DAYS * DAY + 120);
  await visitRound(steward);
  await expect(steward.page.getByTestId('round-summary')).toHaveAttribute('data-phase', 'finalizing');
  await expect(steward.page.getByTestId('round-fund-form')).toHaveCount(0);
  await expect(steward.page.getByTestId('round-claim-match')).toHaveCount(0);
  for (const c of [many!, few!]) {
    await roundCampaign(steward.page, c.id).getByTestId('round-finalize').click();
    await expect.poll(async () => (await getCampaign(c.id)).finalized, { timeout: 60_000 }).toBe(true);
    await expect(roundCampaign(steward.page, c.id).getByTestId('round-finalize')).toHaveCount(0);
  }
  const recorded = await getRound(roundId);
  expect(recorded.totalWeight).toBe(totalWeight);
  for (const s of states) expect((await getCampaign(s.id)).weight).toBe(s.weight);
  // Nothing is paid before the window closes.
  expect(await contractMatch(many!.id)).toBe(0n);

  // After the finalisation window: the payout.
  const window = await finalizationWindow();
  await increaseTime(Number(window) + 60);
  const expected = new Map(states.map((s) => [s.id, totalWeight === 0n ? 0n : (pool * s.weight) / totalWeight]));
  await visitRound(ben);
  await expect(ben.page.getByTestId('round-summary')).toHaveAttribute('data-phase', 'payout');
  let paid = 0n;
  for (const c of [many!, few!]) {
    await expect(roundCampaign(ben.page, c.id).getByTestId('round-match')).toHaveAttribute('data-units', expected.get(c.id)!.toString());
    const owed = await contractMatch(c.id);
    expect(owed).toBe(expected.get(c.id));
    const before = await tokenBalance(union, c.recipient);
    // Anyone may pay the match; the recipient receives it.
    await roundCampaign(ben.page, c.id).getByTestId('round-claim-match').click();
    await expect.poll(async () => (await getCampaign(c.id)).matchClaimed, { timeout: 60_000 }).toBe(true);
    await expect(roundCampaign(ben.page, c.id).getByTestId('round-claim-match')).toHaveCount(0);
    expect(await tokenBalance(union, c.recipient)).toBe(before + owed);
    paid += owed;
  }
  const afterClaims = await getRound(roundId);
  expect(afterClaims.paid).toBe(paid);
  expect(afterClaims.paid).toBeLessThanOrEqual(afterClaims.pool);
  await expect(ben.page.getByTestId('round-paid')).toHaveAttribute('data-units', paid.toString());

  // Each match is floored, so a remainder is left: it goes back to the union's treasury (the timelock).
  const remainder = pool - paid;
  expect(remainder).toBeGreaterThan(0n); // the pledges above leave rounding dust by construction
  await visitRound(cat);
  await expect(cat.page.getByTestId('round-sweep')).toHaveAttribute('data-units', remainder.toString());
  const treasury = await unionTimelock(union);
  const treasuryBefore = await tokenBalance(union, treasury);
  await cat.page.getByTestId('round-sweep').click();
  await expect.poll(async () => (await getRound(roundId)).swept, { timeout: 60_000 }).toBe(remainder);
  expect(await tokenBalance(union, treasury)).toBe(treasuryBefore + remainder);
  await expect(cat.page.getByTestId('round-sweep')).toHaveCount(0);
  await expect(cat.page.getByTestId('round-swept')).toHaveAttribute('data-units', remainder.toString());
  const final = await getRound(roundId);
  expect(final.paid + final.swept).toBe(final.pool);
  // The contract now holds only the campaigns' own raised funds of this union's token (not yet claimed).
  expect(await tokenBalance(union, crowdfundAddress())).toBe(states.reduce((sum, s) => sum + s.raised, 0n));
});

// Phones first: every page of the site, at the 390 px wide touch screen every e2e test uses, fits the
// screen — nothing pushes the page wider than the viewport (a sideways-scrolling page is the classic
// way a desktop layout breaks on a phone). A member of the seeded demo union walks every route, so the
// forms, lists and content pages are all drawn with real data.
import { expect, test, type Page } from '@playwright/test';
import type { Address } from 'viem';
import { coursesAbi, demandsAbi, escrowAbi, unionFactoryAbi, unionGovernorAbi } from '../../web/lib/chain/abi/generated.ts';
import { joinUnion } from './fixtures/fundSwap.ts';
import { openMember, type Member } from './fixtures/member.ts';
import { anvilAccount, e2eStack } from './fixtures/stack.ts';
import { localChain } from '../../scripts/lib/localChain.ts';

test.describe.configure({ mode: 'serial', timeout: 600_000 });

// The one account no other e2e file uses.
const WALKER = anvilAccount(47);

let member: Member;

test.beforeAll(async ({ browser }) => {
  await joinUnion(e2eStack().demoUnion, WALKER);
  member = await openMember(browser, WALKER);
  await member.open('/');
  await member.connect();
});

test.afterAll(async () => {
  await member?.close();
});

/** Elements whose right edge lies beyond the viewport, as `tag.class[testid]`, for the failure message. */
async function overflow(page: Page): Promise<{ scrollWidth: number; width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1) continue;
      // Only the outermost offender of a subtree says where the layout breaks; content inside a box that
      // scrolls or clips sideways (the section tabs) does not widen the page.
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1) continue;
      let clipped = false;
      for (let a = el.parentElement; a && !clipped; a = a.parentElement) clipped = getComputedStyle(a).overflowX !== 'visible';
      if (clipped) continue;
      const testid = el.getAttribute('data-testid');
      culprits.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}${testid ? `[${testid}]` : ''} → ${Math.round(r.right)} px`);
      if (culprits.length >= 5) break;
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
  });
}

async function expectFits(route: string, ready: (page: Page) => Promise<void>): Promise<void> {
  const { page } = member;
  await member.open(route);
  await ready(page);
  // Late content (names from Ceramic, images) may widen a page after its first paint.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  const o = await overflow(page);
  expect(o.scrollWidth, `${route} is ${o.scrollWidth} px wide on a ${o.width} px screen: ${o.culprits.join('; ')}`).toBeLessThanOrEqual(o.width);
}

const heading = async (page: Page): Promise<void> => {
  await expect(page.locator('h1').first()).toBeVisible({ timeout: 30_000 });
};

/** The demo union's ids the routes need, read from the chain the seed wrote to. */
async function demoIds(): Promise<{ founder: Address; proposalId: bigint | null; demandId: bigint | null; courseId: bigint | null; dealId: bigint | null }> {
  const { config, demoUnion, demoMembers } = e2eStack();
  const { client } = localChain(config.chain.rpcUrl, config.chain.id);
  const fromBlock = BigInt(config.contracts.deployBlock);
  const [created] = await client.getContractEvents({ address: config.contracts.unionFactory, abi: unionFactoryAbi, eventName: 'UnionCreated', args: { union: demoUnion }, fromBlock, strict: true });
  const proposals = created
    ? await client.getContractEvents({ address: created.args.governor, abi: unionGovernorAbi, eventName: 'ProposalCreated', fromBlock, strict: true })
    : [];
  const demands = config.contracts.demands
    ? await client.getContractEvents({ address: config.contracts.demands, abi: demandsAbi, eventName: 'DemandCreated', args: { union: demoUnion }, fromBlock, strict: true })
    : [];
  const courses = config.contracts.courses
    ? await client.getContractEvents({ address: config.contracts.courses, abi: coursesAbi, eventName: 'CourseRegistered', args: { union: demoUnion }, fromBlock, strict: true })
    : [];
  const deals = config.contracts.escrow
    ? await client.getContractEvents({ address: config.contracts.escrow, abi: escrowAbi, eventName: 'DealOpened', args: { union: demoUnion }, fromBlock, strict: true })
    : [];
  return {
    founder: demoMembers[0]!,
    proposalId: proposals[0]?.args.proposalId ?? null,
    demandId: demands[0]?.args.demandId ?? null,
    courseId: courses[0]?.args.courseId ?? null,
    dealId: deals[0]?.args.dealId ?? null,
  };
}

test('every page of the demo union fits a 390 px phone screen', async () => {
  const { demoUnion: u } = e2eStack();
  const ids = await demoIds();
  // The seed gives each of these pages real content; a missing id means the seed changed, not the layout.
  expect(ids.proposalId, 'seeded proposal').not.toBeNull();
  expect(ids.demandId, 'seeded demand').not.toBeNull();
  expect(ids.courseId, 'seeded course').not.toBeNull();

  const routes: Array<[string, (page: Page) => Promise<void>]> = [
    ['/', async (p) => void (await expect(p.getByTestId('union-card').first()).toBeVisible({ timeout: 30_000 }))],
    ['/create', heading],
    ['/me', heading],
    [`/m/${ids.founder}`, heading],
    [`/u/${u}`, async (p) => void (await expect(p.getByTestId('member-item').first()).toBeVisible({ timeout: 30_000 }))],
    [`/u/${u}/feed`, async (p) => void (await expect(p.getByTestId('post').first()).toBeVisible({ timeout: 30_000 }))],
    [`/u/${u}/leaders`, heading],
    [`/u/${u}/leaders/graph/${ids.founder}`, heading],
    [`/u/${u}/m/${ids.founder}`, heading],
    [`/u/${u}/market`, heading],
    [`/u/${u}/market/disputes`, heading],
    [`/u/${u}/fund`, heading],
    [`/u/${u}/fund/new`, heading],
    [`/u/${u}/swap`, heading],
    [`/u/${u}/govern`, heading],
    [`/u/${u}/govern/new`, heading],
    [`/u/${u}/govern/${ids.proposalId}`, heading],
    [`/u/${u}/demands`, heading],
    [`/u/${u}/demands/${ids.demandId}`, heading],
    [`/u/${u}/courses`, heading],
    [`/u/${u}/courses/new`, heading],
    [`/u/${u}/courses/${ids.courseId}`, heading],
    [`/u/${u}/courses/${ids.courseId}/1`, heading],
  ];
  if (ids.dealId !== null) routes.push([`/u/${u}/market/deal/${ids.dealId}`, heading]);

  // The post page: the feed's first post, by the link the feed itself draws.
  await member.open(`/u/${u}/feed`);
  const postHref = await member.page.getByTestId('post-link').first().getAttribute('href', { timeout: 30_000 });
  expect(postHref).toMatch(/\/post\//);
  routes.push([postHref!.slice(postHref!.indexOf('#') + 1), async (p) => void (await expect(p.getByTestId('post').first()).toBeVisible({ timeout: 30_000 }))]);

  const failures: string[] = [];
  for (const [route, ready] of routes) {
    await expectFits(route, ready).catch((e: unknown) => failures.push(`${route}: ${e instanceof Error ? e.message.split('\n')[0]! : String(e)}`));
  }
  expect(failures, failures.join('\n')).toEqual([]);
});

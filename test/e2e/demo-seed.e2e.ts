// The demo union's Governance, Demands and Courses pages are not empty: what the seed put on chain,
// IPFS and Ceramic (scripts/stack/seed/{governance,demands,courses}.ts) is read back here and the
// built site, opened by a visitor with no wallet, must show the same proposal, demand and course.
import { expect, test, type Page } from '@playwright/test';
import { decodeFunctionData, erc20Abi, formatEther, verifyTypedData, type Address } from 'viem';
import { coursesAbi, demandsAbi, unionAbi, unionFactoryAbi, unionGovernorAbi } from '../../web/lib/chain/abi/generated.ts';
import { commitmentDomain, commitmentTypedData } from '../../web/lib/demands/typedData.ts';
import { localChain } from '../../scripts/lib/localChain.ts';
import { DEMO_PROPOSAL_AMOUNT, DEMO_PROPOSAL_TITLE } from '../../scripts/stack/seed/governance.ts';
import { DEMO_DEMAND } from '../../scripts/stack/seed/demands.ts';
import { DEMO_COURSE } from '../../scripts/stack/seed/courses.ts';
import { formatDescription, parseDescription } from '../../web/lib/governance/description.ts';
import { e2eStack } from './fixtures/stack.ts';

function chain() {
  const { config } = e2eStack();
  return localChain(config.chain.rpcUrl, config.chain.id);
}

const fromBlock = (): bigint => BigInt(e2eStack().config.contracts.deployBlock);

async function ipfsText(cid: string, path = ''): Promise<string> {
  const res = await fetch(`${e2eStack().config.ipfs.gateway}/ipfs/${cid}${path ? `/${path}` : ''}`);
  expect(res.ok).toBe(true);
  return res.text();
}

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await (await browser.newContext()).newPage();
});

test.afterAll(async () => {
  await page.context().close();
});

test('the demo union has an open proposal from a member, described on IPFS like a UI proposal, with votes', async () => {
  const { demoUnion, demoMembers, config, siteUrl } = e2eStack();
  const { client } = chain();
  const [created] = await client.getContractEvents({
    address: config.contracts.unionFactory,
    abi: unionFactoryAbi,
    eventName: 'UnionCreated',
    args: { union: demoUnion },
    fromBlock: fromBlock(),
    strict: true,
  });
  const { governor, token, timelock } = created!.args;
  const proposals = await client.getContractEvents({ address: governor, abi: unionGovernorAbi, eventName: 'ProposalCreated', fromBlock: fromBlock(), strict: true });
  const seeded = proposals.find((p) => parseDescription(p.args.description).title === DEMO_PROPOSAL_TITLE);
  expect(seeded).toBeDefined();
  const { proposalId, proposer, description, targets, calldatas } = seeded!.args;
  expect(demoMembers.map((m) => m.toLowerCase())).toContain(proposer.toLowerCase());
  expect(await client.readContract({ address: demoUnion, abi: unionAbi, functionName: 'isMember', args: [proposer] })).toBe(true);

  // The description is exactly what the proposal builder writes: "title\n\nipfs://cid", the body "# title\n\n…".
  const { cid } = parseDescription(description);
  expect(cid).not.toBeNull();
  expect(description).toBe(formatDescription(DEMO_PROPOSAL_TITLE, cid!));
  const body = await ipfsText(cid!);
  expect(body.startsWith(`# ${DEMO_PROPOSAL_TITLE}\n\n`)).toBe(true);

  // One call: the union token's transfer of the amount, from the timelock's reserve to a member.
  expect(targets).toEqual([token]);
  const call = decodeFunctionData({ abi: erc20Abi, data: calldatas[0]! });
  expect(call.functionName).toBe('transfer');
  const [to, amount] = call.args as readonly [Address, bigint];
  expect(amount).toBe(DEMO_PROPOSAL_AMOUNT);
  expect(await client.readContract({ address: demoUnion, abi: unionAbi, functionName: 'isMember', args: [to] })).toBe(true);
  expect(await client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [timelock] })).toBeGreaterThanOrEqual(amount);

  const state = await client.readContract({ address: governor, abi: unionGovernorAbi, functionName: 'state', args: [proposalId] });
  expect(state).toBe(1); // Active: the voting delay has passed, the 3-day period has not
  const votes = await client.getContractEvents({ address: governor, abi: unionGovernorAbi, eventName: 'VoteCast', fromBlock: fromBlock(), strict: true });
  const cast = votes.filter((v) => v.args.proposalId === proposalId);
  expect(cast.length).toBeGreaterThan(0);
  for (const v of cast) expect(v.args.weight).toBeGreaterThan(0n); // members vote with the power join delegated
  const [against, forVotes, abstain] = await client.readContract({ address: governor, abi: unionGovernorAbi, functionName: 'proposalVotes', args: [proposalId] });
  const sum = (support: number): bigint => cast.filter((v) => v.args.support === support).reduce((a, v) => a + v.args.weight, 0n);
  expect([against, forVotes, abstain]).toEqual([sum(0), sum(1), sum(2)]);

  await page.goto(`${siteUrl}#/u/${demoUnion}/govern`);
  const item = page.getByTestId('proposal-item').filter({ hasText: DEMO_PROPOSAL_TITLE });
  await expect(item).toHaveCount(1, { timeout: 30_000 });
  await expect(item).toHaveAttribute('data-state', String(state));
  await item.getByTestId('proposal-link').click();
  await expect(page.getByTestId('proposal-title')).toHaveText(DEMO_PROPOSAL_TITLE, { timeout: 30_000 });
  await expect(page.getByTestId('proposal-state')).toHaveText('Voting');
  // The body's second-level heading, rendered from the markdown on IPFS.
  const heading = /^## (.+)$/m.exec(body)![1]!;
  await expect(page.getByTestId('proposal-description').getByRole('heading', { name: heading })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('proposal-call')).toHaveCount(targets.length);
  // Decoded for the voter, with the payee's profile name (the seed pays Ben, who has a profile).
  await expect(page.getByTestId('proposal-call-text')).toHaveText(`Pay ${formatEther(DEMO_PROPOSAL_AMOUNT)} TRU from the treasury to Ben Okafor`, { timeout: 30_000 });
  await expect(page.getByTestId('vote-item')).toHaveCount(cast.length);
});

test('the demo union has a collective demand with members’ signed commitments', async () => {
  const { demoUnion, config, siteUrl } = e2eStack();
  const { client } = chain();
  const demands = config.contracts.demands!;
  const created = await client.getContractEvents({ address: demands, abi: demandsAbi, eventName: 'DemandCreated', args: { union: demoUnion }, fromBlock: fromBlock(), strict: true });
  const seeded = created.find((d) => d.args.target === DEMO_DEMAND.target);
  expect(seeded).toBeDefined();
  const { demandId, textCid } = seeded!.args;
  const demand = await client.readContract({ address: demands, abi: demandsAbi, functionName: 'getDemand', args: [demandId] });
  const state = await client.readContract({ address: demands, abi: demandsAbi, functionName: 'stateOf', args: [demandId] });
  const text = await ipfsText(textCid);
  expect(text.startsWith(`# ${DEMO_DEMAND.title}\n\n**To:** ${DEMO_DEMAND.target}\n\n`)).toBe(true);

  // Every commitment is its member's EIP-712 signature over this demand, as the contract checked it.
  const committed = await client.getContractEvents({ address: demands, abi: demandsAbi, eventName: 'Committed', args: { demandId }, fromBlock: fromBlock(), strict: true });
  expect(committed.length).toBeGreaterThanOrEqual(2);
  expect(demand.commitments).toBe(committed.length);
  const domain = commitmentDomain(config.chain.id, demands);
  for (const c of committed) {
    const { member, nonce, signature } = c.args;
    expect(await client.readContract({ address: demoUnion, abi: unionAbi, functionName: 'isMember', args: [member] })).toBe(true);
    expect(await verifyTypedData({ address: member, signature, ...commitmentTypedData(domain, { union: demoUnion, demandId, member, textCid, nonce }) })).toBe(true);
  }

  await page.goto(`${siteUrl}#/u/${demoUnion}/demands`);
  const item = page.getByTestId('demand-item').filter({ hasText: DEMO_DEMAND.target });
  await expect(item).toHaveCount(1, { timeout: 30_000 });
  await expect(item).toHaveAttribute('data-state', String(state));
  await item.getByTestId('demand-link').click();
  await expect(page.getByTestId('demand-state')).toHaveAttribute('data-state', String(state), { timeout: 30_000 });
  await expect(page.getByTestId('demand-progress')).toHaveAttribute('data-count', String(demand.commitments));
  await expect(page.getByTestId('demand-text')).toContainText(DEMO_DEMAND.target, { timeout: 30_000 });
  await expect(page.getByTestId('commitment-item')).toHaveCount(committed.length);
});

test('the demo union has a free course whose lessons open and verify', async () => {
  const { demoUnion, config, siteUrl } = e2eStack();
  const { client } = chain();
  const courses = config.contracts.courses!;
  const registered = await client.getContractEvents({ address: courses, abi: coursesAbi, eventName: 'CourseRegistered', args: { union: demoUnion }, fromBlock: fromBlock(), strict: true });
  expect(registered.length).toBeGreaterThan(0);
  const found: { id: bigint; manifest: ManifestContent }[] = [];
  for (const r of registered) found.push({ id: r.args.courseId, manifest: await ceramicManifest(r.args.manifest, r.args.author) });
  const seeded = found.find((c) => c.manifest.title === DEMO_COURSE.title);
  expect(seeded).toBeDefined();
  const { id, manifest } = seeded!;
  const course = await client.readContract({ address: courses, abi: coursesAbi, functionName: 'getCourse', args: [id] });
  expect(course.price).toBe(0n);
  expect(manifest.price).toBe('0');
  expect(await client.readContract({ address: demoUnion, abi: unionAbi, functionName: 'isMember', args: [course.author] })).toBe(true);
  const [v1] = await client.getContractEvents({ address: courses, abi: coursesAbi, eventName: 'CourseVersionPublished', args: { courseId: id }, fromBlock: fromBlock(), strict: true });
  expect(v1!.args.contentCid).toBe(manifest.contentCid);
  // One directory: every lesson the manifest names is a file in it.
  expect(manifest.lessons.length).toBeGreaterThanOrEqual(2);
  for (const l of manifest.lessons) {
    expect(l.type).toBe('markdown');
    expect(await ipfsText(manifest.contentCid, l.path)).toContain(`# ${l.title}`);
  }

  await page.goto(`${siteUrl}#/u/${demoUnion}/courses`);
  const item = page.locator(`[data-testid="course-item"][data-course-id="${id}"]`);
  await expect(item).toContainText(manifest.title, { timeout: 30_000 });
  await item.getByTestId('course-link').click();
  await expect(page.getByTestId('course-title')).toHaveText(manifest.title, { timeout: 30_000 });
  await expect(page.getByTestId('course-price')).toHaveText('Free');
  await expect(page.getByTestId('course-lesson')).toHaveCount(manifest.lessons.length);
  for (const [i, l] of manifest.lessons.entries()) {
    await page.getByTestId(`lesson-link-${i + 1}`).click();
    await expect(page.getByTestId('lesson-title')).toContainText(l.title);
    await expect(page.getByTestId('lesson-verified')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('lesson-markdown').getByRole('heading', { name: l.title })).toBeVisible();
    await page.getByTestId('lesson-back').click();
    await expect(page.getByTestId('course-title')).toBeVisible();
  }
});

interface ManifestContent {
  title: string;
  author: string;
  contentCid: string;
  price: string;
  lessons: { title: string; path: string; type: string }[];
}

/** A manifest from the Ceramic node's HTTP API, checked to be controlled by the course's on-chain author. */
async function ceramicManifest(streamId: string, author: Address): Promise<ManifestContent> {
  const res = await fetch(`${e2eStack().config.ceramic.url}/api/v0/streams/${streamId}`);
  expect(res.ok).toBe(true);
  const { state } = (await res.json()) as { state: { content: ManifestContent; metadata: { controllers?: string[]; controller?: string } } };
  const controller = state.metadata.controller ?? state.metadata.controllers?.[0];
  expect(controller?.toLowerCase()).toBe(`did:pkh:eip155:${e2eStack().config.chain.id}:${author.toLowerCase()}`);
  expect(state.content.author.toLowerCase()).toBe(author.toLowerCase());
  return state.content;
}

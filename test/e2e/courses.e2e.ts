// Courses in a phone-sized Chromium against the site at /ipfs/<cid>/, with three members' wallets:
// an author publishes a three-lesson course (markdown, an image, markdown, plus a cover) to IPFS as one
// directory, a member pays and reads every lesson, finishes, gets the credential from the author and
// sees it on their profile; a third member's gateway is made to return tampered bytes and the lesson
// is refused with an error instead of shown. Then the author publishes version 2 with one lesson
// changed (after a failed upload whose draft survives a reload); the enrolled member reads the new
// lesson, and version 1's lesson stays readable, verified, by version 1's CID.
import { expect, test, type Page } from '@playwright/test';
import { parseEther, type Address } from 'viem';
import { coursesAbi, unionAbi, unionTokenAbi } from '../../web/lib/chain/abi/generated.ts';
import { localChain, send } from '../../scripts/lib/localChain.ts';
import { createUnionDirectly } from './fixtures/chain.ts';
import { explainOnFailure, openMember, type Member } from './fixtures/member.ts';
import { anvilAccount, e2eStack } from './fixtures/stack.ts';

test.describe.configure({ mode: 'serial' });

// A 2×2 PNG (the lesson image) and a 1×1 PNG (the cover).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);
const COVER = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const LESSON_1 = '# Why we organise\n\nLesson one: **shared shifts** make us stronger.';
const LESSON_3 = '# Bargaining\n\nLesson three: we <script>window.hacked=1</script>ask together.';
const LESSON_3_V2 = '# Bargaining, revised\n\nVersion two: we **write it down** together.';
const PRICE = parseEther('4');

let author: Member;
let student: Member;
let reader: Member;
let union: Address;
let coursePath = '';

function lc() {
  const { config } = e2eStack();
  return localChain(config.chain.rpcUrl, config.chain.id);
}

async function balanceOf(token: Address, who: Address): Promise<bigint> {
  return lc().client.readContract({ address: token, abi: unionTokenAbi, functionName: 'balanceOf', args: [who] });
}

async function readLesson(page: Page, n: number): Promise<void> {
  await page.getByTestId(`lesson-link-${n}`).click();
  await expect(page.getByTestId('lesson-title')).toContainText(`${n}.`);
  await expect(page.getByTestId('lesson-verified')).toBeVisible({ timeout: 30_000 });
}

test.beforeAll(async ({ browser }) => {
  const [a, s, r] = [anvilAccount(30), anvilAccount(31), anvilAccount(32)];
  union = await createUnionDirectly(a, `Course Guild ${Date.now()}`, 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy');
  for (const m of [s, r]) {
    await send(lc(), m, { address: union, abi: unionAbi, functionName: 'join' });
    // joining gives no grant: the founder (trusted; one vouch in this union) vouches on chain
    await send(lc(), a, { address: union, abi: unionAbi, functionName: 'back', args: [m] });
  }
  author = await openMember(browser, a);
  student = await openMember(browser, s);
  reader = await openMember(browser, r);
});

test.afterAll(async () => {
  await Promise.all([author, student, reader].map((m) => m?.close()));
});

test('an author publishes a three-lesson course with an image to IPFS as one directory', async () => {
  const { page } = author;
  await author.open(`/u/${union}/courses/new`);
  await author.connect();
  await page.getByTestId('course-title').fill('Organising 101');
  await page.getByTestId('course-summary').fill('How a union *starts*.');
  await page.getByTestId('course-cover').setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: COVER });
  const files = [
    { title: 'Why we organise', file: { name: 'why.md', mimeType: 'text/markdown', buffer: Buffer.from(LESSON_1) } },
    { title: 'The map', file: { name: 'map.png', mimeType: 'image/png', buffer: PNG } },
    { title: 'Bargaining', file: { name: 'bargain.md', mimeType: 'text/markdown', buffer: Buffer.from(LESSON_3) } },
  ];
  for (const [i, l] of files.entries()) {
    await page.getByTestId(`lesson-file-${i}`).setInputFiles(l.file);
    await page.getByTestId(`lesson-title-${i}`).fill(l.title);
  }
  await page.getByTestId('course-price').fill('4');
  await page.getByTestId('course-share').fill('75');
  await page.getByTestId('course-publish').click();
  await expect(page.getByTestId('course-upload-progress')).toHaveAttribute('data-percent', '100', { timeout: 30_000 });
  await expect(page.getByTestId('course-published')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('course-published-link').click();
  await expect(page.getByTestId('course-title')).toHaveText('Organising 101');
  await expect(page.getByTestId('course-lesson')).toHaveCount(3);
  await expect(page.getByTestId('course-cover-img')).toBeVisible();
  // the author is not offered to pay for their own course
  await expect(page.getByTestId('course-own')).toContainText('you receive 75% of each enrolment');
  await expect(page.getByTestId('course-enrol')).toHaveCount(0);
  coursePath = new URL(page.url()).hash.slice(1);

  // On chain: one course in this union, priced as set, its version 1 is the directory the page names.
  const { config } = e2eStack();
  const id = BigInt(coursePath.split('/').at(-1)!);
  const course = await lc().client.readContract({ address: config.contracts.courses!, abi: coursesAbi, functionName: 'getCourse', args: [id] });
  expect(course.price).toBe(PRICE);
  expect(course.authorShareBps).toBe(7500);
  expect(course.author.toLowerCase()).toBe(author.address.toLowerCase());
  const cid = (await page.getByTestId('course-content-cid').textContent())!.replace('Current: ', '').trim();
  const listing = await fetch(`${config.ipfs.gateway}/ipfs/${cid}/02-the-map.png`);
  expect(Buffer.from(await listing.arrayBuffer()).equals(PNG)).toBe(true);
});

test('another member pays, reads every lesson, finishes, and sees the credential on their profile', async () => {
  const { page } = student;
  const { config } = e2eStack();
  const token = await lc().client.readContract({ address: union, abi: unionAbi, functionName: 'token' });
  const timelock = await lc().client.readContract({ address: union, abi: unionAbi, functionName: 'timelock' });
  const [authorBefore, treasuryBefore, studentBefore] = await Promise.all([
    balanceOf(token, author.address),
    balanceOf(token, timelock),
    balanceOf(token, student.address),
  ]);

  await student.open(coursePath);
  await student.connect();
  await expect(page.getByTestId('lesson-link-1')).toHaveCount(0); // paid: lessons open after enrolment
  await page.getByTestId('course-enrol').click();
  await expect(page.getByTestId('course-enrolled')).toBeVisible({ timeout: 60_000 });
  expect(await balanceOf(token, student.address)).toBe(studentBefore - PRICE);
  expect(await balanceOf(token, author.address)).toBe(authorBefore + parseEther('3'));
  expect(await balanceOf(token, timelock)).toBe(treasuryBefore + parseEther('1'));

  await readLesson(page, 1);
  await expect(page.getByTestId('lesson-markdown')).toContainText('shared shifts');
  await page.getByTestId('lesson-done').click();
  await expect(page.getByTestId('lesson-image')).toBeVisible({ timeout: 30_000 });
  const shown = await page.getByTestId('lesson-image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth);
  expect(shown).toBe(2);
  await page.getByTestId('lesson-done').click();
  await expect(page.getByTestId('lesson-markdown')).toContainText('ask together');
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  await page.getByTestId('lesson-done').click();

  await expect(page.getByTestId('course-title')).toBeVisible();
  await expect(page.locator('[data-testid="course-lesson"][data-done="true"]')).toHaveCount(3);
  await page.getByTestId('course-complete').click();
  await expect(page.getByTestId('course-tx')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });

  // The author confirms from their course page.
  await author.open(coursePath);
  const row = author.page.locator(`[data-testid="issue-row"][data-member="${student.address.toLowerCase()}"]`);
  await row.getByTestId('issue-credential').click();
  await expect(author.page.getByTestId('issue-tx')).toHaveAttribute('data-state', 'confirmed', { timeout: 60_000 });

  await student.open(`/m/${student.address}`);
  await expect(page.getByTestId('credential')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('credential')).toContainText('Organising 101');
  const id = BigInt(coursePath.split('/').at(-1)!);
  expect(
    await lc().client.readContract({ address: config.contracts.courses!, abi: coursesAbi, functionName: 'credentialIssuedAt', args: [id, student.address] }),
  ).toBeGreaterThan(0n);
});

test('a lesson whose bytes do not match its CID is refused, never shown', async () => {
  const { page } = reader;
  // The gateway (here: the network path to it) swaps one word inside the lesson's raw block.
  await page.route('**/*format=car*', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    const at = body.indexOf('shared shifts');
    expect(at).toBeGreaterThan(-1);
    const tampered = Buffer.concat([body.subarray(0, at), Buffer.from('broken strike'), body.subarray(at + 'broken strike'.length)]);
    await route.fulfill({ response, body: tampered });
  });
  await reader.open(`${coursePath}/1`);
  await expect(page.getByTestId('lesson-error')).toContainText('does not match its CID', { timeout: 30_000 });
  await expect(page.getByTestId('lesson-content')).toHaveCount(0);
  await expect(page.getByText('broken strike')).toHaveCount(0);

  // A gateway that leaves the file's block out is refused too.
  await page.unroute('**/*format=car*');
  await page.route('**/*format=car*', (route) => route.fulfill({ status: 504, body: 'timeout' }));
  await reader.open(`${coursePath}/3`);
  await expect(page.getByTestId('lesson-error')).toContainText('could not be found on IPFS', { timeout: 30_000 });
});

test('the author publishes version 2 with one lesson changed; members read it, version 1 stays readable by its CID', async () => {
  const { page } = author;
  const { config } = e2eStack();
  const id = BigInt(coursePath.split('/').at(-1)!);
  await author.open(coursePath);
  const v1 = (await page.getByTestId('course-content-cid').textContent())!.replace('Current: ', '').trim();
  await expect(page.getByTestId('course-version')).toHaveText('version 1');

  await page.getByTestId('version-open').click();
  await expect(page.getByTestId('version-problem')).toContainText('Nothing changed');
  await expect(page.getByTestId('version-lesson-source-0')).toHaveText('Keeps 01-why-we-organise.md');
  await page.getByTestId('version-title').fill('Organising 101, second edition');
  const newLesson = { name: 'bargain-v2.md', mimeType: 'text/markdown', buffer: Buffer.from(LESSON_3_V2) };
  await page.getByTestId('version-lesson-file-2').setInputFiles(newLesson);
  await expect(page.getByTestId('version-lesson-source-2')).toHaveText('New file: bargain-v2.md');

  // The IPFS upload endpoint fails once: the error is shown, nothing reaches Ceramic or the chain,
  // and the typed title survives a reload (the chosen file must be picked again).
  await page.route('**/api/v0/add**', (route) => route.fulfill({ status: 500, body: 'down' }));
  await page.getByTestId('version-publish').click();
  await expect(page.getByTestId('version-status')).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await expect(page.getByTestId('version-status').getByTestId('error-message')).toContainText('IPFS');
  await page.unroute('**/api/v0/add**');
  await page.reload();
  await expect(page.getByTestId('wallet-account')).toBeVisible({ timeout: 30_000 }); // reconnects the last wallet
  await expect(page.getByTestId('version-title')).toHaveValue('Organising 101, second edition', { timeout: 30_000 });
  await expect(page.getByTestId('version-problem')).toHaveText('Lesson 3 needs a file');
  await page.getByTestId('version-lesson-file-2').setInputFiles(newLesson);
  await page.getByTestId('version-publish').click();
  // The course is read again once published: wait for the version, or for an error the page shows
  // instead (then the failure names it).
  await explainOnFailure(page, () =>
    expect(page.getByTestId('course-version').or(page.getByTestId('course-error'))).toHaveText('version 2', { timeout: 90_000 }),
  );
  await expect(page.getByTestId('course-title')).toHaveText('Organising 101, second edition');
  const v2 = (await page.getByTestId('course-content-cid').textContent())!.replace('Current: ', '').trim();
  expect(v2).not.toBe(v1);
  const course = await lc().client.readContract({ address: config.contracts.courses!, abi: coursesAbi, functionName: 'getCourse', args: [id] });
  expect(course.version).toBe(2);
  // Kept lessons were copied into the new directory byte for byte.
  const kept = await fetch(`${config.ipfs.gateway}/ipfs/${v2}/02-the-map.png`);
  expect(Buffer.from(await kept.arrayBuffer()).equals(PNG)).toBe(true);

  // The enrolled member still has access and reads the new lesson 3.
  await student.open(coursePath);
  await expect(student.page.getByTestId('course-version')).toHaveText('version 2', { timeout: 30_000 });
  await readLesson(student.page, 3);
  await expect(student.page.getByTestId('lesson-markdown')).toContainText('write it down');

  // Version 1, by the CID the chain recorded for it: listed, and its lesson 3 opened and verified.
  await student.open(coursePath);
  await student.page.getByTestId('course-versions').locator('summary').click();
  await student.page.getByTestId('course-version-link-1').click();
  await expect(student.page.getByTestId('old-version-cid')).toHaveText(v1, { timeout: 30_000 });
  await student.page.locator('[data-testid="old-version-file"][data-path="03-bargaining.md"]').click();
  await expect(student.page.getByTestId('old-lesson-verified')).toBeVisible({ timeout: 30_000 });
  await expect(student.page.getByTestId('old-lesson-markdown')).toContainText('ask together');
  await expect(student.page.getByTestId('old-lesson-markdown')).not.toContainText('write it down');
});

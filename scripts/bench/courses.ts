// Courses bench: gas of enrolling (paid: two token transfers; free) from real receipts beside the storage
// floor, and in Debian's Chromium against the site on the local gateway: the time to publish a 20 MB
// course from the browser (upload to the local IPFS node; then manifest on Ceramic and registration on
// chain), and the time to open its first lesson (an 18 MB file) through the gateway with every block
// verified against the course's directory CID.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { parseEther, type Address, type TransactionReceipt } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { coursesAbi, unionAbi, unionFactoryAbi } from '../../web/lib/chain/abi/generated.ts';
import { advanceClock, localChain, send, unionCreatedIn } from '../lib/localChain.ts';
import { installTestWallet } from '../../test/e2e/fixtures/testWallet.ts';
import { measuredRow, vouchFor } from './union-gas.ts';
import type { Row } from './table.ts';
import { unionParams } from '../lib/unionParams.ts';

const MNEMONIC = 'test test test test test test test test test test test junk';
const account = (i: number): Address => mnemonicToAccount(MNEMONIC, { addressIndex: i }).address;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export interface CoursesBenchInput {
  rpcUrl: string;
  chainId: number;
  factory: Address;
  courses: Address;
  siteUrl: string;
}

export async function benchCourses(input: CoursesBenchInput): Promise<Row[]> {
  const lc = localChain(input.rpcUrl, input.chainId);
  // Accounts 30–33: the course helper's range, untouched by the demo seed and the other benches.
  const [author, payer, freeLearner] = [account(30), account(31), account(32)];
  const created = await send(lc, author, {
    address: input.factory,
    abi: unionFactoryAbi,
    functionName: 'createUnion',
    args: [unionParams({ name: 'Bench Course Guild', tokenName: 'Guild Token', tokenSymbol: 'GLD', treasuryReserve: parseEther('1000'), governance: { votingDelay: 60 } })],
  });
  const union = unionCreatedIn(created);
  for (const m of [payer, freeLearner]) await send(lc, m, { address: union, abi: unionAbi, functionName: 'join' });
  // Joining confers nothing (issue 12): the author (founder) vouches for the payer, who then holds the grant it pays with.
  await vouchFor(lc, union, [payer], [author]);
  const register = (price: bigint) =>
    send(lc, author, {
      address: input.courses,
      abi: coursesAbi,
      functionName: 'registerCourse',
      args: [union, 'kjzl6kcym7w8ybenchmanifest0000000000000000000000000000000', 'bafybeibenchcoursecontent', price, 7000, false],
    });
  const idOf = (r: TransactionReceipt): bigint => BigInt(r.logs[0]!.topics[1]!);
  const paid = idOf(await register(parseEther('10')));
  const free = idOf(await register(0n));
  const token = await lc.client.readContract({ address: union, abi: unionAbi, functionName: 'token' });
  await send(lc, payer, {
    address: token,
    abi: [{ type: 'function', name: 'approve', stateMutability: 'nonpayable', inputs: [{ name: 's', type: 'address' }, { name: 'v', type: 'uint256' }], outputs: [{ name: '', type: 'bool' }] }] as const,
    functionName: 'approve',
    args: [input.courses, parseEther('10')],
  });
  const rows: Row[] = [];
  // A minute apart, as real enrolments are: ERC20Votes then writes a new checkpoint per balance that moved
  // instead of overwriting one from the same second (which would understate the cost by ~44k).
  const later = (): Promise<void> => advanceClock(lc, 60);
  await later();
  const paidReceipt = await send(lc, payer, { address: input.courses, abi: coursesAbi, functionName: 'enrol', args: [paid, parseEther('10')] });
  rows.push(await measuredRow(lc.client, 'enrol, paid (author + treasury transfers)', paidReceipt, '2 transferFrom with vote checkpoints; anchor ERC-20 transfer 51,613'));
  await later();
  const freeReceipt = await send(lc, freeLearner, { address: input.courses, abi: coursesAbi, functionName: 'enrol', args: [free, 0n] });
  rows.push(await measuredRow(lc.client, 'enrol, free', freeReceipt, 'one new slot'));
  rows.push(...(await benchBrowser(input, union, author)));
  return rows;
}

async function benchBrowser(input: CoursesBenchInput, union: Address, author: Address): Promise<Row[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const cleanup: Array<() => Promise<void>> = [];
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    // tsx (esbuild) wraps named functions in __name(); the wallet's init script is serialised from such a
    // function, so the page needs that helper too (Playwright's own test runner does not add it).
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await installTestWallet(page, { rpcUrl: input.rpcUrl, chainId: input.chainId, address: author });
    await page.goto(`${input.siteUrl}#/u/${union}/courses/new`);
    // web3-onboard is a ~300 KB lazy chunk: on a busy machine its modal can take a while.
    await page.getByTestId('connect-wallet').click({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Anvil Test Wallet' }).click({ timeout: 120_000 });
    await page.getByTestId('wallet-account').waitFor({ timeout: 120_000 });
    await page.getByTestId('course-title').fill('Twenty megabytes');
    const files = [
      { title: 'Recorded lecture', name: 'lecture.mp4', buffer: randomBytes(18 * 1024 * 1024) },
      { title: 'Slides', name: 'slides.pdf', buffer: randomBytes(2 * 1024 * 1024 - 4096) },
      { title: 'Notes', name: 'notes.md', buffer: Buffer.from('# Notes\n\nRead the slides.\n') },
    ];
    // Files on disk: Playwright hands a local browser the paths instead of pushing 20 MB through CDP.
    const dir = await mkdtemp(join(tmpdir(), 'nu-course-bench-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    for (const [i, f] of files.entries()) {
      await writeFile(join(dir, f.name), f.buffer);
      await page.getByTestId(`lesson-file-${i}`).setInputFiles(join(dir, f.name));
      await page.getByTestId(`lesson-title-${i}`).fill(f.title);
    }
    const start = Date.now();
    await page.getByTestId('course-publish').click();
    await page.locator('[data-testid="course-upload-progress"][data-percent="100"]').waitFor({ timeout: 300_000 });
    const uploaded = Date.now() - start;
    await page.getByTestId('course-published').waitFor({ timeout: 300_000 });
    const published = Date.now() - start;
    const link = await page.getByTestId('course-published-link').getAttribute('href');
    await context.close();

    const reader = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const rp = await reader.newPage();
    const t0 = Date.now();
    await rp.goto(`${input.siteUrl}${link}/1`);
    await rp.getByTestId('lesson-verified').waitFor({ timeout: 300_000 });
    const opened = Date.now() - t0;
    await reader.close();
    return [
      { name: 'publish 20 MB course: upload to local IPFS', value: `${uploaded} ms`, note: 'browser → /api/v0/add (one UnixFS directory), XHR progress' },
      { name: 'publish 20 MB course: + Ceramic manifest + chain', value: `${published} ms`, note: 'includes the did-session sign-in and registerCourse' },
      { name: 'open first lesson (18 MB) from the gateway', value: `${opened} ms`, note: 'cold page load + trustless CAR, every block verified' },
    ];
  } finally {
    await browser.close();
    for (const c of cleanup) await c();
  }
}

// What a member waits for and downloads, measured in Debian's Chromium against the site served from
// the local IPFS gateway: JS (gzip) fetched before the directory is usable, and time until the demo
// union's page shows its members (named from Ceramic), each a median of cold loads.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import type { Row } from './table.ts';
import { FIRST_LOAD_TARGET_KB, HELLO_WORLD_KB } from '../site/firstLoad.ts';

const LOADS = 5;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export async function benchPageLoad(siteUrl: string, demoUnion: string, memberCount: number): Promise<Row[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const js = await firstLoadJs(browser, siteUrl);
    const times: number[] = [];
    const named: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const t = await unionPageTimes(browser, `${siteUrl}#/u/${demoUnion}`, memberCount);
      times.push(t.members);
      named.push(t.named);
    }
    return [
      {
        name: 'JS before the directory lists unions (gzip)',
        value: `${(js.bytes / 1024).toFixed(1)} KB`,
        note: `target ≤ ${FIRST_LOAD_TARGET_KB} KB · ${js.files} files; viem loaded: ${js.viem ? 'YES' : 'no'}; web3-onboard loaded: ${js.onboard ? 'YES' : 'no'} · anchors: kit hello world ~${HELLO_WORLD_KB} KB, onboard ~300 KB`,
      },
      { name: 'union page → members listed (median cold)', value: `${median(times)} ms`, note: `${LOADS} loads from /ipfs/<cid>/, chain logs via RPC` },
      { name: 'union page → member names from Ceramic', value: `${median(named)} ms`, note: 'profiles read without a wallet' },
    ];
  } finally {
    await browser.close();
  }
}

async function firstLoadJs(browser: Browser, siteUrl: string): Promise<{ bytes: number; files: number; onboard: boolean; viem: boolean }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  let files = 0;
  let onboard = false;
  let viem = false;
  page.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    bytes += gzipSync(body, { level: 9 }).length;
    files += 1;
    if (body.includes('web3-onboard') || body.includes('onboard-v2')) onboard = true;
    // The version tag every viem error carries (BaseError): any viem at all, its client included.
    if (body.includes('viem@')) viem = true;
  });
  await page.goto(siteUrl);
  await page.getByTestId('union-card').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  return { bytes, files, onboard, viem };
}

async function unionPageTimes(browser: Browser, url: string, memberCount: number): Promise<{ members: number; named: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(url);
  await page.getByTestId('member-item').nth(memberCount - 1).waitFor({ timeout: 60_000 });
  const members = Date.now() - start;
  await page.getByTestId('member-name').nth(memberCount - 1).waitFor({ timeout: 60_000 });
  const named = Date.now() - start;
  await context.close();
  return { members, named };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

// What a member waits for and downloads, measured in Debian's Chromium against the site served from
// the local IPFS gateway: JS (gzip) fetched before the directory is usable, and time until the demo
// union's page shows its members (named from Ceramic), each a median of cold loads.
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Request } from '@playwright/test';
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
    const shells: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const t = await unionPageTimes(browser, `${siteUrl}#/u/${demoUnion}`, memberCount, !!process.env.NU_BENCH_EXPLAIN && i === LOADS - 1);
      times.push(t.members);
      named.push(t.named);
      shells.push(t.shell);
    }
    return [
      {
        name: 'JS before the directory lists unions (gzip)',
        value: `${(js.bytes / 1024).toFixed(1)} KB`,
        note: `target ≤ ${FIRST_LOAD_TARGET_KB} KB · ${js.files} files; viem loaded: ${js.viem ? 'YES' : 'no'}; web3-onboard loaded: ${js.onboard ? 'YES' : 'no'} · anchors: kit hello world ~${HELLO_WORLD_KB} KB, onboard ~300 KB`,
      },
      { name: 'union page → bare shell shown (anchor)', value: `${median(shells)} ms`, note: `same ${LOADS} cold loads: the union's section tabs, before any read` },
      { name: 'union page → members listed (median cold)', value: `${median(times)} ms`, note: `target ≤ 500 ms · ${LOADS} loads from /ipfs/<cid>/, chain logs via RPC` },
      { name: 'union page → member names from Ceramic', value: `${median(named)} ms`, note: 'target ≤ 700 ms · profiles read without a wallet' },
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

async function unionPageTimes(browser: Browser, url: string, memberCount: number, explain = false): Promise<{ shell: number; members: number; named: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const waterfall = explain ? recordWaterfall(page) : null;
  const start = Date.now();
  await page.goto(url);
  await page.getByTestId('union-nav').waitFor({ timeout: 60_000 });
  const shell = Date.now() - start;
  await page.getByTestId('member-item').nth(memberCount - 1).waitFor({ timeout: 60_000 });
  const members = Date.now() - start;
  await page.getByTestId('member-name').nth(memberCount - 1).waitFor({ timeout: 60_000 });
  const named = Date.now() - start;
  if (waterfall) printWaterfall(waterfall, start, { 'shell shown': shell, 'members listed': members, 'names shown': named });
  await context.close();
  return { shell, members, named };
}

interface Span {
  label: string;
  start: number;
  end: number | null;
  bytes: number;
}

/** Every request of one page load: when it was sent and answered, and what it was (NU_BENCH_EXPLAIN). */
function recordWaterfall(page: Page): Span[] {
  const spans: Span[] = [];
  const open = new Map<Request, Span>();
  page.on('request', (request) => {
    const span = { label: describeRequest(request), start: Date.now(), end: null, bytes: 0 };
    spans.push(span);
    open.set(request, span);
  });
  const finish = (request: Request, failed: boolean): void => {
    const span = open.get(request);
    if (!span) return;
    span.end = Date.now();
    if (failed) span.label += ' (failed)';
    void request.sizes().then((s) => (span.bytes = s.responseBodySize)).catch(() => undefined);
  };
  page.on('requestfinished', (r) => finish(r, false));
  page.on('requestfailed', (r) => finish(r, true));
  return spans;
}

/** A request as a line: JSON-RPC methods (a batch counted), the gateway path's tail, or the Ceramic API path. */
function describeRequest(request: Request): string {
  const url = new URL(request.url());
  const body = request.postData();
  if (request.method() === 'POST' && body?.includes('"jsonrpc"')) {
    try {
      const parsed = JSON.parse(body) as { method: string; params?: unknown[] } | { method: string; params?: unknown[] }[];
      const calls = Array.isArray(parsed) ? parsed : [parsed];
      const counts = new Map<string, number>();
      for (const c of calls) counts.set(c.method, (counts.get(c.method) ?? 0) + 1);
      return `rpc ${[...counts].map(([m, n]) => (n > 1 ? `${m}×${n}` : m)).join(' ')}`;
    } catch {
      return `rpc ${url.pathname}`;
    }
  }
  const path = url.pathname.replace(/^\/ipfs\/[^/]+\//, '/');
  return `${request.method()} ${url.port ? `:${url.port}` : url.host}${path.length > 60 ? `${path.slice(0, 57)}…` : path}`;
}

function printWaterfall(spans: Span[], start: number, marks: Record<string, number>): void {
  const end = Math.max(...spans.map((s) => s.end ?? s.start), ...Object.values(marks).map((m) => start + m));
  const width = 40;
  const scale = width / Math.max(1, end - start);
  console.log(`\nunion page waterfall (ms from navigation; last cold load)`);
  const lines = [
    ...spans.map((s) => ({ at: s.start - start, line: `${String(s.start - start).padStart(5)}–${s.end === null ? '  …  ' : String(s.end - start).padStart(5)}  ${bar(s.start - start, (s.end ?? end) - start)}  ${s.label}${s.bytes > 0 ? ` (${(s.bytes / 1024).toFixed(1)} KB)` : ''}` })),
    ...Object.entries(marks).map(([name, at]) => ({ at, line: `${String(at).padStart(5)}        ${bar(at, at)}  ◆ ${name}` })),
  ].sort((a, b) => a.at - b.at);
  for (const l of lines) console.log(l.line);
  function bar(from: number, to: number): string {
    const a = Math.round(from * scale);
    const b = Math.max(a + 1, Math.round(to * scale));
    return `${' '.repeat(a)}${'█'.repeat(b - a)}${' '.repeat(Math.max(0, width - b))}`;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

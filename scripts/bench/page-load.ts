// What a member waits for and downloads, measured in Debian's Chromium against the site served from
// the local IPFS gateway: JS (gzip) fetched before the directory is usable, and time until the demo
// union's page shows its members (named from Ceramic), each a median of cold loads.
//
// Times come from the page's own clock (performance.now(), i.e. from the navigation's start, as Web
// Vitals count): a MutationObserver installed before any script notes when the shell, the members
// and their names first appear. Playwright's wall clock around goto/waitFor is printed beside it; it
// adds the CDP round trips and the locator's polling, which no member waits for.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import type { Row } from './table.ts';
import { FIRST_LOAD_TARGET_KB, HELLO_WORLD_KB } from '../site/firstLoad.ts';
import { fixPaths } from '../site/fix-paths.ts';
import { addFolderViaApi } from '../stack/ipfs/client.ts';
import { projectRoot } from '../lib/tools.ts';

const LOADS = 5;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

const UNION_TARGET_MS = 500;
const NAMES_TARGET_MS = 700;

export async function benchPageLoad(siteUrl: string, demoUnion: string, memberCount: number, ipfsApiUrl?: string): Promise<Row[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const js = await firstLoadJs(browser, siteUrl);
    // The anchor: kit's hello world from the same gateway, its loads interleaved with the union page's
    // so both meet the same machine.
    const helloUrl = ipfsApiUrl ? await publishHelloWorld(ipfsApiUrl, new URL(siteUrl).origin) : null;
    const times: number[] = [];
    const named: number[] = [];
    const shells: number[] = [];
    const walls: number[] = [];
    const hellos: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      if (helloUrl) hellos.push(await helloWorldTime(browser, helloUrl));
      const t = await unionPageTimes(browser, `${siteUrl}#/u/${demoUnion}`, memberCount, !!process.env.NU_BENCH_EXPLAIN && i === LOADS - 1);
      times.push(t.members);
      named.push(t.named);
      shells.push(t.shell);
      walls.push(t.wallNamed);
    }
    const floor = hellos.length > 0 ? median(hellos) : NaN;
    const overFloor = (ms: number, target = Infinity): string =>
      hellos.length === 0 ? '' : ` · ${ms - floor} ms after the hello world's ${floor} ms${ms > target && floor > target ? '; the floor alone misses the target' : ''}`;
    return [
      {
        name: 'JS before the directory lists unions (gzip)',
        value: `${(js.bytes / 1024).toFixed(1)} KB`,
        note: `target ≤ ${FIRST_LOAD_TARGET_KB} KB · ${js.files} files; viem loaded: ${js.viem ? 'YES' : 'no'}; web3-onboard loaded: ${js.onboard ? 'YES' : 'no'} · anchors: kit hello world ~${HELLO_WORLD_KB} KB, onboard ~300 KB`,
      },
      ...(hellos.length > 0
        ? [{ name: 'kit hello world → text shown (anchor)', value: `${floor} ms`, note: `same gateway, same run, ${LOADS} cold loads interleaved: the floor for any kit page served from here` }]
        : []),
      { name: 'union page → bare shell shown (anchor)', value: `${median(shells)} ms`, note: `same ${LOADS} cold loads: the union's section tabs, before any read${overFloor(median(shells))}` },
      { name: 'union page → members listed (median cold)', value: `${median(times)} ms`, note: `target ≤ ${UNION_TARGET_MS} ms · ${LOADS} loads from /ipfs/<cid>/, chain logs via RPC${overFloor(median(times), UNION_TARGET_MS)}` },
      {
        name: 'union page → member names from Ceramic',
        value: `${median(named)} ms`,
        note: `target ≤ ${NAMES_TARGET_MS} ms · profiles read without a wallet${overFloor(median(named), NAMES_TARGET_MS)} · page clock from navigation start; Playwright's wall clock ${median(walls)} ms`,
      },
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

/** Notes in the page's clock when each selector first reaches its count (installed before any script runs). */
function marksScript(marks: Record<string, { selector: string; count: number }>): string {
  return `(() => {
    const want = ${JSON.stringify(marks)};
    const seen = (window.__nuMarks = {});
    const check = () => {
      for (const [name, w] of Object.entries(want))
        if (seen[name] === undefined && document.querySelectorAll(w.selector).length >= w.count) seen[name] = Math.round(performance.now());
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

async function pageMarks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => (window as unknown as { __nuMarks: Record<string, number> }).__nuMarks);
}

async function unionPageTimes(browser: Browser, url: string, memberCount: number, explain = false): Promise<{ shell: number; members: number; named: number; wallNamed: number }> {
  const context = await browser.newContext();
  const waterfall = explain ? recordWaterfall(context) : null;
  await context.addInitScript({
    content: marksScript({
      'shell shown': { selector: '[data-testid="union-nav"]', count: 1 },
      'members listed': { selector: '[data-testid="member-item"]', count: memberCount },
      'names shown': { selector: '[data-testid="member-name"]', count: memberCount },
    }),
  });
  if (explain) await context.addInitScript({ content: LONG_TASKS_SCRIPT });
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(url);
  await page.getByTestId('member-name').nth(memberCount - 1).waitFor({ timeout: 60_000 });
  const wallNamed = Date.now() - start;
  const marks = await pageMarks(page);
  if (waterfall) {
    const timing = await resourceTiming(page);
    printWaterfall(waterfall, start, marks, timing);
  }
  await context.close();
  return { shell: marks['shell shown'], members: marks['members listed'], named: marks['names shown'], wallNamed };
}

/** Builds kit's hello world (scripts/bench/hello) and adds it to the bench's IPFS node; its URL on `gateway`. */
async function publishHelloWorld(ipfsApiUrl: string, gateway: string): Promise<string> {
  const dir = join(projectRoot, 'scripts', 'bench', 'hello');
  const vite = join(projectRoot, 'node_modules', '.bin', 'vite');
  const built = spawnSync(vite, ['build'], { cwd: dir, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the hello-world anchor did not build: ${built.stderr || built.stdout}`);
  const index = join(dir, 'build', 'index.html');
  await writeFile(index, fixPaths(await readFile(index, 'utf8')).html);
  return `${gateway}/ipfs/${await addFolderViaApi(ipfsApiUrl, join(dir, 'build'))}/`;
}

async function helloWorldTime(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  await context.addInitScript({ content: marksScript({ hello: { selector: '[data-testid="hello"]', count: 1 } }) });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('hello').waitFor({ timeout: 60_000 });
  const { hello } = await pageMarks(page);
  await context.close();
  return hello;
}

interface Span {
  label: string;
  url: string;
  start: number;
  end: number | null;
  bytes: number;
  /** Asked for by the service worker (its install), not the page. */
  worker: boolean;
}

/** Every request of one load, the service worker's included: when it was sent and answered, and what it was (NU_BENCH_EXPLAIN). */
function recordWaterfall(context: BrowserContext): Span[] {
  const spans: Span[] = [];
  const open = new Map<Request, Span>();
  context.on('request', (request) => {
    const worker = request.serviceWorker() !== null;
    const span = { label: `${worker ? '[sw] ' : ''}${describeRequest(request)}`, url: request.url(), start: Date.now(), end: null, bytes: 0, worker };
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
  context.on('requestfinished', (r) => finish(r, false));
  context.on('requestfailed', (r) => finish(r, true));
  return spans;
}

/** Chromium's own timing of one request (Resource Timing, ms from navigation start). */
interface Timing {
  url: string;
  start: number;
  /** Waiting for a connection (the browser opens 6 per host on HTTP/1.1) and sending. */
  queued: number;
  /** Request sent → first byte: the server's time for it. */
  ttfb: number;
  download: number;
  end: number;
  initiator: string;
  /** Zero when a cross-origin server sends no Timing-Allow-Origin (RPC, Ceramic). */
  detailed: boolean;
}

const LONG_TASKS_SCRIPT = `(() => {
  window.__nuLongTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__nuLongTasks.push([Math.round(e.startTime), Math.round(e.duration)]); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

async function resourceTiming(page: Page): Promise<{ entries: Timing[]; longTasks: Array<[number, number]>; navigation: { ttfb: number; domContentLoaded: number; load: number } }> {
  return page.evaluate(() => {
    const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
      url: e.name,
      start: Math.round(e.startTime),
      queued: Math.round((e.requestStart || e.startTime) - e.startTime),
      ttfb: Math.round(e.responseStart && e.requestStart ? e.responseStart - e.requestStart : 0),
      download: Math.round(e.responseStart ? e.responseEnd - e.responseStart : e.responseEnd - e.startTime),
      end: Math.round(e.responseEnd),
      initiator: e.initiatorType,
      detailed: e.requestStart > 0,
    }));
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      entries,
      longTasks: (window as unknown as { __nuLongTasks?: Array<[number, number]> }).__nuLongTasks ?? [],
      navigation: { ttfb: Math.round(nav?.responseStart ?? 0), domContentLoaded: Math.round(nav?.domContentLoadedEventEnd ?? 0), load: Math.round(nav?.loadEventStart ?? 0) },
    };
  });
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

function printWaterfall(spans: Span[], start: number, marks: Record<string, number>, timing: Awaited<ReturnType<typeof resourceTiming>>): void {
  // The marks are in the page's clock (0 = the navigation's start, about when index.html is asked for):
  // shifted onto Playwright's clock here so they line up with the requests.
  const offset = spans.length > 0 ? Math.min(...spans.map((s) => s.start)) - start : 0;
  marks = Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, v + offset]));
  const end = Math.max(...spans.map((s) => s.end ?? s.start).map((t) => t - start), ...Object.values(marks));
  const width = 40;
  const scale = width / Math.max(1, end);
  console.log(`\nunion page waterfall (ms from goto; marks from the page's clock, shifted by ${offset} ms to its first request; last cold load)`);
  const lines = [
    ...spans.map((s) => ({ at: s.start - start, line: `${String(s.start - start).padStart(5)}–${s.end === null ? '  …  ' : String(s.end - start).padStart(5)}  ${bar(s.start - start, (s.end ?? start + end) - start)}  ${s.label}${s.bytes > 0 ? ` (${(s.bytes / 1024).toFixed(1)} KB)` : ''}` })),
    ...Object.entries(marks).map(([name, at]) => ({ at, line: `${String(at).padStart(5)}        ${bar(at, at)}  ◆ ${name}` })),
  ].sort((a, b) => a.at - b.at);
  for (const l of lines) console.log(l.line);
  function bar(from: number, to: number): string {
    const a = Math.round(from * scale);
    const b = Math.max(a + 1, Math.round(to * scale));
    return `${' '.repeat(a)}${'█'.repeat(b - a)}${' '.repeat(Math.max(0, width - b))}`;
  }

  // Chromium's own figures (Resource Timing): where each request's time went, per origin.
  const { entries, longTasks, navigation } = timing;
  console.log(`\nChromium's Resource Timing (ms from navigation start): queued = waiting for one of the 6 connections per host, ttfb = the server's time`);
  console.log(`  index.html first byte ${navigation.ttfb} · DOMContentLoaded ${navigation.domContentLoaded} · load ${navigation.load}`);
  const byOrigin = new Map<string, Timing[]>();
  for (const e of entries) {
    const key = new URL(e.url).origin;
    byOrigin.set(key, [...(byOrigin.get(key) ?? []), e]);
  }
  for (const [origin, list] of byOrigin) {
    const detailed = list.filter((e) => e.detailed);
    const med = (f: (e: Timing) => number): number => median(detailed.map(f));
    const last = Math.max(...list.map((e) => e.end));
    console.log(
      `  ${origin}: ${list.length} requests, done by ${last}` +
        (detailed.length > 0 ? ` · median queued ${med((e) => e.queued)}, ttfb ${med((e) => e.ttfb)}, download ${med((e) => e.download)} · max queued ${Math.max(...detailed.map((e) => e.queued))}` : ' (no Timing-Allow-Origin: totals only)'),
    );
  }
  // Waves: requests that start within 30 ms of one another, in series behind the previous wave.
  const gateway = entries.filter((e) => /\/_app\/|\.json$/.test(e.url)).sort((a, b) => a.start - b.start);
  const waves: Timing[][] = [];
  for (const e of gateway) {
    const wave = waves.at(-1);
    if (wave && e.start - wave[0].start <= 30) wave.push(e);
    else waves.push([e]);
  }
  for (const [i, w] of waves.entries()) {
    const kinds = [...new Set(w.map((e) => (e.url.endsWith('config.json') ? 'config.json' : /\/nodes\//.test(e.url) ? 'route nodes' : e.url.endsWith('.css') ? 'css' : 'chunks')))].join(', ');
    console.log(`  wave ${i + 1}: ${w.length} files from ${w[0].start} to ${Math.max(...w.map((e) => e.end))} (${kinds})`);
  }
  const workerRequests = spans.filter((s) => s.worker).length;
  console.log(`  service worker: ${workerRequests} requests during this load${workerRequests === 0 ? ' (it registers once the page is quiet: web/lib/offline/register.ts)' : ''}`);
  const busy = longTasks.reduce((sum, [, d]) => sum + d, 0);
  console.log(`  main thread: ${longTasks.length} long tasks, ${busy} ms (${longTasks.map(([at, d]) => `${d} ms at ${at}`).join(', ') || 'none'})`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

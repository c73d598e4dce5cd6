// `npm test`: every suite in order — contracts (forge), unit (vitest), types (svelte-check, tsc), end-to-end
// (Playwright against the real local stack) — then one closing line `N passed, N failed` for CI.
// A suite that crashes before reporting counts as one failure, so a broken suite can never look green.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgeBin, projectRoot } from '../lib/tools.ts';

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
}

const reportDir = mkdtempSync(join(tmpdir(), 'nu-test-'));
const only = process.argv.slice(2);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): { status: number; output: string } {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const child = spawnSync(cmd, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(child.stdout ?? '');
  return { status: child.status ?? 1, output: child.stdout ?? '' };
}

function crashed(name: string): SuiteResult {
  return { name, passed: 0, failed: 1, skipped: 0 };
}

function forgeSuite(): SuiteResult {
  // The invariant path-coverage tables are written under .data/ (foundry.toml's fs_permissions). forge only
  // grants a path that exists when it starts, and a fresh clone has no .data/ yet.
  const tallyDir = join(projectRoot, '.data', 'invariant-paths');
  rmSync(tallyDir, { recursive: true, force: true });
  mkdirSync(tallyDir, { recursive: true });
  const profile = process.env.CI ? 'ci' : (process.env.FOUNDRY_PROFILE ?? 'default');
  const { output } = run(forgeBin(), ['test'], { FOUNDRY_PROFILE: profile });
  const summary = /(\d+) tests passed, (\d+) failed, (\d+) skipped/.exec(output);
  if (!summary) return crashed('contracts');
  const unfinished = unfinishedTallies(tallyDir);
  for (const suite of unfinished) {
    console.log(`path coverage: the ${suite} campaign never reached its last run, so its floor was never checked`);
  }
  return {
    name: 'contracts',
    passed: Number(summary[1]),
    failed: Number(summary[2]) + unfinished.length,
    skipped: Number(summary[3]),
  };
}

/**
 * A path-coverage campaign asserts its floor only on the run it believes is its last, which it learns from
 * the profile. If forge ran fewer runs than that (an inline `forge-config` overriding the profile did, once),
 * the floor is silently skipped — so every suite that records a tally must have written its table.
 */
function unfinishedTallies(tallyDir: string): string[] {
  const testRoot = join(projectRoot, 'test', 'contracts');
  const suites = new Set<string>();
  for (const file of readdirSync(testRoot, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.t.sol')) continue;
    for (const match of readFileSync(join(testRoot, file), 'utf8').matchAll(/suite: "([a-z]+)"/g)) {
      suites.add(match[1]);
    }
  }
  return [...suites].filter((suite) => !existsSync(join(tallyDir, `${suite}.txt`)));
}

function vitestSuite(): SuiteResult {
  const file = join(reportDir, 'vitest.json');
  run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${file}`]);
  if (!existsSync(file)) return crashed('unit');
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numTotalTestSuites: number;
    testResults: { status: string }[];
  };
  // A test file that fails to load has no tests in it but is still a failure.
  const brokenFiles = report.testResults.filter((r) => r.status === 'failed').length;
  const failed = report.numFailedTests > 0 ? report.numFailedTests : brokenFiles;
  return { name: 'unit', passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests };
}

/** Two checks: the site and its tests (svelte-check), and the Node scripts — stack, bench, publish, tests' runner (tsc). */
function typesSuite(): SuiteResult {
  const statuses = [run('npm', ['run', '--silent', 'check']).status, run('npm', ['run', '--silent', 'check:scripts']).status];
  const passed = statuses.filter((s) => s === 0).length;
  return { name: 'types', passed, failed: statuses.length - passed, skipped: 0 };
}

function e2eSuite(): SuiteResult {
  const file = join(reportDir, 'playwright.json');
  run('npx', ['playwright', 'test', '-c', 'test/e2e'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (!existsSync(file)) return crashed('e2e');
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
  const { expected, unexpected, flaky, skipped } = report.stats;
  const setupErrors = report.errors?.length ?? 0;
  return { name: 'e2e', passed: expected + flaky, failed: unexpected + (setupErrors > 0 && unexpected === 0 ? 1 : 0), skipped };
}

// Contracts first: the ABIs that the site and its type check import are generated from forge's output.
const prepare = run('npm', ['run', '--silent', 'build:contracts']);
const suites: [string, () => SuiteResult][] = [
  ['contracts', forgeSuite],
  ['unit', vitestSuite],
  ['types', typesSuite],
  ['e2e', e2eSuite],
];
const results: SuiteResult[] = [];
if (prepare.status !== 0) results.push(crashed('build:contracts'));
for (const [name, suite] of suites) {
  if (only.length > 0 && !only.includes(name)) continue;
  if (name === 'e2e' && run('npm', ['run', '--silent', 'build']).status !== 0) {
    results.push(crashed('build:site'));
    continue;
  }
  results.push(suite());
}
rmSync(reportDir, { recursive: true, force: true });

console.log('\nSuite       passed  failed  skipped');
for (const r of results) {
  console.log(`${r.name.padEnd(11)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

// A small supervisor for the local stack: spawns each service as its own child process, waits
// until it is ready (its `READY <name> {...}` line or a probe), and stops it with SIGTERM, then
// SIGKILL after a grace period. Children still running when this process exits or gets Ctrl-C
// are stopped too. Used by start.ts and by the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { anvilAnswers, anvilCommand, ANVIL_CHAIN_ID } from './anvil.ts';
import { altoArgs, bundlerAnswers } from './bundler.ts';
import { stackConfig, type Env } from './config.ts';
import { parseReady } from './ready.ts';

const STACK_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(STACK_DIR, '../..');
const POLYFILL = resolve(STACK_DIR, 'polyfill.mjs');
/** tsx config for service children; the root tsconfig's allowJs breaks Ceramic under tsx. */
const TSX_TSCONFIG = resolve(STACK_DIR, 'tsconfig.json');
const TAIL_LINES = 30;

export type ReadyCheck =
  /** Wait for `READY <service> {json}` on stdout; the JSON becomes `handle.info`. */
  | { kind: 'line'; service: string }
  /** Poll until `probe()` resolves true. */
  | { kind: 'probe'; probe: () => Promise<boolean>; intervalMs?: number };

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  /** Added to this process's environment. */
  env?: Env;
  cwd?: string;
  ready: ReadyCheck;
  /** How long to wait for readiness before killing the child (default 60 s). */
  timeoutMs?: number;
  /** Time between SIGTERM and SIGKILL when stopping (default 10 s). */
  graceMs?: number;
  /** Receives every output line (e.g. to prefix and print it); default: keep only a tail. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface ChildHandle {
  name: string;
  pid: number;
  /** The READY line's JSON, or {} for probe-checked children. */
  info: Record<string, string>;
  /** Last output lines (stderr and stdout, interleaved), for error messages. */
  tail(): string[];
  /** Resolves when the child has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after the grace period; resolves once the child is gone. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node --import polyfill --import tsx <file>` for a TypeScript entry point. */
export function tsCommand(file: string): { command: string; args: string[] } {
  return { command: process.execPath, args: ['--import', POLYFILL, '--import', 'tsx', resolve(REPO_ROOT, file)] };
}

const running = new Set<ChildHandle>();

export async function startChild(spec: ChildSpec): Promise<ChildHandle> {
  installExitHandlers();
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd ?? REPO_ROOT,
    // NODE_ENV is dropped so a test runner's NODE_ENV=test does not switch Ceramic into its
    // own test mode; TSX_TSCONFIG_PATH can still be overridden through spec.env.
    env: { ...withoutNodeEnv(process.env), TSX_TSCONFIG_PATH: TSX_TSCONFIG, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a terminal's Ctrl-C reaches only us, and we stop children in order.
    detached: true,
  });
  const lines: string[] = [];
  const remember = (line: string, stream: 'stdout' | 'stderr'): void => {
    lines.push(stream === 'stderr' ? `[stderr] ${line}` : line);
    if (lines.length > TAIL_LINES) lines.shift();
    spec.onLine?.(line, stream);
  };
  // (No Promise.withResolvers here: this module also loads in test runners without the polyfill.)
  let resolveReady: (info: Record<string, string>) => void = () => undefined;
  const readyLine = new Promise<Record<string, string>>((res) => {
    resolveReady = res;
  });
  readLines(child, 'stdout', (line) => {
    remember(line, 'stdout');
    if (spec.ready.kind === 'line') {
      const info = parseReady(line, spec.ready.service);
      if (info !== null) resolveReady(info);
    }
  });
  readLines(child, 'stderr', (line) => remember(line, 'stderr'));

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => {
    child.once('exit', (code, signal) => res({ code, signal }));
  });
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  const handle: ChildHandle = {
    name: spec.name,
    pid: child.pid ?? -1,
    info: {},
    tail: () => [...lines],
    exited,
    stop: () => stopChild(child, exited, spec.graceMs ?? 10_000).finally(() => running.delete(handle)),
  };
  running.add(handle);
  exited.then(() => running.delete(handle));

  const timeoutMs = spec.timeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  const died = exited.then(({ code, signal }) => Promise.reject(new Error(`exited early (code ${code}, signal ${signal})`)));
  // These only matter while waiting for readiness; later exits and errors are not failures.
  died.catch(() => undefined);
  spawnError.catch(() => undefined);
  timedOut.catch(() => undefined);
  try {
    const ready = spec.ready.kind === 'line' ? readyLine : pollUntil(spec.ready.probe, spec.ready.intervalMs ?? 200, exited);
    const info = await Promise.race([ready, timedOut, died, spawnError]);
    handle.info = info ?? {};
    return handle;
  } catch (err) {
    await handle.stop();
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`${spec.name} did not become ready: ${reason}\n--- last output of ${spec.name} ---\n${lines.join('\n')}`);
  } finally {
    clearTimeout(timer);
  }
}

function withoutNodeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_ENV: _dropped, ...rest } = env;
  return rest;
}

/** Stops every child this process started (in reverse start order). */
export async function stopAll(): Promise<void> {
  for (const handle of [...running].reverse()) await handle.stop();
}

function readLines(child: ChildProcess, stream: 'stdout' | 'stderr', onLine: (line: string) => void): void {
  let buffer = '';
  child[stream]?.setEncoding('utf8');
  child[stream]?.on('data', (chunk: string) => {
    buffer += chunk;
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      // Strip ANSI colours (Ceramic's logger) so READY lines and tails read cleanly.
      onLine(buffer.slice(0, nl).replace(/\u001b\[[0-9;]*m/g, ''));
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
  });
}

async function pollUntil(probe: () => Promise<boolean>, intervalMs: number, exited: Promise<unknown>): Promise<Record<string, string>> {
  let done = false;
  void exited.then(() => {
    done = true;
  });
  while (!done) {
    if (await probe()) return {};
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return new Promise(() => undefined); // the `died` branch reports the exit
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  graceMs: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

let handlersInstalled = false;

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort if we exit without stopping them: no orphaned nodes holding the ports.
  process.once('exit', () => {
    for (const handle of running) {
      try {
        process.kill(handle.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

// ---- typed helpers for the three services -------------------------------------------------

export interface IpfsHandle {
  gatewayUrl: string;
  apiUrl: string;
  /** `/ip4/127.0.0.1/tcp/<ws port>/ws/p2p/<peer id>` for browser nodes. */
  wsAddr: string;
  child: ChildHandle;
  stop(): Promise<void>;
}

export interface CeramicHandle {
  url: string;
  adminDid: string;
  child: ChildHandle;
  stop(): Promise<void>;
}

export interface AnvilHandle {
  rpcUrl: string;
  chainId: number;
  child: ChildHandle;
  stop(): Promise<void>;
}

/** NU_START_TIMEOUT_MS raises every service's readiness timeout (a machine shared by many stacks is slow). */
function startTimeout(fallback: number): number {
  const raw = Number(process.env.NU_START_TIMEOUT_MS);
  return Number.isInteger(raw) && raw > fallback ? raw : fallback;
}

export interface StartOptions {
  timeoutMs?: number;
  onLine?: ChildSpec['onLine'];
}

export async function startIpfs(env: Env = {}, opts: StartOptions = {}): Promise<IpfsHandle> {
  const child = await startChild({
    name: 'ipfs',
    ...tsCommand('scripts/stack/ipfs/main.ts'),
    env,
    ready: { kind: 'line', service: 'ipfs' },
    timeoutMs: opts.timeoutMs ?? startTimeout(90_000),
    onLine: opts.onLine,
  });
  return {
    gatewayUrl: child.info.gateway ?? '',
    apiUrl: child.info.api ?? '',
    wsAddr: child.info.ws ?? '',
    child,
    stop: () => child.stop().then(() => undefined),
  };
}

export async function startCeramic(env: Env = {}, opts: StartOptions = {}): Promise<CeramicHandle> {
  const child = await startChild({
    name: 'ceramic',
    ...tsCommand('scripts/stack/ceramic/main.ts'),
    env,
    ready: { kind: 'line', service: 'ceramic' },
    timeoutMs: opts.timeoutMs ?? startTimeout(90_000),
    graceMs: 15_000,
    onLine: opts.onLine,
  });
  return { url: child.info.url ?? '', adminDid: child.info.adminDid ?? '', child, stop: () => child.stop().then(() => undefined) };
}

export async function startAnvil(env: Env = {}, opts: StartOptions = {}): Promise<AnvilHandle> {
  const cfg = stackConfig({ ...process.env, ...env });
  const rpcUrl = `http://127.0.0.1:${cfg.anvilPort}`;
  if (await anvilAnswers(rpcUrl)) {
    throw new Error(`something already answers JSON-RPC on ${rpcUrl}; stop it or set NU_ANVIL_PORT`);
  }
  const child = await startChild({
    name: 'anvil',
    ...(await anvilCommand(cfg)),
    env,
    ready: { kind: 'probe', probe: () => anvilAnswers(rpcUrl) },
    timeoutMs: opts.timeoutMs ?? startTimeout(90_000),
    onLine: opts.onLine,
  });
  return { rpcUrl, chainId: ANVIL_CHAIN_ID, child, stop: () => child.stop().then(() => undefined) };
}

export interface BundlerHandle {
  /** The ERC-4337 JSON-RPC endpoint (config.json `bundlerUrl`). */
  url: string;
  child: ChildHandle;
  stop(): Promise<void>;
}

/** Starts the alto bundler against `rpcUrl` (the EntryPoint must be deployed first). */
export async function startBundler(rpcUrl: string, env: Env = {}, opts: StartOptions = {}): Promise<BundlerHandle> {
  const cfg = stackConfig({ ...process.env, ...env });
  const url = `http://127.0.0.1:${cfg.bundlerPort}`;
  if (await bundlerAnswers(url)) throw new Error(`a bundler already answers on ${url}; stop it or set NU_BUNDLER_PORT`);
  const child = await startChild({
    name: 'bundler',
    command: process.execPath,
    args: altoArgs(rpcUrl, cfg.bundlerPort),
    env,
    ready: { kind: 'probe', probe: () => bundlerAnswers(url), intervalMs: 500 },
    timeoutMs: opts.timeoutMs ?? startTimeout(90_000),
    graceMs: 5_000,
    onLine: opts.onLine,
  });
  return { url, child, stop: () => child.stop().then(() => undefined) };
}

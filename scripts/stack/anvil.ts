// How to run the local chain: the anvil binary itself (not `npx anvil`, whose wrapper leaves the
// real process running when killed), chain id 31337, anvil's default deterministic accounts
// ("test test … junk" mnemonic), bound to 127.0.0.1. `--state` loads the file at start and dumps
// it on SIGTERM/SIGINT; `--state-interval` also dumps periodically so a SIGKILL loses little.
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StackConfig } from './config.ts';

export const ANVIL_CHAIN_ID = 31337;
/** Unlocked, funded accounts derived from anvil's default mnemonic. */
export const ANVIL_ACCOUNTS = 48;
export const ANVIL_BINARY = resolve(dirname(fileURLToPath(import.meta.url)), '../../node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil');
/** Seconds between periodic state dumps. */
const STATE_INTERVAL_S = 10;

export function anvilStatePath(dataDir: string): string {
  return join(dataDir, 'anvil', 'state.json');
}

export async function anvilCommand(cfg: Pick<StackConfig, 'dataDir' | 'anvilPort'>): Promise<{ command: string; args: string[] }> {
  const state = anvilStatePath(cfg.dataDir);
  await mkdir(dirname(state), { recursive: true });
  return {
    command: ANVIL_BINARY,
    args: [
      '--host', '127.0.0.1',
      '--port', String(cfg.anvilPort),
      '--chain-id', String(ANVIL_CHAIN_ID),
      // More than anvil's default 10 so every e2e file and bench step can act with accounts of its own.
      '--accounts', String(ANVIL_ACCOUNTS),
      '--state', state,
      '--state-interval', String(STATE_INTERVAL_S),
      // Opcode traces for `NU_BENCH_EXPLAIN=1 npm run bench` (scripts/bench/floor.ts); off otherwise, as they slow every call.
      ...(process.env.NU_BENCH_EXPLAIN ? ['--steps-tracing'] : []),
    ],
  };
}

/** True once the node answers eth_chainId with the expected chain. */
export async function anvilAnswers(rpcUrl: string): Promise<boolean> {
  try {
    const res = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(1000),
    });
    const body = (await res.json()) as { result?: string };
    return body.result !== undefined && parseInt(body.result, 16) === ANVIL_CHAIN_ID;
  } catch {
    return false;
  }
}

// Ports and data folder of the local stack, read from the environment with the defaults from the
// design brief, so tests can run a second stack on other ports beside a developer's.
import { resolve } from 'node:path';

export interface StackConfig {
  dataDir: string;
  anvilPort: number;
  ceramicPort: number;
  ceramicSwarmPort: number;
  gatewayPort: number;
  ipfsApiPort: number;
  ipfsSwarmPort: number;
  ipfsWsPort: number;
  /** The ERC-4337 bundler (alto). */
  bundlerPort: number;
  /** How long the gateway waits for blocks it does not have before answering 504. */
  gatewayTimeoutMs: number;
}

export type Env = Record<string, string | undefined>;

/** The NU_* port variables, for callers that run a second stack on shifted ports. */
export const PORT_VARIABLES = [
  'NU_ANVIL_PORT',
  'NU_CERAMIC_PORT',
  'NU_CERAMIC_SWARM_PORT',
  'NU_GATEWAY_PORT',
  'NU_IPFS_API_PORT',
  'NU_IPFS_SWARM_PORT',
  'NU_IPFS_WS_PORT',
  'NU_BUNDLER_PORT',
] as const;

/**
 * Moves every port in `ports` by `shift` — NU_PORT_SHIFT lets two checkouts of the project run their
 * e2e or bench stacks on one machine at once without colliding.
 */
export function shiftPorts<T extends Partial<Record<(typeof PORT_VARIABLES)[number], string>>>(ports: T, shift: number): T {
  const shifted: Record<string, string> = { ...ports };
  for (const [name, value] of Object.entries(ports)) if (value !== undefined) shifted[name] = String(Number(value) + shift);
  return shifted as T;
}

export function portShift(env: Env = process.env): number {
  return int(env, 'NU_PORT_SHIFT', 0);
}

export function stackConfig(env: Env = process.env): StackConfig {
  return {
    dataDir: resolve(env.NU_DATA_DIR ?? '.data'),
    anvilPort: port(env, 'NU_ANVIL_PORT', 8545),
    ceramicPort: port(env, 'NU_CERAMIC_PORT', 7007),
    ceramicSwarmPort: port(env, 'NU_CERAMIC_SWARM_PORT', 4011),
    gatewayPort: port(env, 'NU_GATEWAY_PORT', 8080),
    ipfsApiPort: port(env, 'NU_IPFS_API_PORT', 5001),
    ipfsSwarmPort: port(env, 'NU_IPFS_SWARM_PORT', 4001),
    ipfsWsPort: port(env, 'NU_IPFS_WS_PORT', 4002),
    bundlerPort: port(env, 'NU_BUNDLER_PORT', 4337),
    gatewayTimeoutMs: int(env, 'NU_GATEWAY_TIMEOUT_MS', 30_000),
  };
}

function port(env: Env, name: string, fallback: number): number {
  const value = int(env, name, fallback);
  if (value < 1 || value > 65535) throw new Error(`${name}=${value} is not a TCP port`);
  return value;
}

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name}="${raw}" is not an integer`);
  return value;
}

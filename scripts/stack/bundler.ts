// ERC-4337 on the local chain (issue 15): the EntryPoint v0.8 from @account-abstraction/contracts 0.8.0's own
// build artifact, deployed through the deterministic CREATE2 deployer anvil ships with the salt the
// eth-infinitism deployment uses, so it lands at the canonical 0x4337084D…f108 (never recompiled); and the
// @pimlico/alto 0.0.20 bundler run against anvil, as any public bundler endpoint would be.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { concat, getContractAddress, type Address, type Hex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { localChain } from '../lib/localChain.ts';
import { projectRoot } from '../lib/tools.ts';
import { LOCAL_DEPLOYER } from './deploy.ts';

/** The canonical EntryPoint v0.8 address (alto recognises v0.8 by its 0x433708 prefix). */
export const ENTRY_POINT_V08: Address = '0x4337084D9E255Ff0702461CF8895CE9E3b5Ff108';
/** The CREATE2 deployer (Nick's method) present on anvil and on most public chains. */
export const CREATE2_DEPLOYER: Address = '0x4e59b44847b379578588920ca78fbf26c0b4956c';
const ENTRY_POINT_SALT: Hex = '0x0a59dbff790c23c976a548690c27297883cc66b4c67024f9117b0238995e35e9';
const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';
/**
 * anvil accounts the bundler signs with (executor, utility): a relay's key belongs to the relay's operator —
 * public infrastructure — never to a union; locally two anvil dev accounts no test or seed uses.
 */
export const BUNDLER_ACCOUNT_INDEXES = { executor: 38, utility: 39 } as const;

export async function entryPointBytecode(): Promise<Hex> {
  const file = resolve(projectRoot, 'node_modules/@account-abstraction/contracts/artifacts/EntryPoint.json');
  const json = JSON.parse(await readFile(file, 'utf8')) as { bytecode: Hex };
  return json.bytecode;
}

/** Deploys the EntryPoint at its canonical address unless it is there already; returns the address. */
export async function ensureEntryPoint(rpcUrl: string, chainId: number): Promise<Address> {
  const lc = localChain(rpcUrl, chainId);
  const code = await lc.client.getCode({ address: ENTRY_POINT_V08 });
  if (code !== undefined && code !== '0x') return ENTRY_POINT_V08;
  const bytecode = await entryPointBytecode();
  const predicted = getContractAddress({ opcode: 'CREATE2', from: CREATE2_DEPLOYER, salt: ENTRY_POINT_SALT, bytecode });
  if (predicted.toLowerCase() !== ENTRY_POINT_V08.toLowerCase()) {
    throw new Error(`the EntryPoint artifact would deploy at ${predicted}, not ${ENTRY_POINT_V08}: not the published v0.8 build`);
  }
  const hash = (await lc.client.request({
    method: 'eth_sendTransaction',
    params: [{ from: LOCAL_DEPLOYER, to: CREATE2_DEPLOYER, data: concat([ENTRY_POINT_SALT, bytecode]), gas: '0x989680' }],
  } as never)) as Hex;
  const receipt = await lc.client.waitForTransactionReceipt({ hash });
  const after = await lc.client.getCode({ address: ENTRY_POINT_V08 });
  if (receipt.status !== 'success' || after === undefined || after === '0x') throw new Error(`deploying the EntryPoint failed (${hash})`);
  return ENTRY_POINT_V08;
}

function anvilKey(index: number): Hex {
  const key = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index }).getHdKey().privateKey;
  if (!key) throw new Error(`no private key for anvil account ${index}`);
  return `0x${Buffer.from(key).toString('hex')}`;
}

/**
 * The alto command line. `--safe-mode false`: anvil has no `debug_traceCall` JS tracer, so alto cannot check
 * ERC-7562's storage and opcode rules here (a public bundler does; the paymaster is staked for them).
 * One relay account speaks for every member, so ops of one sender must share bundles and the mempool.
 */
export function altoArgs(rpcUrl: string, port: number): string[] {
  return [
    resolve(projectRoot, 'node_modules/@pimlico/alto/esm/cli/alto.js'),
    '--entrypoints', ENTRY_POINT_V08,
    '--rpc-url', rpcUrl,
    '--port', String(port),
    '--executor-private-keys', anvilKey(BUNDLER_ACCOUNT_INDEXES.executor),
    '--utility-private-key', anvilKey(BUNDLER_ACCOUNT_INDEXES.utility),
    '--safe-mode', 'false',
    '--enable-cors', 'true',
    '--min-entity-stake', '1',
    '--min-entity-unstake-delay', '1',
    '--enforce-unique-senders-per-bundle', 'false',
    '--mempool-max-parallel-ops', '1000',
    '--mempool-max-queued-ops', '10',
    '--block-time', '200',
    '--min-bundle-interval', '50',
    '--max-bundle-interval', '200',
    '--refilling-wallets', 'false',
    '--utility-wallet-monitor', 'false',
    '--log-level', 'warn',
  ];
}

/** True once alto answers `eth_supportedEntryPoints` with the EntryPoint. */
export async function bundlerAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_supportedEntryPoints', params: [] }),
      signal: AbortSignal.timeout(1000),
    });
    const body = (await res.json()) as { result?: string[] };
    return (body.result ?? []).some((a) => a.toLowerCase() === ENTRY_POINT_V08.toLowerCase());
  } catch {
    return false;
  }
}

// Command-line options shared by `npm run deploy`, `npm run publish` and `npm run ens:set`:
// which network, and where the signing key comes from. A key is never read from a file in the
// repository: it is a Foundry keystore (--account, forge asks for its password), a hardware wallet
// (--ledger), or the NU_DEPLOYER_KEY environment variable (handed to forge in its environment, never
// on a command line that `ps` shows). On the local chain anvil's unlocked account 0 is the default.
import { parseArgs } from 'node:util';
import { resolveNetwork, type Network } from '../networks.ts';
import { stackConfig } from '../stack/config.ts';
import { LOCAL_DEPLOYER } from '../stack/deploy.ts';

export type Signer =
  | { kind: 'keystore'; account: string; passwordFile: string | null }
  | { kind: 'ledger'; hdPath: string | null }
  | { kind: 'env-key' }
  | { kind: 'anvil-unlocked'; sender: `0x${string}` };

export interface CommonArgs {
  network: Network;
  signer: Signer | null;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  /** The local stack's data folder (NU_DATA_DIR, default .data). */
  dataDir: string;
}

export const COMMON_OPTIONS = {
  network: { type: 'string' },
  'allow-mainnet': { type: 'boolean', default: false },
  account: { type: 'string' },
  'password-file': { type: 'string' },
  ledger: { type: 'boolean', default: false },
  'hd-path': { type: 'string' },
} as const;

type OptionSpec = Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseCommon(argv: string[], extra: OptionSpec, env: Record<string, string | undefined> = process.env): CommonArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...extra }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const name = values.network;
  if (typeof name !== 'string') throw new UsageError('--network <name> is required (local, sepolia, base-sepolia, op-sepolia; mainnets need --allow-mainnet)');
  const network = resolveNetwork(name, { allowMainnet: values['allow-mainnet'] === true, env });
  return { network, signer: pickSigner(values, network, env), positionals: parsed.positionals, values, dataDir: stackConfig(env).dataDir };
}

function pickSigner(values: Record<string, string | boolean | undefined>, network: Network, env: Record<string, string | undefined>): Signer | null {
  const chosen: Signer[] = [];
  if (typeof values.account === 'string') {
    chosen.push({ kind: 'keystore', account: values.account, passwordFile: typeof values['password-file'] === 'string' ? values['password-file'] : null });
  }
  if (values.ledger === true) chosen.push({ kind: 'ledger', hdPath: typeof values['hd-path'] === 'string' ? values['hd-path'] : null });
  if (env.NU_DEPLOYER_KEY) chosen.push({ kind: 'env-key' });
  if (chosen.length > 1) throw new UsageError(`choose one key source, not ${chosen.map((s) => s.kind).join(' and ')} (unset NU_DEPLOYER_KEY or drop a flag)`);
  if (chosen.length === 1) return chosen[0];
  return network.name === 'local' ? { kind: 'anvil-unlocked', sender: LOCAL_DEPLOYER } : null;
}

export function requireSigner(args: CommonArgs): Signer {
  if (args.signer) return args.signer;
  throw new UsageError(`no key for ${args.network.label}: pass --account <foundry keystore name>, --ledger, or set NU_DEPLOYER_KEY in the environment`);
}

/** forge flags and environment for a signer. The env key travels as PRIVATE_KEY in forge's environment. */
export function forgeSignerArgs(signer: Signer, env: Record<string, string | undefined> = process.env): { args: string[]; env: Record<string, string> } {
  switch (signer.kind) {
    case 'keystore':
      return { args: ['--account', signer.account, ...(signer.passwordFile ? ['--password-file', signer.passwordFile] : [])], env: {} };
    case 'ledger':
      return { args: ['--ledger', ...(signer.hdPath ? ['--hd-paths', signer.hdPath] : [])], env: {} };
    case 'env-key': {
      const key = env.NU_DEPLOYER_KEY ?? '';
      return { args: [], env: { PRIVATE_KEY: key.startsWith('0x') ? key : `0x${key}` } };
    }
    case 'anvil-unlocked':
      return { args: ['--unlocked', '--sender', signer.sender], env: {} };
  }
}

// Runs `forge script` for the publish tools with the terminal attached (forge asks for a keystore
// password or a Ledger confirmation there) and a clean environment: PRIVATE_KEY is passed only when
// the chosen signer is the env key, so a stray one in the shell never signs by accident.
import { spawn } from 'node:child_process';
import { forgeBin, projectRoot } from '../lib/tools.ts';
import { forgeSignerArgs, type Signer } from './args.ts';

export async function forgeScript(script: string, rpcUrl: string, signer: Signer, env: Record<string, string>): Promise<void> {
  const sign = forgeSignerArgs(signer);
  // --slow: one transaction at a time, each after the previous is mined. Sent all at once, a dropped
  // one leaves the rest queued behind a nonce gap and forge waiting forever (seen on anvil).
  const args = ['script', script, '--rpc-url', rpcUrl, '--broadcast', '--slow', ...sign.args];
  const { PRIVATE_KEY: _drop, NU_DEPLOYER_KEY: _drop2, ...base } = process.env;
  console.log(`▶ forge ${args.join(' ')}`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(forgeBin(), args, { cwd: projectRoot, env: { ...base, ...env, ...sign.env }, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`forge script ${script} failed (exit ${code})`))));
  });
}

// `npm start`: builds the contracts and the site, brings the local stack up with the demo union,
// prints where to open the site, and keeps everything running until Ctrl-C.
import { spawnSync } from 'node:child_process';
import { projectRoot } from '../lib/tools.ts';

function step(label: string, command: string, args: string[]): void {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✗ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

step('compiling contracts and generating ABIs', 'npm', ['run', '--silent', 'build:contracts']);
step('building the site', 'npm', ['run', '--silent', 'build']);

// Imported only now: the stack's seed modules import the ABIs that the first step generates.
const { bringUpStack } = await import('./up.ts');
const stack = await bringUpStack({ seed: true, publish: true, log: (m) => console.log(`▶ ${m}`) }).catch((err: unknown) => {
  // The stack has stopped its nodes; say what went wrong in one line rather than a stack trace.
  console.error(`✗ ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
const gateway = stack.ipfs.gatewayUrl;
const port = new URL(gateway).port;
const cidPath = `${gateway}/ipfs/${stack.siteCid}/`;
const demo = stack.demo ? `#/u/${stack.demo.union}` : '';

console.log(`
Network Union is running.

  Site (isolated origin)  http://${stack.siteCid}.ipfs.localhost:${port}/${demo}
  Site (ENS name)         ${stack.ens ? `http://${stack.ens.name}.localhost:${port}/${demo}  (as https://${stack.ens.name}.limo/ on mainnet)` : '(not named)'}
  Site (gateway path)     ${cidPath}${demo}   (shared origin: any site on this gateway can read its storage)
  Site CID                ${stack.siteCid}

  Chain RPC  ${stack.anvil.rpcUrl}  (chain id ${stack.anvil.chainId}; anvil's test accounts)
  Ceramic    ${stack.ceramic.url}
  IPFS       gateway ${gateway}, upload ${stack.ipfs.apiUrl}/api/v0/add
  Data       ${stack.dataDir}  (npm run reset deletes it)

Connect a browser wallet to the RPC above (chain id ${stack.anvil.chainId}) and import one of anvil's
accounts, or use accounts 4 and up, which the demo leaves free. Ctrl-C stops everything.`);

// Ctrl-C: the supervisor in processes.ts stops every child, newest first, and exits.

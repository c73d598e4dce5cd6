// `npm run ens:set -- <name>.eth --cid <cid> --network <name> [--account <keystore> | --ledger]`
// Points a name's ENSIP-7 contenthash at a site CID (encoded with @ensdomains/content-hash), signed
// like a deploy, then reads it back through the registry and prints where members open it.
// `--network local` uses the local stack's ENS (its registry from <dataDir>/ens.json).
import { join } from 'node:path';
import { createPublicClient, http, namehash, type Address, type PublicClient } from 'viem';
import { CID } from 'multiformats/cid';
import { cidFromContenthash, ethLimoUrl, ipfsContenthash, isEnsName, readContenthash } from '../lib/ens.ts';
import { assertChainId } from '../networks.ts';
import { stackConfig } from '../stack/config.ts';
import { ENS_RECORD, readRecord } from '../stack/ens.ts';
import { parseCommon, requireSigner, UsageError } from './args.ts';
import { forgeScript } from './forge.ts';

async function main(): Promise<void> {
  const args = parseCommon(process.argv.slice(2), { cid: { type: 'string' } });
  const { network } = args;
  const [name] = args.positionals;
  if (!name || !isEnsName(name)) throw new UsageError('give the name first, e.g. `npm run ens:set -- myunion.eth --cid bafy… --network sepolia`');
  const cid = args.values.cid;
  if (typeof cid !== 'string') throw new UsageError('--cid <root CID from npm run publish> is required');
  try {
    CID.parse(cid);
  } catch {
    throw new UsageError(`"${cid}" is not a CID`);
  }
  const signer = requireSigner(args);
  await assertChainId(network);

  let registry: Address;
  if (network.name === 'local') {
    const record = await readRecord(join(args.dataDir, ENS_RECORD));
    if (!record) throw new UsageError(`the local stack has no ENS yet (${join(args.dataDir, ENS_RECORD)}): run \`npm start\``);
    registry = record.registry;
  } else if (network.ensRegistry) {
    registry = network.ensRegistry;
  } else {
    throw new UsageError(`ENS is not deployed on ${network.label}; .eth names live on Ethereum (--network sepolia for a test, ethereum --allow-mainnet for real)`);
  }

  const hash = ipfsContenthash(cid);
  await forgeScript('contracts/script/SetContenthash.s.sol', network.rpcUrl, signer, {
    ENS_REGISTRY: registry,
    ENS_NODE: namehash(name),
    ENS_CONTENTHASH: hash,
  });

  const client = createPublicClient({ transport: http(network.rpcUrl) }) as PublicClient;
  const onChain = await readContenthash(client, registry, name);
  if (onChain !== cidFromContenthash(hash)) throw new Error(`${name} resolves to ${onChain ?? 'nothing'} after the transaction, not ${cid}`);
  const local = network.name === 'local' ? `\n  local gateway  http://${name}.localhost:${stackConfig().gatewayPort}/` : '';
  console.log(`\n✔ ${name} → ipfs://${cid}\n  eth.limo       ${ethLimoUrl(name)}${local}`);
}

main().catch((err: unknown) => {
  console.error(`✗ ${err instanceof UsageError ? 'usage: ' : ''}${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

// Local ENS, so a member can open the site by name on the local stack as they would through
// eth.limo on mainnet: deploys ENS's own ENSRegistry and PublicResolver from the compiled artifacts in
// the npm packages @ensdomains/ens and @ensdomains/resolver (not recompiled, not rewritten), gives the
// deployer `.eth`, registers the demo name and points its ENSIP-7 contenthash at the site's CID.
// Idempotent: a recorded registry with code is reused; only a changed contenthash is re-sent.
// The record (<dataDir>/ens.json) is also what the gateway reads to resolve `<name>.eth.localhost`.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createWalletClient, http, labelhash, namehash, zeroHash, type Abi, type Address, type Hex } from 'viem';
import { contenthashResolverAbi, ensRegistryAbi, ipfsContenthash, readContenthash } from '../lib/ens.ts';
import { deployAndWait, localChain, type LocalChain } from '../lib/localChain.ts';

export interface LocalEns {
  registry: Address;
  resolver: Address;
  rpcUrl: string;
  /** The demo name, e.g. translators.eth. */
  name: string;
  cid: string;
}

export const DEMO_ENS_NAME = 'translators.eth';
export const ENS_RECORD = 'ens.json';

interface Artifact {
  abi: Abi;
  bytecode: Hex;
}

const require = createRequire(import.meta.url);

async function artifact(spec: string): Promise<Artifact> {
  const json = JSON.parse(await readFile(require.resolve(spec), 'utf8')) as Artifact;
  if (!json.bytecode || json.bytecode === '0x') throw new Error(`${spec} has no bytecode`);
  return json;
}

export async function ensureLocalEns(p: { rpcUrl: string; dataDir: string; owner: Address; cid: string; name?: string }): Promise<LocalEns> {
  const name = p.name ?? DEMO_ENS_NAME;
  const lc = localChain(p.rpcUrl);
  const recordFile = join(p.dataDir, ENS_RECORD);
  const previous = await readRecord(recordFile);
  const reusable = previous !== null && (await hasCode(lc, previous.registry)) && (await hasCode(lc, previous.resolver));
  const contracts = reusable ? { registry: previous.registry, resolver: previous.resolver } : await deployEns(lc, p.owner);
  await registerName(lc, p.owner, contracts.registry, contracts.resolver, name);
  if ((await readContenthash(lc.client, contracts.registry, name)) !== p.cid) {
    await sendAndWait(lc, p.owner, contracts.resolver, contenthashResolverAbi, 'setContenthash', [namehash(name), ipfsContenthash(p.cid)]);
  }
  const record: LocalEns = { ...contracts, rpcUrl: p.rpcUrl, name, cid: p.cid };
  await writeFile(recordFile, JSON.stringify(record, null, 2) + '\n');
  return record;
}

async function deployEns(lc: LocalChain, owner: Address): Promise<{ registry: Address; resolver: Address }> {
  const registryArt = await artifact('@ensdomains/ens/build/contracts/ENSRegistry.json');
  const resolverArt = await artifact('@ensdomains/resolver/build/contracts/PublicResolver.json');
  const registry = await deployAndWait(lc, owner, "ENS's ENSRegistry", registryArt);
  const resolver = await deployAndWait(lc, owner, "ENS's PublicResolver", resolverArt, [registry]);
  return { registry, resolver };
}

/** The registry's root belongs to its deployer: take `eth`, then `<label>.eth` with our resolver. */
async function registerName(lc: LocalChain, owner: Address, registry: Address, resolver: Address, name: string): Promise<void> {
  const labels = name.split('.');
  if (labels.length !== 2 || labels[1] !== 'eth') throw new Error(`the local stack registers second-level .eth names only, not "${name}"`);
  const eth = namehash('eth');
  const read = (fn: 'owner' | 'resolver', node: Hex) => lc.client.readContract({ address: registry, abi: ensRegistryAbi, functionName: fn, args: [node] });
  if ((await read('owner', eth)).toLowerCase() !== owner.toLowerCase()) {
    await sendAndWait(lc, owner, registry, ensRegistryAbi, 'setSubnodeOwner', [zeroHash, labelhash('eth'), owner]);
  }
  const node = namehash(name);
  if ((await read('owner', node)).toLowerCase() !== owner.toLowerCase() || (await read('resolver', node)).toLowerCase() !== resolver.toLowerCase()) {
    await sendAndWait(lc, owner, registry, ensRegistryAbi, 'setSubnodeRecord', [eth, labelhash(labels[0]), owner, resolver, 0n]);
  }
}

async function sendAndWait(lc: LocalChain, from: Address, address: Address, abi: Abi, functionName: string, args: readonly unknown[]): Promise<void> {
  const wallet = createWalletClient({ account: from, chain: lc.chain, transport: http(lc.rpcUrl) });
  const hash = await wallet.writeContract({ address, abi, functionName, args });
  const receipt = await lc.client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`ENS ${functionName} (${hash}) reverted`);
}

async function hasCode(lc: LocalChain, address: Address): Promise<boolean> {
  const code = await lc.client.getCode({ address });
  return code !== undefined && code !== '0x';
}

export async function readRecord(file: string): Promise<LocalEns | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LocalEns;
  } catch {
    return null;
  }
}

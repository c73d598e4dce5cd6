// What running your own union costs (the README's "run your own union" figures): gas of the one-time
// contract deployment (real receipts of Deploy.s.sol on the bench chain), gas of pointing an ENS name
// at a new CID (setContenthash on ENS's own PublicResolver), and the size a pinning provider stores.
import { createWalletClient, http, namehash, type Address, type Hex } from 'viem';
import { contenthashResolverAbi, ipfsContenthash } from '../lib/ens.ts';
import { localChain } from '../lib/localChain.ts';
import { importSite } from '../publish/car.ts';
import { LOCAL_DEPLOYER, type Deployment } from '../stack/deploy.ts';
import type { LocalEns } from '../stack/ens.ts';
import type { Row } from './table.ts';

export async function benchPublish(rpcUrl: string, deployment: Deployment, ens: LocalEns, stagedSite: string): Promise<Row[]> {
  const lc = localChain(rpcUrl);
  const wanted = new Set([deployment.unionFactory, ...Object.values(deployment.implementations)].map((a) => a.toLowerCase()));
  let deployGas = 0n;
  let found = 0;
  const head = await lc.client.getBlockNumber();
  // The bench chain is fresh: the deployment sits in its first blocks.
  for (let n = BigInt(deployment.deployBlock); n <= head && found < wanted.size; n++) {
    const block = await lc.client.getBlock({ blockNumber: n });
    for (const hash of block.transactions) {
      const receipt = await lc.client.getTransactionReceipt({ hash });
      if (receipt.contractAddress && wanted.has(receipt.contractAddress.toLowerCase())) {
        deployGas += receipt.gasUsed;
        found += 1;
      }
    }
  }

  const { blocks } = await importSite(stagedSite);
  const bytes = blocks.reduce((sum, b) => sum + b.bytes.byteLength, 0);
  // Any CID other than the current one: setting a new value is what a re-publish costs.
  const gasOfSet = await setContenthashGas(rpcUrl, ens.resolver, ens.name, ipfsContenthash(blocks[0].cid.toString()));
  await setContenthashGas(rpcUrl, ens.resolver, ens.name, ipfsContenthash(ens.cid));

  return [
    { name: 'deploy: implementations + factory', value: deployGas.toLocaleString('en'), note: `${found} contracts, once per chain (Deploy.s.sol)` },
    { name: 'ens: setContenthash (new CID)', value: gasOfSet.toLocaleString('en'), note: 'per re-publish, on L1 (PublicResolver from @ensdomains/resolver)' },
    { name: 'site: bytes to pin', value: `${(bytes / 1024 / 1024).toFixed(2)} MiB`, note: `${blocks.length} blocks incl. config.json (the CAR is this plus ~40 B/block)` },
  ];
}

async function setContenthashGas(rpcUrl: string, resolver: Address, name: string, hash: Hex): Promise<bigint> {
  const lc = localChain(rpcUrl);
  const wallet = createWalletClient({ account: LOCAL_DEPLOYER, chain: lc.chain, transport: http(rpcUrl) });
  const tx = await wallet.writeContract({ address: resolver, abi: contenthashResolverAbi, functionName: 'setContenthash', args: [namehash(name), hash] });
  return (await lc.client.waitForTransactionReceipt({ hash: tx })).gasUsed;
}

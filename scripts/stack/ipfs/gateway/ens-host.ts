// ENS names on the local gateway, as eth.limo serves them on mainnet: a request for
// `http://<name>.eth.localhost:<port>/…` is answered from the IPFS CID in the name's ENSIP-7
// contenthash, read from the local chain's ENS registry. The name is its own origin, like a subdomain.
import { readFile } from 'node:fs/promises';
import { createPublicClient, http, type Address, type PublicClient } from 'viem';
import { readContenthash } from '../../../lib/ens.ts';

export type NameResolver = (name: string) => Promise<string | null>;

const ENS_HOST = /^((?:[a-z0-9-]+\.)+eth)\.localhost(?::\d+)?$/i;

/** `translators.eth` for Host `translators.eth.localhost:8080`, else null. */
export function ensNameOf(host: string | undefined): string | null {
  const m = ENS_HOST.exec(host ?? '');
  return m ? m[1].toLowerCase() : null;
}

/** Resolves names against one registry over one RPC (the hook the gateway is given). */
export function createEnsResolver(opts: { rpcUrl: string; registry: Address }): NameResolver {
  const client = createPublicClient({ transport: http(opts.rpcUrl) }) as PublicClient;
  return (name) => readContenthash(client, opts.registry, name);
}

/**
 * The gateway starts before the contracts exist, so it learns the RPC and registry from the stack's
 * ENS record (written by scripts/stack/ens.ts) when the first name request arrives; a record that
 * changes (stack restarted, registry redeployed) is picked up on the next request.
 */
export function ensResolverFromRecord(file: string): NameResolver {
  let current: { key: string; resolve: NameResolver } | null = null;
  return async (name) => {
    let record: { rpcUrl: string; registry: Address };
    try {
      record = JSON.parse(await readFile(file, 'utf8')) as { rpcUrl: string; registry: Address };
    } catch {
      return null;
    }
    const key = `${record.rpcUrl} ${record.registry}`;
    if (current?.key !== key) current = { key, resolve: createEnsResolver(record) };
    return current.resolve(name);
  };
}

// ENS reads and encodings shared by the local stack, the gateway's name resolver and `npm run ens:set`:
// ENSIP-1 namehash (viem), ENSIP-7 contenthash (@ensdomains/content-hash), and the two calls that
// matter here — registry.resolver(node) and resolver.contenthash(node).
import { decode, encode, getCodec } from '@ensdomains/content-hash';
import { namehash, zeroAddress, type Address, type Hex, type PublicClient } from 'viem';

/** The registry and resolver functions this project calls (subset of ENS's own ABIs). */
export const ensRegistryAbi = [
  { type: 'function', name: 'owner', stateMutability: 'view', inputs: [{ name: 'node', type: 'bytes32' }], outputs: [{ type: 'address' }] },
  { type: 'function', name: 'resolver', stateMutability: 'view', inputs: [{ name: 'node', type: 'bytes32' }], outputs: [{ type: 'address' }] },
  {
    type: 'function',
    name: 'setSubnodeOwner',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'node', type: 'bytes32' },
      { name: 'label', type: 'bytes32' },
      { name: 'owner', type: 'address' },
    ],
    outputs: [{ type: 'bytes32' }],
  },
  {
    type: 'function',
    name: 'setSubnodeRecord',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'node', type: 'bytes32' },
      { name: 'label', type: 'bytes32' },
      { name: 'owner', type: 'address' },
      { name: 'resolver', type: 'address' },
      { name: 'ttl', type: 'uint64' },
    ],
    outputs: [],
  },
] as const;

export const contenthashResolverAbi = [
  { type: 'function', name: 'contenthash', stateMutability: 'view', inputs: [{ name: 'node', type: 'bytes32' }], outputs: [{ type: 'bytes' }] },
  {
    type: 'function',
    name: 'setContenthash',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'node', type: 'bytes32' },
      { name: 'hash', type: 'bytes' },
    ],
    outputs: [],
  },
] as const;

/** ENSIP-7 contenthash bytes for an IPFS CID (any CID version). */
export function ipfsContenthash(cid: string): Hex {
  return `0x${encode('ipfs', cid)}`;
}

/** The IPFS CID in a contenthash, or null when it is empty or names another system (Swarm, IPNS…). */
export function cidFromContenthash(hash: Hex): string | null {
  if (hash === '0x' || hash.length < 4) return null;
  const hex = hash.slice(2);
  if (getCodec(hex) !== 'ipfs') return null;
  return decode(hex);
}

/** `translators.eth` → `https://translators.eth.limo/`, the public ENS gateway members can use. */
export function ethLimoUrl(name: string): string {
  return `https://${name}.limo/`;
}

export function isEnsName(name: string): boolean {
  return /^([a-z0-9-]+\.)+eth$/.test(name);
}

/** Reads a name's IPFS contenthash through its resolver; null when there is no resolver or no IPFS hash. */
export async function readContenthash(client: PublicClient, registry: Address, name: string): Promise<string | null> {
  const node = namehash(name);
  const resolver = await client.readContract({ address: registry, abi: ensRegistryAbi, functionName: 'resolver', args: [node] });
  if (resolver === zeroAddress) return null;
  const hash = await client.readContract({ address: resolver, abi: contenthashResolverAbi, functionName: 'contenthash', args: [node] });
  return cidFromContenthash(hash);
}

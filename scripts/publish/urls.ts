// Where members can open a published CID. Subdomain gateways and ENS names first: each gives the
// site an origin of its own; on a path gateway every site shares one origin (and its storage).
import { CID } from 'multiformats/cid';

export interface SiteUrls {
  subdomain: string[];
  path: string[];
  local: { subdomain: string; path: string } | null;
}

export const PUBLIC_SUBDOMAIN_GATEWAYS = ['dweb.link', 'w3s.link'];
export const PUBLIC_PATH_GATEWAYS = ['https://ipfs.io', 'https://dweb.link'];

export function siteUrls(cid: string, localGateway: string | null): SiteUrls {
  const b32 = CID.parse(cid).toV1().toString();
  const local = localGateway ? new URL(localGateway) : null;
  return {
    subdomain: PUBLIC_SUBDOMAIN_GATEWAYS.map((host) => `https://${b32}.ipfs.${host}/`),
    path: PUBLIC_PATH_GATEWAYS.map((g) => `${g}/ipfs/${cid}/`),
    local: local ? { subdomain: `http://${b32}.ipfs.localhost:${local.port}/`, path: `${local.origin}/ipfs/${cid}/` } : null,
  };
}

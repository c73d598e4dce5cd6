// Origin isolation. On a path gateway (https://gateway/ipfs/<cid>/) every site shares the gateway's
// one origin, so any other site served there can read this one's localStorage and IndexedDB —
// including the did-session key that writes as the member. A subdomain gateway
// (https://<cidv1b32>.ipfs.<gateway>/) or an ENS name (https://<name>.eth.limo/) gives the site an
// origin of its own. This module spots the shared case and builds the isolated URL to offer instead.
import { cidV1Base32 } from './cidLabel';

export interface SharedOrigin {
	/** `/ipfs/<cid>` or `/ipns/<name>` prefix the site is served under. */
	prefix: string;
	/** The same page on the gateway's subdomain form, or null when it cannot be built (IPNS names with dots). */
	isolatedUrl: string | null;
}

export interface LocationLike {
	protocol: string;
	host: string;
	hostname: string;
	port: string;
	pathname: string;
	search: string;
	hash: string;
}

/** Gateways known to serve subdomains on another domain than their path form. */
const SUBDOMAIN_HOST: Record<string, string> = { 'ipfs.io': 'dweb.link', 'gateway.ipfs.io': 'dweb.link' };

/** Null when the site already has an origin of its own (subdomain gateway, ENS name, own domain). */
export function sharedGatewayOrigin(loc: LocationLike): SharedOrigin | null {
	const m = /^\/(ipfs|ipns)\/([^/]+)(\/.*)?$/.exec(loc.pathname);
	if (!m) return null;
	const [, ns, id, rest = '/'] = m;
	return { prefix: `/${ns}/${id}`, isolatedUrl: isolatedUrl(loc, ns as 'ipfs' | 'ipns', id, rest) };
}

function isolatedUrl(loc: LocationLike, ns: 'ipfs' | 'ipns', id: string, rest: string): string | null {
	let label = id;
	if (ns === 'ipfs') {
		try {
			// DNS labels are case-insensitive and at most 63 characters: CIDv1 base32 fits.
			label = cidV1Base32(id);
		} catch {
			return null;
		}
	} else if (id.includes('.')) {
		// DNSLink names go in one label with '.' → '-' and '-' → '--' (the subdomain gateway spec).
		label = id.replaceAll('-', '--').replaceAll('.', '-');
	}
	// An IP address has no subdomains; browsers resolve *.localhost to the loopback address.
	const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(loc.hostname) || loc.hostname.startsWith('[');
	const baseHost = isIp ? 'localhost' : (SUBDOMAIN_HOST[loc.hostname] ?? loc.hostname);
	const port = loc.port ? `:${loc.port}` : '';
	return `${loc.protocol}//${label}.${ns}.${baseHost}${port}${rest}${loc.search}${loc.hash}`;
}

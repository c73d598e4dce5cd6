// Spotting a shared path-gateway origin and building the isolated URL to offer instead.
import { describe, expect, it } from 'vitest';
import { sharedGatewayOrigin, type LocationLike } from '../../../web/lib/origin/isolation';

const V1 = 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi';
const V0 = 'QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG';

function loc(url: string): LocationLike {
	const u = new URL(url);
	return { protocol: u.protocol, host: u.host, hostname: u.hostname, port: u.port, pathname: u.pathname, search: u.search, hash: u.hash };
}

describe('sharedGatewayOrigin', () => {
	it('flags /ipfs/<cid>/ on a local gateway and offers the *.ipfs.localhost subdomain, route kept', () => {
		const shared = sharedGatewayOrigin(loc(`http://127.0.0.1:8080/ipfs/${V1}/#/u/0xabc`));
		expect(shared?.prefix).toBe(`/ipfs/${V1}`);
		expect(shared?.isolatedUrl).toBe(`http://${V1}.ipfs.localhost:8080/#/u/0xabc`);
	});

	it('turns a CIDv0 into the base32 CIDv1 a DNS label can hold, and ipfs.io into dweb.link', () => {
		const shared = sharedGatewayOrigin(loc(`https://ipfs.io/ipfs/${V0}/`));
		expect(shared?.isolatedUrl).toMatch(/^https:\/\/bafybei[a-z2-7]+\.ipfs\.dweb\.link\/$/);
	});

	it('encodes a DNSLink name under /ipns/ as one label', () => {
		expect(sharedGatewayOrigin(loc('https://gw.example/ipns/my-union.org/'))?.isolatedUrl).toBe('https://my--union-org.ipns.gw.example/');
	});

	it('says nothing on a subdomain gateway, an ENS name or an own domain', () => {
		expect(sharedGatewayOrigin(loc(`http://${V1}.ipfs.localhost:8080/`))).toBeNull();
		expect(sharedGatewayOrigin(loc('https://translators.eth.limo/#/u/0xabc'))).toBeNull();
		expect(sharedGatewayOrigin(loc('https://union.example/'))).toBeNull();
	});

	it('still warns when the CID cannot be parsed, without inventing a link', () => {
		const shared = sharedGatewayOrigin(loc('http://127.0.0.1:8080/ipfs/not-a-cid/'));
		expect(shared?.isolatedUrl).toBeNull();
	});
});

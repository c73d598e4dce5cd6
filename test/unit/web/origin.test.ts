// Spotting a shared path-gateway origin and building the isolated URL to offer instead.
import { describe, expect, it } from 'vitest';
import { sharedGatewayOrigin, type LocationLike } from '../../../web/lib/origin/isolation';
import { cidV1Base32 } from '../../../web/lib/origin/cidLabel';

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

describe('cidV1Base32 (the first load’s CID parser) against multiformats', () => {
	const digests = Array.from({ length: 40 }, (_, i) => Uint8Array.from({ length: 32 }, (_, j) => (i * 37 + j * 11 + (i === 0 ? 0 : 1)) & 0xff));

	it('gives CID.parse(cid).toV1().toString() for v0, and v1 in base32, base58btc and base36', async () => {
		const { CID } = await import('multiformats/cid');
		const { base58btc } = await import('multiformats/bases/base58');
		const { base36 } = await import('multiformats/bases/base36');
		const { create } = await import('multiformats/hashes/digest');
		for (const d of digests) {
			const mh = create(0x12, d);
			const v0 = CID.createV0(mh);
			const raw = CID.createV1(0x55, mh);
			for (const text of [v0.toString(), raw.toString(), raw.toString(base58btc), raw.toString(base36), CID.createV1(0x71, mh).toString()]) {
				expect(cidV1Base32(text), text).toBe(CID.parse(text).toV1().toString());
			}
		}
		expect(cidV1Base32(V0)).toBe(CID.parse(V0).toV1().toString());
	});

	it('refuses what is not a CID', () => {
		for (const bad of ['not-a-cid', 'Qm123', `${V1}x`, 'bafy', 'z', '']) expect(() => cidV1Base32(bad), bad).toThrow();
	});
});

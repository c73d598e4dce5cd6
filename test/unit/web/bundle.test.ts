// The demand bundle verifies offline from its signatures alone, and any tampering makes it fail.
import { describe, expect, it } from 'vitest';
import { privateKeyToAccount } from 'viem/accounts';
import type { Address } from 'viem';
import { BundleFormatError, makeBundle, parseBundle, verifyBundleSignatures, type DemandBundle } from '../../../web/lib/demands/bundle';
import { commitmentDomain, commitmentTypedData } from '../../../web/lib/demands/typedData';

const keys = [
	'0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
	'0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
	'0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6'
] as const;
const union: Address = '0x2222222222222222222222222222222222222222';
const domain = commitmentDomain(31337, '0x9999999999999999999999999999999999999999');
const textCid = 'bafkreidemand';

async function signedBundle(threshold = 3): Promise<DemandBundle> {
	const commitments = await Promise.all(
		keys.map(async (k) => {
			const account = privateKeyToAccount(k);
			const signature = await account.signTypedData(commitmentTypedData(domain, { union, demandId: 7n, member: account.address, textCid, nonce: 0n }));
			return { member: account.address, nonce: 0n, signature };
		})
	);
	return makeBundle({ domain, demand: { id: 7n, union, textCid, target: 'MegaCorp', threshold, deadline: 2_000_000_000, activatedBlock: 42n }, commitments });
}

const roundTrip = (b: DemandBundle): DemandBundle => parseBundle(JSON.parse(JSON.stringify(b)));

describe('demand bundle', () => {
	it('verifies when every signature is its member’s and the threshold is met', async () => {
		const report = await verifyBundleSignatures(roundTrip(await signedBundle()));
		expect(report.problems).toEqual([]);
		expect(report.ok).toBe(true);
		expect(report.validMembers).toBe(3);
	});

	it('fails when the text CID is changed', async () => {
		const b = roundTrip(await signedBundle());
		b.demand.textCid = 'bafkreisomethingelse';
		const report = await verifyBundleSignatures(b);
		expect(report.ok).toBe(false);
		expect(report.validMembers).toBe(0);
	});

	it('fails when a signature is swapped to another member', async () => {
		const b = roundTrip(await signedBundle());
		b.commitments[0].signature = b.commitments[1].signature;
		const report = await verifyBundleSignatures(b);
		expect(report.ok).toBe(false);
		expect(report.checks.map((c) => c.valid)).toEqual([false, true, true]);
	});

	it('fails when the domain points at another contract or chain', async () => {
		const b = roundTrip(await signedBundle());
		b.domain.chainId = 1;
		expect((await verifyBundleSignatures(b)).ok).toBe(false);
	});

	it('fails when a duplicate signer pads the count to the threshold', async () => {
		const b = roundTrip(await signedBundle(3));
		b.commitments[2] = { ...b.commitments[0] };
		const report = await verifyBundleSignatures(b);
		expect(report.validMembers).toBe(2);
		expect(report.ok).toBe(false);
	});

	it('rejects JSON that is not a bundle', () => {
		expect(() => parseBundle({ format: 'other' })).toThrow(BundleFormatError);
		expect(() => parseBundle('x')).toThrow(BundleFormatError);
	});
});

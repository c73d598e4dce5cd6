import { describe, expect, it } from 'vitest';
import { decodeInvite, encodeInvite, InviteCodeError, offlineInviteProblem, randomNonce, ZERO_ADDRESS, type SignedInvite } from '$lib/union/invite';

const voucher: SignedInvite = {
	chainId: 31337,
	union: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
	invite: {
		inviter: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
		invitee: ZERO_ADDRESS,
		nonce: 2n ** 127n + 12345n,
		deadline: 1_900_000_000n
	},
	signature: `0x${'ab'.repeat(65)}`
};

describe('invite codes', () => {
	it('round-trip every field, including a 128-bit nonce', () => {
		const code = encodeInvite(voucher);
		expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(decodeInvite(code)).toEqual(voucher);
	});

	it('fit in a URL hash without escaping', () => {
		const code = encodeInvite(voucher);
		expect(encodeURIComponent(code)).toBe(code);
	});

	it('refuse a truncated code', () => {
		const code = encodeInvite(voucher);
		expect(() => decodeInvite(code.slice(0, -10))).toThrow(InviteCodeError);
	});

	it('refuse characters outside base64url', () => {
		expect(() => decodeInvite('abc$def')).toThrow('This invite link is broken: it contains characters an invite code never has');
	});

	it('refuse an altered signature', () => {
		const json = JSON.stringify([1, 31337, voucher.union, voucher.invite.inviter, ZERO_ADDRESS, '1', '1', '0x12']);
		const code = Buffer.from(json).toString('base64url');
		expect(() => decodeInvite(code)).toThrow('its signature is invalid');
	});

	it('refuse an unknown format version', () => {
		const json = JSON.stringify([2, 31337, voucher.union, voucher.invite.inviter, ZERO_ADDRESS, '1', '1', voucher.signature]);
		expect(() => decodeInvite(Buffer.from(json).toString('base64url'))).toThrow('format 2');
	});

	it('make distinct random nonces', () => {
		expect(randomNonce()).not.toBe(randomNonce());
	});
});

describe('offlineInviteProblem', () => {
	const ctx = { chainId: 31337, union: voucher.union, nowSeconds: 1_800_000_000n, account: null };
	it('accepts a fresh open invite', () => {
		expect(offlineInviteProblem(voucher, ctx)).toBeNull();
	});
	it('refuses an expired invite', () => {
		expect(offlineInviteProblem(voucher, { ...ctx, nowSeconds: 1_900_000_000n })).toBe('expired');
	});
	it('refuses another network or union', () => {
		expect(offlineInviteProblem(voucher, { ...ctx, chainId: 1 })).toBe('wrong-chain');
		expect(offlineInviteProblem(voucher, { ...ctx, union: '0x0000000000000000000000000000000000000001' })).toBe('wrong-union');
	});
	it('refuses an invite addressed to someone else', () => {
		const addressed = { ...voucher, invite: { ...voucher.invite, invitee: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const } };
		expect(offlineInviteProblem(addressed, { ...ctx, account: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' })).toBe('not-for-you');
		expect(offlineInviteProblem(addressed, { ...ctx, account: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' })).toBeNull();
	});
});

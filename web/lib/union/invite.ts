// Invite vouchers: an EIP-712 signed Invite plus where it applies (chain, union), packed into a
// URL-safe string for links like #/u/<union>/invite/<code>. Pure functions, no viem, so the
// invite page can decode and explain a bad link before loading any chain code.

export type Hex = `0x${string}`;
export type Address = `0x${string}`;

export const ZERO_ADDRESS: Address = '0x0000000000000000000000000000000000000000';

/** Mirrors `struct Invite` in Union.sol. invitee == 0 means "whoever holds the link". */
export interface Invite {
	inviter: Address;
	invitee: Address;
	nonce: bigint;
	deadline: bigint;
}

export interface SignedInvite {
	chainId: number;
	union: Address;
	invite: Invite;
	signature: Hex;
}

/** EIP-712 types of the Invite struct, as the contract hashes it. */
export const INVITE_TYPES = {
	Invite: [
		{ name: 'inviter', type: 'address' },
		{ name: 'invitee', type: 'address' },
		{ name: 'nonce', type: 'uint256' },
		{ name: 'deadline', type: 'uint256' }
	]
} as const;

export class InviteCodeError extends Error {
	constructor(reason: string) {
		super(`This invite link is broken: ${reason}`);
		this.name = 'InviteCodeError';
	}
}

const VERSION = 1;
const ADDRESS_RE = /^0x[0-9a-fA-F]{40}$/;
const SIG_RE = /^0x(?:[0-9a-fA-F]{2}){64,}$/;

function toBase64Url(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let bin = '';
	for (const b of bytes) bin += String.fromCharCode(b);
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string {
	if (!/^[A-Za-z0-9_-]+$/.test(code)) throw new InviteCodeError('it contains characters an invite code never has');
	const b64 = code.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (code.length % 4)) % 4);
	let bin: string;
	try {
		bin = atob(b64);
	} catch {
		throw new InviteCodeError('it is not valid base64');
	}
	const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
	return new TextDecoder().decode(bytes);
}

/** Packs a signed invite into a URL-safe code. */
export function encodeInvite(v: SignedInvite): string {
	const packed = [
		VERSION,
		v.chainId,
		v.union,
		v.invite.inviter,
		v.invite.invitee,
		v.invite.nonce.toString(16),
		v.invite.deadline.toString(10),
		v.signature
	];
	return toBase64Url(JSON.stringify(packed));
}

/** Unpacks an invite code; throws InviteCodeError saying what is wrong with it. */
export function decodeInvite(code: string): SignedInvite {
	let packed: unknown;
	try {
		packed = JSON.parse(fromBase64Url(code.trim()));
	} catch (e) {
		if (e instanceof InviteCodeError) throw e;
		throw new InviteCodeError('it was cut short or altered');
	}
	if (!Array.isArray(packed) || packed.length !== 8) throw new InviteCodeError('it has the wrong shape');
	const [version, chainId, union, inviter, invitee, nonceHex, deadline, signature] = packed as unknown[];
	if (version !== VERSION) throw new InviteCodeError(`it uses format ${String(version)}, this site reads format ${VERSION}`);
	if (typeof chainId !== 'number' || !Number.isSafeInteger(chainId) || chainId <= 0) throw new InviteCodeError('its chain id is invalid');
	for (const [label, a] of [
		['union', union],
		['inviter', inviter],
		['invitee', invitee]
	] as const)
		if (typeof a !== 'string' || !ADDRESS_RE.test(a)) throw new InviteCodeError(`its ${label} address is invalid`);
	if (typeof nonceHex !== 'string' || !/^[0-9a-f]{1,64}$/.test(nonceHex)) throw new InviteCodeError('its nonce is invalid');
	if (typeof deadline !== 'string' || !/^[0-9]{1,20}$/.test(deadline)) throw new InviteCodeError('its deadline is invalid');
	if (typeof signature !== 'string' || !SIG_RE.test(signature)) throw new InviteCodeError('its signature is invalid');
	return {
		chainId,
		union: union as Address,
		invite: {
			inviter: inviter as Address,
			invitee: invitee as Address,
			nonce: BigInt(`0x${nonceHex}`),
			deadline: BigInt(deadline)
		},
		signature: signature as Hex
	};
}

/** A fresh random 128-bit nonce: unguessable, and (inviter, nonce) pairs never collide in practice. */
export function randomNonce(): bigint {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return BigInt(`0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`);
}

/** Path (inside the hash) of the invite page for a code. */
export function invitePath(union: Address, code: string): string {
	return `/u/${union}/invite/${code}`;
}

/** Reasons an invite cannot be redeemed, checked before any transaction is sent. */
export type InviteProblem =
	| 'wrong-chain'
	| 'wrong-union'
	| 'expired'
	| 'used'
	| 'inviter-not-member'
	| 'bad-signature'
	| 'not-for-you'
	| 'already-member';

export const INVITE_PROBLEM_TEXT: Readonly<Record<InviteProblem, string>> = {
	'wrong-chain': 'This invite is for a different network than this site uses',
	'wrong-union': 'This invite is for a different union',
	expired: 'This invite has expired',
	used: 'This invite was already used',
	'inviter-not-member': 'The person who invited you is no longer a member',
	'bad-signature': 'This invite’s signature does not match the inviter',
	'not-for-you': 'This invite was made for a different account',
	'already-member': 'You are already a member'
};

/** Checks that need no chain access: network, union, deadline, invitee. */
export function offlineInviteProblem(
	v: SignedInvite,
	ctx: { chainId: number; union: Address; nowSeconds: bigint; account: Address | null }
): InviteProblem | null {
	if (v.chainId !== ctx.chainId) return 'wrong-chain';
	if (v.union.toLowerCase() !== ctx.union.toLowerCase()) return 'wrong-union';
	if (v.invite.deadline <= ctx.nowSeconds) return 'expired';
	if (ctx.account && v.invite.invitee !== ZERO_ADDRESS && v.invite.invitee.toLowerCase() !== ctx.account.toLowerCase()) return 'not-for-you';
	return null;
}

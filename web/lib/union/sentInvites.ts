// Invites an inviter signed in this browser. An invite is an off-chain signature, so the chain knows of it
// only once it is redeemed or revoked (the inviter's nonce bitmap): the links themselves are kept here, in
// localStorage, per union and inviter, so the inviter can list and revoke the ones still outstanding.
// No viem: the storage is injected, so the list logic is tested in Node.

import { decodeInvite, type Address } from './invite';

export interface SentInvite {
	code: string;
	/** Hex of the nonce (as in the link). */
	nonce: bigint;
	deadline: bigint;
	createdAt: number;
}

export interface KeyValue {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

/** Kept per browser; an inviter who signs on several devices sees each device's own. */
export const MAX_KEPT = 50;

function key(union: Address, inviter: Address): string {
	return `nu:invites:${union.toLowerCase()}:${inviter.toLowerCase()}`;
}

export function loadSent(store: KeyValue, union: Address, inviter: Address): SentInvite[] {
	let raw: unknown;
	try {
		raw = JSON.parse(store.getItem(key(union, inviter)) ?? '[]');
	} catch {
		return [];
	}
	if (!Array.isArray(raw)) return [];
	const out: SentInvite[] = [];
	for (const item of raw) {
		if (!item || typeof item !== 'object') continue;
		const { code, createdAt } = item as { code?: unknown; createdAt?: unknown };
		if (typeof code !== 'string' || typeof createdAt !== 'number') continue;
		try {
			const v = decodeInvite(code);
			// only this union's and this inviter's links: a stored entry cannot claim someone else's invite
			if (v.union.toLowerCase() !== union.toLowerCase() || v.invite.inviter.toLowerCase() !== inviter.toLowerCase()) continue;
			out.push({ code, nonce: v.invite.nonce, deadline: v.invite.deadline, createdAt });
		} catch {
			// a damaged entry is dropped, the rest stay
		}
	}
	return out;
}

export function rememberSent(store: KeyValue, union: Address, inviter: Address, code: string, now = Date.now()): SentInvite[] {
	const list = loadSent(store, union, inviter).filter((s) => s.code !== code);
	const v = decodeInvite(code);
	list.unshift({ code, nonce: v.invite.nonce, deadline: v.invite.deadline, createdAt: now });
	const kept = list.slice(0, MAX_KEPT);
	store.setItem(key(union, inviter), JSON.stringify(kept.map((s) => ({ code: s.code, createdAt: s.createdAt }))));
	return kept;
}

export function forgetSent(store: KeyValue, union: Address, inviter: Address, nonce: bigint): SentInvite[] {
	const kept = loadSent(store, union, inviter).filter((s) => s.nonce !== nonce);
	store.setItem(key(union, inviter), JSON.stringify(kept.map((s) => ({ code: s.code, createdAt: s.createdAt }))));
	return kept;
}

/** Outstanding = not used or revoked on chain (`closed`) and not past its deadline (chain time). */
export function outstanding(sent: readonly SentInvite[], closed: readonly boolean[], chainNow: bigint): SentInvite[] {
	return sent.filter((s, i) => !closed[i] && s.deadline > chainNow);
}

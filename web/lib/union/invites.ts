// Invite quota and outstanding invites, read from the union; revoking one's own invite or (steward) anyone's.
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi/generated';
import { read } from '$lib/chain/read';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';
import { outstanding, type SentInvite } from './sentInvites';

export interface InviteQuota {
	/** Redemptions left in this period (`invitesLeft`). */
	left: number;
	/** The union's quota per period. */
	quota: number;
	/** Unix seconds when the period ends and the quota refills. */
	refillsAt: bigint;
	/** Chain time now. */
	now: bigint;
}

export async function inviteQuota(union: Address, inviter: Address): Promise<InviteQuota> {
	return read(async ({ client }) => {
		const [[left, refillsAt], params, block] = await Promise.all([
			client.readContract({ address: union, abi: unionAbi, functionName: 'invitesLeft', args: [inviter] }),
			client.readContract({ address: union, abi: unionAbi, functionName: 'trustParams' }),
			client.getBlock()
		]);
		return { left: Number(left), quota: Number(params.inviteQuota), refillsAt, now: block.timestamp };
	});
}

/** Which of the inviter's remembered invites are still open on chain. */
export async function openInvites(union: Address, inviter: Address, sent: readonly SentInvite[]): Promise<SentInvite[]> {
	return read(async ({ client }) => {
		const [closed, block] = await Promise.all([
			Promise.all(sent.map((s) => client.readContract({ address: union, abi: unionAbi, functionName: 'inviteUsed', args: [inviter, s.nonce] }))),
			client.getBlock()
		]);
		return outstanding(sent, closed, block.timestamp);
	});
}

export function revokeInvite(signer: Signer, union: Address, nonce: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'revokeInvite', args: [nonce] }, observer);
}

/** The steward revokes anyone's outstanding invite. */
export function revokeInviteOf(signer: Signer, union: Address, inviter: Address, nonce: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'revokeInviteOf', args: [inviter, nonce] }, observer);
}

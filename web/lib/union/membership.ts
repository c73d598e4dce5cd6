// One account's standing in a union, and the steward's queue of pending requests.
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { read } from '$lib/chain/read';

export interface Standing {
	isMember: boolean;
	hasPendingRequest: boolean;
}

/** pendingRequest() may return a flag or a request timestamp; either way non-zero means pending. */
function truthy(v: unknown): boolean {
	return typeof v === 'bigint' ? v !== 0n : Boolean(v);
}

export async function standing(union: Address, account: Address): Promise<Standing> {
	return read(async ({ client }) => {
		const [isMember, pending] = await Promise.all([
			client.readContract({ address: union, abi: unionAbi, functionName: 'isMember', args: [account] }),
			client.readContract({ address: union, abi: unionAbi, functionName: 'pendingRequest', args: [account] })
		]);
		return { isMember, hasPendingRequest: truthy(pending) };
	});
}

export interface PendingRequest {
	applicant: Address;
	requestedBlock: bigint;
}

/** Applicants whose request is still open: JoinRequested events, confirmed against pendingRequest(). */
export async function pendingRequests(union: Address): Promise<PendingRequest[]> {
	return read(async ({ client, events }) => {
		const logs = await events((range) =>
			client.getContractEvents({
				address: union,
				abi: unionAbi,
				eventName: 'JoinRequested',
				...range,
				strict: true
			})
		);
		const latest = new Map<string, PendingRequest>();
		for (const l of logs) latest.set(l.args.applicant.toLowerCase(), { applicant: l.args.applicant, requestedBlock: l.blockNumber });
		const candidates = [...latest.values()];
		const open = await Promise.all(
			candidates.map((c) => client.readContract({ address: union, abi: unionAbi, functionName: 'pendingRequest', args: [c.applicant] }))
		);
		return candidates.filter((_, i) => truthy(open[i]));
	});
}

// One account's standing in a union, and the steward's queue of pending requests.
import type { Address } from 'viem';
import { getConfig } from '$lib/config';
import { unionAbi } from '../chain/abi';
import { getPublicClient } from '../chain/client';
import { toChainActionError } from '../chain/errors';
import { errorContext } from '../chain/write';
import { chunkedEvents } from '../sync/chunkedEvents';

export interface Standing {
	isMember: boolean;
	hasPendingRequest: boolean;
}

/** pendingRequest() may return a flag or a request timestamp; either way non-zero means pending. */
function truthy(v: unknown): boolean {
	return typeof v === 'bigint' ? v !== 0n : Boolean(v);
}

export async function standing(union: Address, account: Address): Promise<Standing> {
	try {
		const client = await getPublicClient();
		const [isMember, pending] = await Promise.all([
			client.readContract({ address: union, abi: unionAbi, functionName: 'isMember', args: [account] }),
			client.readContract({ address: union, abi: unionAbi, functionName: 'pendingRequest', args: [account] })
		]);
		return { isMember, hasPendingRequest: truthy(pending) };
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

export interface PendingRequest {
	applicant: Address;
	requestedBlock: bigint;
}

/** Applicants whose request is still open: JoinRequested events, confirmed against pendingRequest(). */
export async function pendingRequests(union: Address): Promise<PendingRequest[]> {
	try {
		const client = await getPublicClient();
		const logs = await chunkedEvents(client, BigInt(getConfig().contracts.deployBlock), (range) =>
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
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

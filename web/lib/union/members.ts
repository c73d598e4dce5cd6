// Current members, replayed from MemberJoined / MemberLeft events in chain order.
// (A chunked, cached sync lives in web/lib/sync later; unions here are small.)
import type { Address } from 'viem';
import { getConfig } from '$lib/config';
import { unionAbi } from '../chain/abi';
import { getPublicClient } from '../chain/client';
import { toChainActionError } from '../chain/errors';
import { errorContext } from '../chain/write';
import type { JoinPath } from './types';

export interface Member {
	address: Address;
	path: JoinPath;
	inviter: Address;
	joinedBlock: bigint;
}

interface Ordered {
	blockNumber: bigint;
	logIndex: number;
}

function byChainOrder(a: Ordered, b: Ordered): number {
	if (a.blockNumber !== b.blockNumber) return a.blockNumber < b.blockNumber ? -1 : 1;
	return a.logIndex - b.logIndex;
}

export async function listMembers(union: Address): Promise<Member[]> {
	try {
		const client = await getPublicClient();
		const fromBlock = BigInt(getConfig().contracts.deployBlock);
		const [joined, left] = await Promise.all([
			client.getContractEvents({ address: union, abi: unionAbi, eventName: 'MemberJoined', fromBlock, toBlock: 'latest', strict: true }),
			client.getContractEvents({ address: union, abi: unionAbi, eventName: 'MemberLeft', fromBlock, toBlock: 'latest', strict: true })
		]);
		const events = [
			...joined.map((l) => ({ kind: 'join' as const, blockNumber: l.blockNumber, logIndex: l.logIndex, args: l.args })),
			...left.map((l) => ({ kind: 'leave' as const, blockNumber: l.blockNumber, logIndex: l.logIndex, args: l.args }))
		].sort(byChainOrder);
		const current = new Map<string, Member>();
		for (const ev of events) {
			const key = ev.args.member.toLowerCase();
			if (ev.kind === 'leave') current.delete(key);
			else
				current.set(key, {
					address: ev.args.member,
					path: Number(ev.args.path) as JoinPath,
					inviter: ev.args.inviter,
					joinedBlock: ev.blockNumber
				});
		}
		return [...current.values()];
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

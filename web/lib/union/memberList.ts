// The member list from union events, through the chunked, cached sync (web/lib/sync, its
// "membership" stream: joins and leaves only). Free of config and client singletons, so tests and
// scripts call it with their own client and cache; members.ts is the page's entry point.
import type { Address } from 'viem';
import { syncUnionLogs, type SyncOptions } from '../sync/syncLogs';
import type { UnionLog } from '../sync/types';
import type { JoinPath } from './types';

export interface Member {
	address: Address;
	path: JoinPath;
	inviter: Address;
	joinedBlock: bigint;
}

/** Members after replaying `logs` (in chain order): a leave removes, a rejoin replaces. */
export function membersFromLogs(logs: readonly UnionLog[]): Member[] {
	const current = new Map<string, Member>();
	for (const log of logs) {
		if (log.eventName === 'MemberLeft') current.delete(log.args.member.toLowerCase());
		else if (log.eventName === 'MemberJoined')
			current.set(log.args.member.toLowerCase(), {
				address: log.args.member,
				path: log.args.path as JoinPath,
				inviter: log.args.inviter,
				joinedBlock: BigInt(log.blockNumber)
			});
	}
	return [...current.values()];
}

export interface ReadMembersOptions extends Pick<SyncOptions, 'client' | 'chainId' | 'chunkSize' | 'retry' | 'onRetry' | 'onProgress' | 'signal'> {
	union: Address;
	startBlock: number;
	store: SyncOptions['store'];
}

/** The member list through the chunked sync, with the client and cache given (tests, scripts). */
export async function readMembers(opts: ReadMembersOptions): Promise<Member[]> {
	const { logs } = await syncUnionLogs({ ...opts, address: opts.union, stream: 'membership' });
	return membersFromLogs(logs);
}

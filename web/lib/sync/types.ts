// Decoded union logs as stored in the cache and handed to derived views (member list, support rank).
// Plain data: numbers for positions (IndexedDB keys cannot be bigints), bigint only for token amounts.
import type { Address, Hex } from 'viem';

/** A log's place in the chain; (blockNumber, logIndex) identifies it and orders logs. */
export interface LogPosition {
	blockNumber: number;
	logIndex: number;
}

export type UnionLog = LogPosition & {
	blockHash: Hex;
	transactionHash: Hex;
} & (
		| { eventName: 'MemberJoined'; args: { member: Address; path: number; inviter: Address; grant: bigint } }
		| { eventName: 'MemberLeft'; args: { member: Address } }
		| { eventName: 'Backed'; args: { backer: Address; leader: Address } }
		| { eventName: 'Unbacked'; args: { backer: Address; leader: Address } }
	);

export type UnionEventName = UnionLog['eventName'];

/** A subset of a union's events synced (and cached) on its own; absent: all four. */
export type SyncStream = 'membership';

/** Which contract on which chain a cache belongs to (and which of its event streams). */
export interface SyncScope {
	chainId: number;
	address: Address;
	stream?: SyncStream;
}

export interface SyncCursor {
	/** Every block up to and including this one has been fetched. */
	lastSyncedBlock: number;
	/** The block the sync started from (the deployment block). */
	startBlock: number;
}

export function scopeKey(scope: SyncScope): string {
	return `${scope.chainId}:${scope.address.toLowerCase()}${scope.stream ? `:${scope.stream}` : ''}`;
}

export function compareLogs(a: LogPosition, b: LogPosition): number {
	return a.blockNumber - b.blockNumber || a.logIndex - b.logIndex;
}

// Current members, replayed from MemberJoined / MemberLeft events in chain order. The events come
// through the chunked, cached sync (web/lib/sync, the "membership" stream: joins and leaves only),
// so no single eth_getLogs grows with the union — one answer of every join passed viem's 10 MB
// limit at ~18,000 members — and a reload fetches only new blocks. It reads through the minimal
// JSON-RPC path (sync/rpcLogs.ts), not viem's client: the union page shows its members before viem
// is downloaded, parsed or run (issue 14).
import type { Address } from 'viem';
import { getConfig } from '$lib/config';
import { toReadError } from '../rpc/errors';
import { readMembers, type Member } from './memberList';
import { sharedSyncStore } from '../sync/idbStore';
import type { SyncListeners } from '../sync/progressText';

export { membersFromLogs, readMembers, type Member, type ReadMembersOptions } from './memberList';

/** The union's current members (synced into this browser's cache, then only new blocks). */
export async function listMembers(union: Address, listen: SyncListeners = {}): Promise<Member[]> {
	const { chain, contracts } = getConfig();
	try {
		// The cache is handed over while it opens: the sync asks for the head meanwhile. The sync's cursor
		// keeps the start block as a number (it is stored in IndexedDB).
		return await readMembers({ client: { rpcUrl: chain.rpcUrl }, union, startBlock: contracts.deployBlock, chainId: chain.id, store: sharedSyncStore(), ...listen });
	} catch (e) {
		throw toReadError(e, { rpcUrl: chain.rpcUrl, chainId: chain.id, chainName: chain.name });
	}
}

// Whether the connected account may back `target`, whether it already does and follows them, and whether
// its votes sit with a leader it no longer backs — read from the contract itself (the synced graph may lag a
// block behind a just-confirmed back).
import type { Address } from 'viem';
import { unionAbi, unionTokenAbi } from '../chain/abi/generated';
import { read } from '$lib/chain/read';

export interface BackingStatus {
	accountIsMember: boolean;
	targetIsMember: boolean;
	isBacking: boolean;
	/** A live backAndFollow edge to `target` with the votes still delegated to them. */
	isFollowing: boolean;
	/** The account's delegate (zero address if it never delegated). */
	delegate: Address;
	/** The account's delegate is someone it no longer backs through a follow: reclaimVotes would return them. */
	canReclaim: boolean;
}

const ZERO = '0x0000000000000000000000000000000000000000';

export async function backingStatus(union: Address, account: Address, target: Address): Promise<BackingStatus> {
	return read(async ({ client }) => {
		const u = { address: union, abi: unionAbi } as const;
		const token = await client.readContract({ ...u, functionName: 'token' });
		const [accountIsMember, targetIsMember, isBacking, isFollowing, delegate] = await Promise.all([
			client.readContract({ ...u, functionName: 'isMember', args: [account] }),
			client.readContract({ ...u, functionName: 'isMember', args: [target] }),
			client.readContract({ ...u, functionName: 'isBacking', args: [account, target] }),
			client.readContract({ ...u, functionName: 'isFollowing', args: [account, target] }),
			client.readContract({ address: token, abi: unionTokenAbi, functionName: 'delegates', args: [account] })
		]);
		let canReclaim = false;
		const other = delegate.toLowerCase() !== account.toLowerCase() && delegate !== ZERO;
		if (other) {
			// reclaimVotes succeeds exactly when the edge to the delegate was a follow and is no longer live
			canReclaim = await client
				.simulateContract({ ...u, functionName: 'reclaimVotes', args: [account], account })
				.then(() => true)
				.catch(() => false);
		}
		return { accountIsMember, targetIsMember, isBacking, isFollowing, delegate, canReclaim };
	});
}

// Union.reclaimVotes: return a follower's votes to them when the back they followed died (the leader or the
// follower left and rejoined); anyone may call it.
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function reclaimVotes(signer: Signer, union: Address, follower: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'reclaimVotes', args: [follower] }, observer);
}

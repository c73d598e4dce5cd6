// Union.back: back a fellow member as a leader (an edge in the support graph).
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import type { Signer, TxObserver, TxResult } from '../chain/write';
import { writeForUnion } from '../sponsor/write';

export function back(signer: Signer, union: Address, leader: Address, observer?: TxObserver): Promise<TxResult> {
	return writeForUnion(signer, union, { address: union, abi: unionAbi, functionName: 'back', args: [leader] }, observer);
}

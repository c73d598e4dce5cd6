// Union.back: back a fellow member as a leader (an edge in the support graph).
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function back(signer: Signer, union: Address, leader: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'back', args: [leader] }, observer);
}

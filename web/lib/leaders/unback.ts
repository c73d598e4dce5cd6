// Union.unback: withdraw a back given earlier.
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function unback(signer: Signer, union: Address, leader: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'unback', args: [leader] }, observer);
}

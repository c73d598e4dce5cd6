// Union.unback: withdraw a back given earlier.
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import type { Signer, TxObserver, TxResult } from '../chain/write';
import { writeForUnion } from '../sponsor/write';

export function unback(signer: Signer, union: Address, leader: Address, observer?: TxObserver): Promise<TxResult> {
	return writeForUnion(signer, union, { address: union, abi: unionAbi, functionName: 'unback', args: [leader] }, observer);
}

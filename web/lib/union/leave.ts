// Union.leave: give up membership (tokens stay with the member).
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function leave(signer: Signer, union: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'leave' }, observer);
}

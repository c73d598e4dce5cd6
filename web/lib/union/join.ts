// Union.join: enter an Open union.
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function join(signer: Signer, union: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'join' }, observer);
}

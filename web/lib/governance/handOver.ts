// Union.handOverToGovernance: the steward (founder) moves every steward power to the union's timelock, for good.
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi/generated';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function handOverToGovernance(signer: Signer, union: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'handOverToGovernance', args: [] }, observer);
}

// Union.backAndFollow: back a leader and hand them your votes in one transaction (withdrawing the back
// with unback returns them).
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function backAndFollow(signer: Signer, union: Address, leader: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'backAndFollow', args: [leader] }, observer);
}

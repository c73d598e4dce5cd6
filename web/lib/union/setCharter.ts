// Union.setCharter: the steward points the union at a new charter CID.
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function setCharter(signer: Signer, union: Address, charterCid: string, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'setCharter', args: [charterCid] }, observer);
}

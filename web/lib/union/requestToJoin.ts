// Union.requestToJoin / cancelRequest: ask the steward of an Approval union to let you in.
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function requestToJoin(signer: Signer, union: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'requestToJoin' }, observer);
}

export function cancelRequest(signer: Signer, union: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'cancelRequest' }, observer);
}

// Union.approve / Union.reject: the steward answers a pending join request.
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function approve(signer: Signer, union: Address, applicant: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'approve', args: [applicant] }, observer);
}

export function reject(signer: Signer, union: Address, applicant: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: union, abi: unionAbi, functionName: 'reject', args: [applicant] }, observer);
}

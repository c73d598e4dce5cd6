// UnionArbiters: the steward (founder now, the timelock after handover) appoints and removes arbiters.
import type { Address } from 'viem';
import { unionArbitersAbi } from '../chain/abi/generated';
import { requireArbiters } from './addresses';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function appointArbiter(signer: Signer, union: Address, arbiter: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: requireArbiters(), abi: unionArbitersAbi, functionName: 'appoint', args: [union, arbiter] }, observer);
}

export function removeArbiter(signer: Signer, union: Address, arbiter: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: requireArbiters(), abi: unionArbitersAbi, functionName: 'remove', args: [union, arbiter] }, observer);
}

// UnionArbiters: the steward (founder now, the timelock after handover) appoints and removes arbiters.
import type { Address } from 'viem';
import { unionArbitersAbi } from '../abi/generated';
import { requireArbiters } from '../market';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../write';

export function appointArbiter(signer: Signer, union: Address, arbiter: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: requireArbiters(), abi: unionArbitersAbi, functionName: 'appoint', args: [union, arbiter] }, observer);
}

export function removeArbiter(signer: Signer, union: Address, arbiter: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: requireArbiters(), abi: unionArbitersAbi, functionName: 'remove', args: [union, arbiter] }, observer);
}

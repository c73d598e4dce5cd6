// UnionArbiters: the steward (founder now, the timelock after handover) appoints and removes arbiters.
import type { Address } from 'viem';
import { unionArbitersAbi } from '../chain/abi/generated';
import { contractAddress } from '$lib/chain/contracts';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function appointArbiter(signer: Signer, union: Address, arbiter: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: contractAddress('arbiters'), abi: unionArbitersAbi, functionName: 'appoint', args: [union, arbiter] }, observer);
}

export function removeArbiter(signer: Signer, union: Address, arbiter: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: contractAddress('arbiters'), abi: unionArbitersAbi, functionName: 'remove', args: [union, arbiter] }, observer);
}

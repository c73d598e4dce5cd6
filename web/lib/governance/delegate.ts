// UnionToken.delegate: give your votes to yourself or to another member (they count from the next second on).
import type { Address } from 'viem';
import { unionTokenAbi } from '../chain/abi/generated';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function delegate(signer: Signer, token: Address, to: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: token, abi: unionTokenAbi, functionName: 'delegate', args: [to] }, observer);
}

// Union.joinWithInvite: redeem a member's signed invite voucher.
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';
import type { SignedInvite } from './invite';

export function joinWithInvite(signer: Signer, union: Address, voucher: SignedInvite, observer?: TxObserver): Promise<TxResult> {
	return writeContract(
		signer,
		{ address: union, abi: unionAbi, functionName: 'joinWithInvite', args: [voucher.invite, voucher.signature] },
		observer
	);
}

// Union.joinWithInvite: redeem a member's signed invite voucher.
import type { Address } from 'viem';
import { unionAbi } from '../abi';
import { executeWrite, padGas, type Signer, type TxObserver, type TxResult } from '../write';
import type { SignedInvite } from '../invite';

export function joinWithInvite(signer: Signer, union: Address, voucher: SignedInvite, observer?: TxObserver): Promise<TxResult> {
	return executeWrite(
		signer,
		async ({ wallet, publicClient, account }) => {
			const { request } = await publicClient.simulateContract({
				address: union,
				abi: unionAbi,
				functionName: 'joinWithInvite',
				args: [voucher.invite, voucher.signature],
				account
			});
			const gas = padGas(await publicClient.estimateContractGas(request));
			return wallet.writeContract({ ...request, gas });
		},
		observer
	);
}

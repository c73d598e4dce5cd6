// Union.approve / Union.reject: the steward answers a pending join request.
import type { Address } from 'viem';
import { unionAbi } from '../abi';
import { executeWrite, padGas, type Signer, type TxObserver, type TxResult } from '../write';

export function approve(signer: Signer, union: Address, applicant: Address, observer?: TxObserver): Promise<TxResult> {
	return executeWrite(
		signer,
		async ({ wallet, publicClient, account }) => {
			const { request } = await publicClient.simulateContract({
				address: union,
				abi: unionAbi,
				functionName: 'approve',
				args: [applicant],
				account
			});
			const gas = padGas(await publicClient.estimateContractGas(request));
			return wallet.writeContract({ ...request, gas });
		},
		observer
	);
}

export function reject(signer: Signer, union: Address, applicant: Address, observer?: TxObserver): Promise<TxResult> {
	return executeWrite(
		signer,
		async ({ wallet, publicClient, account }) => {
			const { request } = await publicClient.simulateContract({
				address: union,
				abi: unionAbi,
				functionName: 'reject',
				args: [applicant],
				account
			});
			const gas = padGas(await publicClient.estimateContractGas(request));
			return wallet.writeContract({ ...request, gas });
		},
		observer
	);
}

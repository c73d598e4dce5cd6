// Union.requestToJoin / cancelRequest: ask the steward of an Approval union to let you in.
import type { Address } from 'viem';
import { unionAbi } from '../abi';
import { executeWrite, padGas, type Signer, type TxObserver, type TxResult } from '../write';

export function requestToJoin(signer: Signer, union: Address, observer?: TxObserver): Promise<TxResult> {
	return executeWrite(
		signer,
		async ({ wallet, publicClient, account }) => {
			const { request } = await publicClient.simulateContract({ address: union, abi: unionAbi, functionName: 'requestToJoin', account });
			const gas = padGas(await publicClient.estimateContractGas(request));
			return wallet.writeContract({ ...request, gas });
		},
		observer
	);
}

export function cancelRequest(signer: Signer, union: Address, observer?: TxObserver): Promise<TxResult> {
	return executeWrite(
		signer,
		async ({ wallet, publicClient, account }) => {
			const { request } = await publicClient.simulateContract({ address: union, abi: unionAbi, functionName: 'cancelRequest', account });
			const gas = padGas(await publicClient.estimateContractGas(request));
			return wallet.writeContract({ ...request, gas });
		},
		observer
	);
}

// Union.leave: give up membership (tokens stay with the member).
import type { Address } from 'viem';
import { unionAbi } from '../abi';
import { executeWrite, padGas, type Signer, type TxObserver, type TxResult } from '../write';

export function leave(signer: Signer, union: Address, observer?: TxObserver): Promise<TxResult> {
	return executeWrite(
		signer,
		async ({ wallet, publicClient, account }) => {
			const { request } = await publicClient.simulateContract({ address: union, abi: unionAbi, functionName: 'leave', account });
			const gas = padGas(await publicClient.estimateContractGas(request));
			return wallet.writeContract({ ...request, gas });
		},
		observer
	);
}

// Union.setCharter: the steward points the union at a new charter CID.
import type { Address } from 'viem';
import { unionAbi } from '../abi';
import { executeWrite, padGas, type Signer, type TxObserver, type TxResult } from '../write';

export function setCharter(signer: Signer, union: Address, charterCid: string, observer?: TxObserver): Promise<TxResult> {
	return executeWrite(
		signer,
		async ({ wallet, publicClient, account }) => {
			const { request } = await publicClient.simulateContract({
				address: union,
				abi: unionAbi,
				functionName: 'setCharter',
				args: [charterCid],
				account
			});
			const gas = padGas(await publicClient.estimateContractGas(request));
			return wallet.writeContract({ ...request, gas });
		},
		observer
	);
}

// Whether the connected account may back `target` and whether it already does, read from the
// contract itself (the synced graph may lag a block behind a just-confirmed back).
import type { Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { read } from '$lib/chain/read';

export interface BackingStatus {
	accountIsMember: boolean;
	targetIsMember: boolean;
	isBacking: boolean;
}

export async function backingStatus(union: Address, account: Address, target: Address): Promise<BackingStatus> {
	return read(async ({ client }) => {
		const [accountIsMember, targetIsMember, isBacking] = await Promise.all([
			client.readContract({ address: union, abi: unionAbi, functionName: 'isMember', args: [account] }),
			client.readContract({ address: union, abi: unionAbi, functionName: 'isMember', args: [target] }),
			client.readContract({ address: union, abi: unionAbi, functionName: 'isBacking', args: [account, target] })
		]);
		return { accountIsMember, targetIsMember, isBacking };
	});
}

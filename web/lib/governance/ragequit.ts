// UnionTimelock.ragequit: burn `amount` union tokens and leave with their share of the treasury's ETH and of
// each listed token, while `proposalId` waits in the timelock.
import type { Address } from 'viem';
import { unionTimelockAbi } from '../chain/abi/generated';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export function ragequit(
	signer: Signer,
	timelock: Address,
	p: { proposalId: bigint; amount: bigint; tokens: readonly Address[] },
	observer?: TxObserver
): Promise<TxResult> {
	return writeContract(
		signer,
		{ address: timelock, abi: unionTimelockAbi, functionName: 'ragequit', args: [p.proposalId, p.amount, [...p.tokens]] },
		observer
	);
}

// Governor.castVoteWithReason: 0 = against, 1 = for, 2 = abstain (GovernorCountingSimple).
import type { Address } from 'viem';
import { unionGovernorAbi } from '../chain/abi/generated';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

export enum Support {
	Against = 0,
	For = 1,
	Abstain = 2
}

export function castVote(signer: Signer, governor: Address, proposalId: bigint, support: Support, reason: string, observer?: TxObserver): Promise<TxResult> {
	return writeContract(
		signer,
		{ address: governor, abi: unionGovernorAbi, functionName: 'castVoteWithReason', args: [proposalId, support, reason.trim()] },
		observer
	);
}

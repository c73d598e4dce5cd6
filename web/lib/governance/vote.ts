// Governor.castVoteWithReason: 0 = against, 1 = for, 2 = abstain (OpenZeppelin's simple counting, kept by
// contracts/src/governance/GovernorCountingBallots.sol).
import type { Address } from 'viem';
import { unionGovernorAbi } from '../chain/abi/generated';
import { read } from '../chain/read';
import type { Signer, TxObserver, TxResult } from '../chain/write';
import { writeForUnion } from '../sponsor/write';

export enum Support {
	Against = 0,
	For = 1,
	Abstain = 2
}

/** A vote; sponsored by the governor's union when the voter holds no ETH (sponsor/write.ts). */
export async function castVote(
	signer: Signer,
	governor: Address,
	proposalId: bigint,
	support: Support,
	reason: string,
	observer?: TxObserver
): Promise<TxResult> {
	const union = await read(({ client }) => client.readContract({ address: governor, abi: unionGovernorAbi, functionName: 'union' }));
	return writeForUnion(
		signer,
		union,
		{ address: governor, abi: unionGovernorAbi, functionName: 'castVoteWithReason', args: [proposalId, support, reason.trim()] },
		observer
	);
}

// UnionFactory.createUnion: one transaction that clones and wires a union's contracts.
import { parseEventLogs, type Address } from 'viem';
import { unionFactoryAbi } from '../chain/abi';
import { getConfig } from '$lib/config';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';
import { AdmissionRule } from './types';

export interface CreateUnionParams {
	name: string;
	charterCid: string;
	admissionRule: AdmissionRule;
	tokenName: string;
	tokenSymbol: string;
	/** Whole-token amounts in wei (18 decimals). */
	joinGrant: bigint;
	treasuryReserve: bigint;
	allocations: Array<{ beneficiary: Address; amount: bigint }>;
	/** Unix seconds. */
	vesting: { start: bigint; cliff: bigint; duration: bigint };
	governance: {
		/** Seconds (uint48 / uint32 on chain, so plain numbers). */
		votingDelay: number;
		votingPeriod: number;
		proposalThreshold: bigint;
		quorumPercent: bigint;
		timelockDelay: bigint;
	};
}

export interface CreateUnionResult extends TxResult {
	union: Address;
}

/** Creates a union and returns its address (read from the UnionCreated event of the receipt). */
export async function createUnion(signer: Signer, p: CreateUnionParams, observer?: TxObserver): Promise<CreateUnionResult> {
	const factory = getConfig().contracts.unionFactory;
	const result = await writeContract(
		signer,
		{
			address: factory,
			abi: unionFactoryAbi,
			functionName: 'createUnion',
			args: [
				{
					name: p.name,
					charterCid: p.charterCid,
					admissionRule: p.admissionRule,
					tokenName: p.tokenName,
					tokenSymbol: p.tokenSymbol,
					joinGrant: p.joinGrant,
					treasuryReserve: p.treasuryReserve,
					allocations: p.allocations,
					vesting: p.vesting,
					governance: p.governance
				}
			]
		},
		observer
	);
	const [created] = parseEventLogs({ abi: unionFactoryAbi, eventName: 'UnionCreated', logs: result.receipt.logs });
	if (!created) throw new Error('The union was created but its UnionCreated event is missing from the receipt');
	return { ...result, union: created.args.union };
}

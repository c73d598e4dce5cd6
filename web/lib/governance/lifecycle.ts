// Governor.queue / execute: both take the proposal's calls and the hash of its description, as logged.
import { keccak256, toBytes, type Address } from 'viem';
import { unionGovernorAbi } from '../chain/abi/generated';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';
import type { Proposal } from './proposals';

type Stage = 'queue' | 'execute';

function run(stage: Stage, signer: Signer, governor: Address, p: Proposal, observer?: TxObserver): Promise<TxResult> {
	const descriptionHash = keccak256(toBytes(p.description));
	return writeContract(
		signer,
		{
			address: governor,
			abi: unionGovernorAbi,
			functionName: stage,
			args: [[...p.targets], [...p.values], [...p.calldatas], descriptionHash]
		},
		observer
	);
}

export function queue(signer: Signer, governor: Address, p: Proposal, observer?: TxObserver): Promise<TxResult> {
	return run('queue', signer, governor, p, observer);
}

export function execute(signer: Signer, governor: Address, p: Proposal, observer?: TxObserver): Promise<TxResult> {
	return run('execute', signer, governor, p, observer);
}

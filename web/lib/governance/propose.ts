// Governor.propose: the description's markdown goes to IPFS first, then the proposal with the calls.
import type { Address } from 'viem';
import { uploadText } from '$lib/ipfs/upload';
import { unionGovernorAbi } from '../chain/abi/generated';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';
import { columns, type Call } from './calls';
import { formatDescription, proposalBody } from './description';

export interface ProposeInput {
	governor: Address;
	title: string;
	/** Markdown body, stored on IPFS. */
	body: string;
	calls: readonly Call[];
}

export interface ProposeResult extends TxResult {
	description: string;
	descriptionCid: string;
}

export async function propose(
	signer: Signer,
	input: ProposeInput,
	observer: TxObserver & { uploading?(fraction: number): void } = {}
): Promise<ProposeResult> {
	if (!input.title.trim()) throw new Error('Give the proposal a title');
	if (input.calls.length === 0) throw new Error('Add at least one action');
	observer.uploading?.(0);
	const uploaded = await uploadText(proposalBody(input.title, input.body), 'proposal.md', observer.uploading);
	const description = formatDescription(input.title, uploaded.cid);
	const { targets, values, calldatas } = columns(input.calls);
	const result = await writeContract(
		signer,
		{ address: input.governor, abi: unionGovernorAbi, functionName: 'propose', args: [targets, values, calldatas, description] },
		observer
	);
	return { ...result, description, descriptionCid: uploaded.cid };
}

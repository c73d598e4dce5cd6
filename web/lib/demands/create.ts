// Demands.create: the demand text goes to IPFS, then one transaction records it for the union.
import type { Address } from 'viem';
import { uploadText } from '$lib/ipfs/upload';
import { demandsAbi } from '$lib/chain/abi/generated';
import { writeContract, type Signer, type TxObserver, type TxResult } from '$lib/chain/write';
import { demandsAddress } from './read';
import { chainNow } from '$lib/chain/time';
import { demandBody, demandIdFrom } from './demand';

export interface DemandDraft {
	title: string;
	/** Markdown: what the union asks, and what members will do if it is not met. */
	text: string;
	target: string;
	threshold: number;
	/** Days from now until the deadline. */
	days: number;
}

export function draftProblems(d: DemandDraft): string[] {
	const p: string[] = [];
	if (!d.title.trim()) p.push('Give the demand a title');
	if (!d.target.trim()) p.push('Say who the demand is addressed to');
	if (!d.text.trim()) p.push('Write what the union asks and what members commit to');
	if (!Number.isInteger(d.threshold) || d.threshold < 1) p.push('The threshold must be a whole number of members, at least 1');
	if (!Number.isFinite(d.days) || d.days <= 0 || d.days > 365) p.push('The deadline must be between 1 and 365 days away');
	return p;
}

export interface CreateDemandResult extends TxResult {
	demandId: bigint;
	textCid: string;
}

export async function createDemand(
	signer: Signer,
	union: Address,
	draft: DemandDraft,
	observer: TxObserver & { uploading?(fraction: number): void } = {}
): Promise<CreateDemandResult> {
	const problems = draftProblems(draft);
	if (problems.length) throw new Error(problems.join('; '));
	const { cid } = await uploadText(demandBody(draft.title, draft.target, draft.text), 'demand.md', observer.uploading);
	const deadline = Number(await chainNow()) + Math.round(draft.days * 86_400);
	const result = await writeContract(
		signer,
		{ address: demandsAddress(), abi: demandsAbi, functionName: 'create', args: [union, cid, draft.target.trim(), draft.threshold, deadline] },
		observer
	);
	const demandId = demandIdFrom(result.receipt);
	if (demandId === null) throw new Error('The demand was created but its id was not found in the receipt');
	return { ...result, demandId, textCid: cid };
}

// Crowdfund writes. Pledging takes one ERC-2612 permit signature (no gas) and one transaction
// (pledgeWithPermit), or a plain pledge when the allowance already covers the amount; the UI shows
// both steps. Everything else is a single call.
import { parseEventLogs, type Address, type TransactionReceipt } from 'viem';

import { crowdfundAbi, unionTokenAbi } from '$lib/chain/abi/generated';
import { batchCall, planBatch, writeCalls } from '$lib/chain/calls';
import { contractAddress } from '$lib/chain/contracts';
import { approvalCall, fundWithPermit, signPermit as signTokenPermit, type FundedVia, type FundingObserver, type PermitSignature } from '$lib/chain/permit';
import { writeContract, type Signer, type TxObserver, type TxResult } from '$lib/chain/write';
import { writeForUnion } from '$lib/sponsor/write';

function crowdfund(): Address {
	return contractAddress('crowdfund');
}

export interface NewCampaign {
	union: Address;
	descriptionCid: string;
	recipient: Address;
	goal: bigint;
	deadline: bigint;
	roundId: bigint;
}

export function createCampaign(signer: Signer, p: NewCampaign, observer?: TxObserver): Promise<TxResult> {
	return writeContract(
		signer,
		{
			address: crowdfund(),
			abi: crowdfundAbi,
			functionName: 'createCampaign',
			args: [{ union: p.union, descriptionCid: p.descriptionCid, recipient: p.recipient, goal: p.goal, deadline: Number(p.deadline), roundId: p.roundId }]
		},
		observer
	);
}

/** Asks the wallet for an EIP-2612 permit letting Crowdfund take `amount` of `token` (a signature, no gas). */
export function signPermit(signer: Signer, token: Address, amount: bigint): Promise<PermitSignature> {
	return signTokenPermit(signer, token, crowdfund(), amount);
}

/** A pledge with a permit; sponsored by `union` when the pledger holds no ETH (sponsor/write.ts). */
export function pledgeWithPermit(
	signer: Signer,
	id: bigint,
	amount: bigint,
	permit: PermitSignature,
	observer?: TxObserver,
	union?: Address
): Promise<TxResult> {
	const call = { address: crowdfund(), abi: crowdfundAbi, functionName: 'pledgeWithPermit', args: [id, amount, permit.deadline, permit.v, permit.r, permit.s] } as const;
	return union ? writeForUnion(signer, union, call, observer) : writeContract(signer, call, observer);
}

export function pledge(signer: Signer, id: bigint, amount: bigint, observer?: TxObserver, union?: Address): Promise<TxResult> {
	const call = { address: crowdfund(), abi: crowdfundAbi, functionName: 'pledge', args: [id, amount] } as const;
	return union ? writeForUnion(signer, union, call, observer) : writeContract(signer, call, observer);
}

/**
 * A pledge the way the page makes it: under an allowance that already covers it, else — with a wallet that
 * takes EIP-5792 batches — approve and pledge in one wallet request, else with one permit signature (the same
 * flow as opening a deal, chain/permit.ts fundWithPermit).
 */
export async function pledgeFunded(
	signer: Signer,
	campaign: { id: bigint; token: Address; union: Address },
	amount: bigint,
	observer?: FundingObserver
): Promise<TxResult & { via: FundedVia }> {
	const { result, via } = await fundWithPermit(
		signer,
		{
			token: campaign.token,
			spender: crowdfund(),
			amount,
			send: (o) => pledge(signer, campaign.id, amount, o, campaign.union),
			sendWithPermit: (permit, o) => pledgeWithPermit(signer, campaign.id, amount, permit, o, campaign.union),
			batch: batchCall('the pledge', { address: crowdfund(), abi: crowdfundAbi, functionName: 'pledge', args: [campaign.id, amount] })
		},
		observer
	);
	return { ...result, via };
}

/** Take back part or all of a pledge before the deadline. */
export function unpledge(signer: Signer, id: bigint, amount: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: crowdfund(), abi: crowdfundAbi, functionName: 'unpledge', args: [id, amount] }, observer);
}

export function claim(signer: Signer, id: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: crowdfund(), abi: crowdfundAbi, functionName: 'claim', args: [id] }, observer);
}

export function refund(signer: Signer, id: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: crowdfund(), abi: crowdfundAbi, functionName: 'refund', args: [id] }, observer);
}

export function openRound(signer: Signer, union: Address, start: bigint, end: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: crowdfund(), abi: crowdfundAbi, functionName: 'openRound', args: [union, Number(start), Number(end)] }, observer);
}

/** Approve Crowdfund for `amount` (funding a round is an approve + fundRound pair). */
export function approveCrowdfund(signer: Signer, token: Address, amount: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: token, abi: unionTokenAbi, functionName: 'approve', args: [crowdfund(), amount] }, observer);
}

export function fundRound(signer: Signer, roundId: bigint, amount: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: crowdfund(), abi: crowdfundAbi, functionName: 'fundRound', args: [roundId, amount] }, observer);
}

/**
 * Adds `amount` to a round's pool the way the page does it: an approval first when `approve` (the allowance is
 * short), then fundRound — both in one wallet request where the wallet takes EIP-5792 batches (chain/calls.ts).
 */
export async function fundRoundApproved(
	signer: Signer,
	round: { id: bigint; token: Address },
	amount: bigint,
	approve: boolean,
	observer?: TxObserver,
	step?: (s: 'approve' | 'fund' | 'batch') => void
): Promise<TxResult> {
	if (approve) {
		const plan = await planBatch(signer);
		if (plan) {
			step?.('batch');
			const fund = batchCall('adding to the pool', { address: crowdfund(), abi: crowdfundAbi, functionName: 'fundRound', args: [round.id, amount] });
			const result = await writeCalls(signer, [approvalCall(round.token, crowdfund(), amount), fund], plan, observer);
			if (result) return result;
		}
		step?.('approve');
		await approveCrowdfund(signer, round.token, amount, observer);
	}
	step?.('fund');
	return fundRound(signer, round.id, amount, observer);
}

export function finalizeForRound(signer: Signer, id: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: crowdfund(), abi: crowdfundAbi, functionName: 'finalizeCampaignForRound', args: [id] }, observer);
}

export function claimMatch(signer: Signer, id: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: crowdfund(), abi: crowdfundAbi, functionName: 'claimMatch', args: [id] }, observer);
}

export function sweepRound(signer: Signer, roundId: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: crowdfund(), abi: crowdfundAbi, functionName: 'sweepRoundRemainder', args: [roundId] }, observer);
}

/** The id of the campaign a confirmed `createCampaign` created (null if its receipt has no CampaignCreated). */
export function campaignIdFrom(receipt: TransactionReceipt): bigint | null {
	const [created] = parseEventLogs({ abi: crowdfundAbi, logs: receipt.logs, eventName: 'CampaignCreated' });
	return created?.args.campaignId ?? null;
}

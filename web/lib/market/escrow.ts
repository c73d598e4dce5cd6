// The one-call escrow actions, each a single writeContract so the UI shows progress and decoded
// errors. Who may call which is enforced by the contract; the deal page offers only what applies.
import type { Address } from 'viem';
import { escrowAbi } from '../chain/abi/generated';
import { contractAddress } from '$lib/chain/contracts';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';

type DealFn = 'accept' | 'decline' | 'reclaimUnaccepted' | 'proposeCancel' | 'withdrawCancelProposal' | 'confirmCancel';
type MilestoneFn = 'markDelivered' | 'release' | 'claim' | 'refundOverdue' | 'openDispute';

export function dealAction(signer: Signer, fn: DealFn, dealId: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: contractAddress('escrow'), abi: escrowAbi, functionName: fn, args: [dealId] }, observer);
}

export function milestoneAction(signer: Signer, fn: MilestoneFn, dealId: bigint, index: number, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: contractAddress('escrow'), abi: escrowAbi, functionName: fn, args: [dealId, BigInt(index)] }, observer);
}

/** A panelist's vote: the provider's share in percent (0..100). */
export function vote(signer: Signer, disputeId: bigint, providerPct: number, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: contractAddress('escrow'), abi: escrowAbi, functionName: 'vote', args: [disputeId, providerPct] }, observer);
}

/** Anyone may end a dispute whose panel let the deadline pass (50/50 split). */
export function settleTimedOut(signer: Signer, disputeId: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: contractAddress('escrow'), abi: escrowAbi, functionName: 'settleTimedOutDispute', args: [disputeId] }, observer);
}

/** Pull everything the escrow credited to the caller in `token`. */
export function withdraw(signer: Signer, token: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: contractAddress('escrow'), abi: escrowAbi, functionName: 'withdraw', args: [token] }, observer);
}

// Escrow.openDeal: the client funds every milestone in one transaction. Preferred path: an ERC-2612
// permit signature (no approval transaction) and `openDealWithPermit`. Fallback when the wallet
// cannot sign typed data: `approve` (only if the allowance is short) then `openDeal` — two clearly
// labelled steps. Returns the new deal id from the DealOpened event.
import { parseEventLogs, type Address, type Hex } from 'viem';
import { escrowAbi, unionAbi, unionTokenAbi } from '../chain/abi/generated';
import { getPublicClient, getWalletClient } from '../chain/client';
import { ChainActionError, toChainActionError } from '../chain/errors';
import { requireEscrow } from './addresses';
import { errorContext, writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';
import { signPermit, type PermitSignature } from '../chain/permit';

export interface MilestoneDraft {
	amount: bigint;
	/** Unix seconds. */
	due: bigint;
	/** IPFS CID (or short id) of the milestone's description. */
	descriptionCid: string;
}

export interface OpenDealInput {
	union: Address;
	provider: Address;
	/** The listing's Ceramic stream id (or empty). */
	listing: string;
	acceptBy: bigint;
	reviewPeriod: bigint;
	milestones: MilestoneDraft[];
}

export interface OpenDealObserver extends TxObserver {
	/** Which step runs now: a permit signature, an approval, or the deal itself. */
	step?(step: 'permit' | 'approve' | 'open'): void;
}

export interface OpenedDeal extends TxResult {
	dealId: bigint;
	/** How the tokens were authorised. */
	via: 'permit' | 'approve' | 'allowance';
}

function params(input: OpenDealInput) {
	return {
		union: input.union,
		provider: input.provider,
		listing: input.listing,
		acceptBy: Number(input.acceptBy),
		reviewPeriod: Number(input.reviewPeriod),
		milestones: input.milestones.map((m) => ({ amount: m.amount, due: Number(m.due), descriptionCid: m.descriptionCid }))
	} as const;
}

function dealIdOf(result: TxResult): bigint {
	const [log] = parseEventLogs({ abi: escrowAbi, logs: result.receipt.logs, eventName: 'DealOpened' });
	if (!log) throw new ChainActionError('The deal was opened but its id was not found in the receipt');
	return log.args.dealId;
}

/** A permit for the escrow, or null when the wallet cannot sign typed data (the caller then approves). */
async function permitOrNull(signer: Signer, token: Address, escrow: Address, value: bigint): Promise<PermitSignature | null> {
	try {
		return await signPermit(signer, token, escrow, value);
	} catch (e) {
		// A refusal is the member's answer: do not silently fall back to an approval they did not ask for.
		if (e instanceof ChainActionError && /rejected/i.test(e.message)) throw e;
		return null;
	}
}

export async function openDeal(signer: Signer, input: OpenDealInput, observer: OpenDealObserver = {}): Promise<OpenedDeal> {
	const escrow = requireEscrow();
	const total = input.milestones.reduce((sum, m) => sum + m.amount, 0n);
	let token: Address;
	let allowance: bigint;
	try {
		const client = await getPublicClient();
		token = await client.readContract({ address: input.union, abi: unionAbi, functionName: 'token' });
		const [balance, allowed] = await Promise.all([
			client.readContract({ address: token, abi: unionTokenAbi, functionName: 'balanceOf', args: [signer.account] }),
			client.readContract({ address: token, abi: unionTokenAbi, functionName: 'allowance', args: [signer.account, escrow] })
		]);
		if (balance < total) throw new ChainActionError('You do not have enough union tokens to fund this deal');
		allowance = allowed;
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
	const p = params(input);

	if (allowance >= total) {
		observer.step?.('open');
		const result = await writeContract(signer, { address: escrow, abi: escrowAbi, functionName: 'openDeal', args: [p] }, observer);
		return { ...result, dealId: dealIdOf(result), via: 'allowance' };
	}

	observer.step?.('permit');
	observer.signing?.();
	const permit = await permitOrNull(signer, token, escrow, total);
	if (permit) {
		observer.step?.('open');
		const result = await writeContract(
			signer,
			{ address: escrow, abi: escrowAbi, functionName: 'openDealWithPermit', args: [p, permit.deadline, permit.v, permit.r, permit.s] },
			observer
		);
		return { ...result, dealId: dealIdOf(result), via: 'permit' };
	}

	observer.step?.('approve');
	await writeContract(signer, { address: token, abi: unionTokenAbi, functionName: 'approve', args: [escrow, total] }, observer);
	observer.step?.('open');
	const result = await writeContract(signer, { address: escrow, abi: escrowAbi, functionName: 'openDeal', args: [p] }, observer);
	return { ...result, dealId: dealIdOf(result), via: 'approve' };
}

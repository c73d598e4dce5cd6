// Escrow.openDeal: the client funds every milestone in one transaction. Preferred path: an ERC-2612
// permit signature (no approval transaction) and `openDealWithPermit`. Fallback when the wallet
// cannot sign typed data: `approve` (only if the allowance is short) then `openDeal` — two clearly
// labelled steps. Returns the new deal id from the DealOpened event.
import { parseEventLogs, type Address, type Hex } from 'viem';
import { escrowAbi, unionAbi, unionTokenAbi } from '../chain/abi/generated';
import { ChainActionError } from '../chain/errors';
import { contractAddress } from '$lib/chain/contracts';
import { read } from '$lib/chain/read';
import { writeContract, type Signer, type TxObserver, type TxResult } from '../chain/write';
import { fundWithPermit, type FundedVia } from '../chain/permit';
import { batchCall } from '../chain/calls';

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
	/** Which step runs now: a permit signature, an approval, the deal itself, or approval and deal in one wallet request. */
	step?(step: 'permit' | 'approve' | 'open' | 'batch'): void;
}

export interface OpenedDeal extends TxResult {
	dealId: bigint;
	/** How the tokens were authorised. */
	via: FundedVia;
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
export async function openDeal(signer: Signer, input: OpenDealInput, observer: OpenDealObserver = {}): Promise<OpenedDeal> {
	const escrow = contractAddress('escrow');
	const total = input.milestones.reduce((sum, m) => sum + m.amount, 0n);
	const token = await read(async ({ client }) => {
		const token = await client.readContract({ address: input.union, abi: unionAbi, functionName: 'token' });
		const balance = await client.readContract({ address: token, abi: unionTokenAbi, functionName: 'balanceOf', args: [signer.account] });
		if (balance < total) throw new ChainActionError('You do not have enough union tokens to fund this deal');
		return token;
	});
	const p = params(input);
	const { result, via } = await fundWithPermit(
		signer,
		{
			token,
			spender: escrow,
			amount: total,
			send: (o) => writeContract(signer, { address: escrow, abi: escrowAbi, functionName: 'openDeal', args: [p] }, o),
			sendWithPermit: (permit, o) =>
				writeContract(signer, { address: escrow, abi: escrowAbi, functionName: 'openDealWithPermit', args: [p, permit.deadline, permit.v, permit.r, permit.s] }, o),
			batch: batchCall('opening the deal', { address: escrow, abi: escrowAbi, functionName: 'openDeal', args: [p] })
		},
		{ ...observer, step: (s) => observer.step?.(s === 'send' ? 'open' : s) }
	);
	return { ...result, dealId: dealIdOf(result), via };
}

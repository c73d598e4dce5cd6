// Committing to a demand: the member signs the EIP-712 Commitment in their wallet (readable there: union,
// demand, member, text CID, nonce), then the signature is submitted with Demands.commit. Anyone may submit a
// signature, so a relayer could pay the gas; here the member submits their own.
import { type Address, type Hex } from 'viem';
import { getConfig } from '$lib/config';
import { demandsAbi } from '$lib/chain/abi/generated';
import { getWalletClient } from '$lib/chain/client';
import { toChainActionError } from '$lib/chain/errors';
import { errorContext, writeContract, type Signer, type TxObserver, type TxResult } from '$lib/chain/write';
import { demandsAddress, nonceOf, type Demand } from './read';
import { commitmentDomain, commitmentTypedData } from './typedData';

/** Asks the wallet for the member's signature over their commitment (with their current nonce). */
export async function signCommitment(signer: Signer, demand: Demand): Promise<Hex> {
	try {
		const nonce = await nonceOf(demand.id, signer.account);
		const wallet = await getWalletClient(signer.provider, signer.account);
		const domain = commitmentDomain(getConfig().chain.id, demandsAddress());
		return await wallet.signTypedData({
			account: signer.account,
			...commitmentTypedData(domain, { union: demand.union, demandId: demand.id, member: signer.account, textCid: demand.textCid, nonce })
		});
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

/** Submits a member's signature (the caller may be the member or anyone relaying it). */
export function submitCommitment(signer: Signer, demandId: bigint, member: Address, signature: Hex, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: demandsAddress(), abi: demandsAbi, functionName: 'commit', args: [demandId, member, signature] }, observer);
}

/** Sign, then submit. */
export async function commitToDemand(signer: Signer, demand: Demand, observer: TxObserver = {}): Promise<TxResult> {
	observer.signing?.();
	const signature = await signCommitment(signer, demand);
	return submitCommitment(signer, demand.id, signer.account, signature, observer);
}

/** Take your commitment back (only before the threshold is reached). */
export function withdrawCommitment(signer: Signer, demandId: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: demandsAddress(), abi: demandsAbi, functionName: 'withdraw', args: [demandId] }, observer);
}

// Committing to a demand: the member signs the EIP-712 Commitment in their wallet (readable there: union,
// demand, member, text CID, nonce), then the signature is submitted with Demands.commit. Anyone may submit a
// signature, so a relayer could pay the gas; here the member submits their own, or — holding no ETH — the
// union's paymaster pays for it (sponsor/write.ts, issue 15). Only trusted members may
// commit, and reaching the threshold does not activate by itself: `activateDemand` lists `threshold` live
// committers who are trusted members now (people who left are skipped) and sends Demands.activate.
import { type Address, type Hex } from 'viem';
import { getConfig } from '$lib/config';
import { demandsAbi, unionAbi } from '$lib/chain/abi/generated';
import { getWalletClient } from '$lib/chain/client';
import { toChainActionError } from '$lib/chain/errors';
import { read } from '$lib/chain/read';
import { errorContext, writeContract, type Signer, type TxObserver, type TxResult } from '$lib/chain/write';
import { writeForUnion } from '$lib/sponsor/write';
import { demandsAddress, liveCommitments, nonceOf, type Demand } from './read';
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

/** Sign, then submit; sponsored by the demand's union when the member holds no ETH. */
export async function commitToDemand(signer: Signer, demand: Demand, observer: TxObserver = {}): Promise<TxResult> {
	observer.signing?.();
	const signature = await signCommitment(signer, demand);
	const call = { address: demandsAddress(), abi: demandsAbi, functionName: 'commit', args: [demand.id, signer.account, signature] } as const;
	return writeForUnion(signer, demand.union, call, observer);
}

/**
 * The committers `Demands.activate` will count: the first `threshold` live committers, in ascending address
 * order, who are trusted members of the union now; null while there are fewer.
 */
export async function countableCommitters(demand: Demand): Promise<Address[] | null> {
	const live = await liveCommitments(demand.id);
	const trusted = await read(({ client }) =>
		Promise.all(live.map((c) => client.readContract({ address: demand.union, abi: unionAbi, functionName: 'isTrusted', args: [c.member] })))
	);
	const countable = live
		.filter((_, i) => trusted[i])
		.map((c) => c.member)
		.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
	return countable.length < demand.threshold ? null : countable.slice(0, demand.threshold);
}

/**
 * Make the demand Active (anyone) once `threshold` trusted members still in the union have committed;
 * sponsored by the union when the caller holds no ETH.
 */
export async function activateDemand(signer: Signer, demand: Demand, observer?: TxObserver): Promise<TxResult> {
	const committers = await countableCommitters(demand);
	if (!committers) throw new Error(`Fewer than ${demand.threshold} committed members are trusted members now, so the demand cannot become active yet`);
	const call = { address: demandsAddress(), abi: demandsAbi, functionName: 'activate', args: [demand.id, committers] } as const;
	return writeForUnion(signer, demand.union, call, observer);
}

/** Take your commitment back (only before the demand is active). */
export function withdrawCommitment(signer: Signer, demandId: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: demandsAddress(), abi: demandsAbi, functionName: 'withdraw', args: [demandId] }, observer);
}

// Demands of one union and their live commitments, replayed from the shared Demands contract's logs.
import type { Address, Hex } from 'viem';
import { getConfig } from '$lib/config';
import { demandsAbi } from '$lib/chain/abi/generated';
import { getPublicClient } from '$lib/chain/client';
import { toChainActionError } from '$lib/chain/errors';
import { errorContext } from '$lib/chain/write';
import { chunkedEvents } from '../sync/chunkedEvents';

export enum DemandState {
	Open = 0,
	Active = 1,
	Expired = 2
}

export const DEMAND_STATE_LABELS: Readonly<Record<DemandState, string>> = {
	[DemandState.Open]: 'Collecting commitments',
	[DemandState.Active]: 'Active',
	[DemandState.Expired]: 'Expired'
};

export interface Demand {
	id: bigint;
	union: Address;
	creator: Address;
	textCid: string;
	target: string;
	threshold: number;
	deadline: number;
	commitments: number;
	/** Block in which the threshold was reached; null while open. */
	activatedBlock: bigint | null;
	state: DemandState;
}

export interface LiveCommitment {
	member: Address;
	nonce: bigint;
	signature: Hex;
	block: bigint;
}

/** The configured Demands contract, or an error saying this network has none. */
export function demandsAddress(): Address {
	const address = getConfig().contracts.demands;
	if (!address) throw new Error('Collective demands are not deployed on this network');
	return address;
}

async function read(id: bigint): Promise<Demand> {
	const client = await getPublicClient();
	const c = { address: demandsAddress(), abi: demandsAbi } as const;
	const [d, state] = await Promise.all([
		client.readContract({ ...c, functionName: 'getDemand', args: [id] }),
		client.readContract({ ...c, functionName: 'stateOf', args: [id] })
	]);
	return {
		id,
		union: d.union,
		creator: d.creator,
		textCid: d.textCid,
		target: d.target,
		threshold: Number(d.threshold),
		deadline: Number(d.deadline),
		commitments: Number(d.commitments),
		activatedBlock: d.activatedBlock === 0n ? null : d.activatedBlock,
		state: Number(state) as DemandState
	};
}

/** Demands made by `union`, newest first. */
export async function listDemands(union: Address): Promise<Demand[]> {
	try {
		const client = await getPublicClient();
		const logs = await chunkedEvents(client, BigInt(getConfig().contracts.deployBlock), (range) =>
			client.getContractEvents({
				address: demandsAddress(),
				abi: demandsAbi,
				eventName: 'DemandCreated',
				args: { union },
				...range,
				strict: true
			})
		);
		const list = await Promise.all(logs.map((l) => read(l.args.demandId)));
		return list.reverse();
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

export async function getDemand(id: bigint): Promise<Demand> {
	try {
		const d = await read(id);
		if (d.union === '0x0000000000000000000000000000000000000000') throw new Error(`Demand ${id} does not exist`);
		return d;
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

/** The live commitments of a demand (committed and not withdrawn or pruned since), in chain order. */
export async function liveCommitments(id: bigint): Promise<LiveCommitment[]> {
	try {
		const client = await getPublicClient();
		const base = {
			address: demandsAddress(),
			abi: demandsAbi,
			args: { demandId: id },
			strict: true
		} as const;
		const fromBlock = BigInt(getConfig().contracts.deployBlock);
		// One commitment per member: these grow with the union, so they are read in ranges.
		const [committed, withdrawn] = await Promise.all([
			chunkedEvents(client, fromBlock, (range) => client.getContractEvents({ ...base, eventName: 'Committed', ...range })),
			chunkedEvents(client, fromBlock, (range) => client.getContractEvents({ ...base, eventName: 'CommitmentWithdrawn', ...range }))
		]);
		const events = [
			...committed.map((l) => ({ kind: 'commit' as const, block: l.blockNumber, index: l.logIndex, member: l.args.member, nonce: l.args.nonce, signature: l.args.signature })),
			...withdrawn.map((l) => ({ kind: 'withdraw' as const, block: l.blockNumber, index: l.logIndex, member: l.args.member }))
		].sort((a, b) => (a.block === b.block ? a.index - b.index : a.block < b.block ? -1 : 1));
		const live = new Map<string, LiveCommitment>();
		for (const e of events) {
			const key = e.member.toLowerCase();
			if (e.kind === 'withdraw') live.delete(key);
			else live.set(key, { member: e.member, nonce: e.nonce, signature: e.signature, block: e.block });
		}
		return [...live.values()];
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

/** The nonce `member`'s next signature must carry. */
export async function nonceOf(id: bigint, member: Address): Promise<bigint> {
	const client = await getPublicClient();
	return client.readContract({ address: demandsAddress(), abi: demandsAbi, functionName: 'nonceOf', args: [id, member] });
}

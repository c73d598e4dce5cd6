// Demands of one union and their live commitments, replayed from the shared Demands contract's logs.
import type { Address, Hex } from 'viem';
import type { PublicClient } from 'viem';
import { demandsAbi } from '$lib/chain/abi/generated';
import { contractAddress } from '$lib/chain/contracts';
import { read } from '$lib/chain/read';

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
	return contractAddress('demands');
}

async function readDemand(client: PublicClient, id: bigint): Promise<Demand> {
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
	return read(async ({ client, events }) => {
		const logs = await events((range) =>
			client.getContractEvents({
				address: demandsAddress(),
				abi: demandsAbi,
				eventName: 'DemandCreated',
				args: { union },
				...range,
				strict: true
			})
		);
		const list = await Promise.all(logs.map((l) => readDemand(client, l.args.demandId)));
		return list.reverse();
	});
}

export async function getDemand(id: bigint): Promise<Demand> {
	return read(async ({ client }) => {
		const d = await readDemand(client, id);
		if (d.union === '0x0000000000000000000000000000000000000000') throw new Error(`Demand ${id} does not exist`);
		return d;
	});
}

/** The live commitments of a demand (committed and not withdrawn or pruned since), in chain order. */
export async function liveCommitments(id: bigint): Promise<LiveCommitment[]> {
	return read(async ({ client, events }) => {
		const base = {
			address: demandsAddress(),
			abi: demandsAbi,
			args: { demandId: id },
			strict: true
		} as const;
		// One commitment per member: these grow with the union, so they are read in ranges.
		const [committed, withdrawn] = await Promise.all([
			events((range) => client.getContractEvents({ ...base, eventName: 'Committed', ...range })),
			events((range) => client.getContractEvents({ ...base, eventName: 'CommitmentWithdrawn', ...range }))
		]);
		const history = [
			...committed.map((l) => ({ kind: 'commit' as const, block: l.blockNumber, index: l.logIndex, member: l.args.member, nonce: l.args.nonce, signature: l.args.signature })),
			...withdrawn.map((l) => ({ kind: 'withdraw' as const, block: l.blockNumber, index: l.logIndex, member: l.args.member }))
		].sort((a, b) => (a.block === b.block ? a.index - b.index : a.block < b.block ? -1 : 1));
		const live = new Map<string, LiveCommitment>();
		for (const e of history) {
			const key = e.member.toLowerCase();
			if (e.kind === 'withdraw') live.delete(key);
			else live.set(key, { member: e.member, nonce: e.nonce, signature: e.signature, block: e.block });
		}
		return [...live.values()];
	});
}

/** The nonce `member`'s next signature must carry. */
export async function nonceOf(id: bigint, member: Address): Promise<bigint> {
	return read(({ client }) => client.readContract({ address: demandsAddress(), abi: demandsAbi, functionName: 'nonceOf', args: [id, member] }));
}

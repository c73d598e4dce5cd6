// Proposals of one governor, from its ProposalCreated logs (the calls and description live only there),
// with their current state, tallies and quorum read from the governor.
import type { Address, Hex, PublicClient } from 'viem';
import { unionGovernorAbi } from '../chain/abi/generated';
import { parseDescription } from './description';
import { read, type ReadContext } from '$lib/chain/read';

/** OpenZeppelin IGovernor.ProposalState, in ABI order. */
export enum ProposalState {
	Pending = 0,
	Active = 1,
	Canceled = 2,
	Defeated = 3,
	Succeeded = 4,
	Queued = 5,
	Expired = 6,
	Executed = 7
}

export const STATE_LABELS: Readonly<Record<ProposalState, string>> = {
	[ProposalState.Pending]: 'Pending',
	[ProposalState.Active]: 'Voting',
	[ProposalState.Canceled]: 'Cancelled',
	[ProposalState.Defeated]: 'Defeated',
	[ProposalState.Succeeded]: 'Passed',
	[ProposalState.Queued]: 'Queued',
	[ProposalState.Expired]: 'Expired',
	[ProposalState.Executed]: 'Executed'
};

export interface Proposal {
	id: bigint;
	proposer: Address;
	targets: readonly Address[];
	values: readonly bigint[];
	calldatas: readonly Hex[];
	description: string;
	title: string;
	descriptionCid: string | null;
	/** Snapshot timestamp: votes and quorum are read here. Voting opens just after it. */
	voteStart: bigint;
	voteEnd: bigint;
	createdBlock: bigint;
	state: ProposalState;
	againstVotes: bigint;
	forVotes: bigint;
	abstainVotes: bigint;
	/** Null until the snapshot is in the past (the governor cannot read the future). */
	quorum: bigint | null;
	/** Timestamp from which a queued proposal can execute (0 when not queued). */
	eta: bigint;
	/** Chain time when this was read. */
	now: bigint;
}

export interface CastVote {
	voter: Address;
	support: number;
	weight: bigint;
	reason: string;
}

async function created({ client, events }: ReadContext, governor: Address, id?: bigint) {
	const logs = await events((range) =>
		client.getContractEvents({
			address: governor,
			abi: unionGovernorAbi,
			eventName: 'ProposalCreated',
			...range,
			strict: true
		})
	);
	return id === undefined ? logs : logs.filter((l) => l.args.proposalId === id);
}

async function withStatus(client: PublicClient, governor: Address, logs: Awaited<ReturnType<typeof created>>): Promise<Proposal[]> {
	const head = await client.getBlock({ blockTag: 'latest' });
	const g = { address: governor, abi: unionGovernorAbi } as const;
	return Promise.all(
		logs.map(async (l) => {
			const a = l.args;
			const id = a.proposalId;
			const [state, votes, eta] = await Promise.all([
				client.readContract({ ...g, functionName: 'state', args: [id] }),
				client.readContract({ ...g, functionName: 'proposalVotes', args: [id] }),
				client.readContract({ ...g, functionName: 'proposalEta', args: [id] })
			]);
			const quorum = a.voteStart < head.timestamp ? await client.readContract({ ...g, functionName: 'quorum', args: [a.voteStart] }) : null;
			const parsed = parseDescription(a.description);
			return {
				id,
				proposer: a.proposer,
				targets: a.targets,
				values: a.values,
				calldatas: a.calldatas,
				description: a.description,
				title: parsed.title,
				descriptionCid: parsed.cid,
				voteStart: a.voteStart,
				voteEnd: a.voteEnd,
				createdBlock: l.blockNumber,
				state: Number(state) as ProposalState,
				againstVotes: votes[0],
				forVotes: votes[1],
				abstainVotes: votes[2],
				quorum,
				eta,
				now: head.timestamp
			};
		})
	);
}

/** Every proposal of `governor`, newest first. */
export async function listProposals(governor: Address): Promise<Proposal[]> {
	return read(async (ctx) => {
		const list = await withStatus(ctx.client, governor, await created(ctx, governor));
		return list.sort((x, y) => (x.createdBlock === y.createdBlock ? 0 : x.createdBlock > y.createdBlock ? -1 : 1));
	});
}

export async function getProposal(governor: Address, id: bigint): Promise<Proposal> {
	return read(async (ctx) => {
		const [found] = await withStatus(ctx.client, governor, await created(ctx, governor, id));
		if (!found) throw new Error(`Proposal ${id} does not exist in this union`);
		return found;
	});
}

/** Every vote cast on a proposal, with its reason. */
export async function listVotes(governor: Address, id: bigint): Promise<CastVote[]> {
	return read(async ({ client, events }) => {
		const logs = await events((range) =>
			client.getContractEvents({
				address: governor,
				abi: unionGovernorAbi,
				eventName: 'VoteCast',
				...range,
				strict: true
			})
		);
		return logs
			.filter((l) => l.args.proposalId === id)
			.map((l) => ({ voter: l.args.voter, support: Number(l.args.support), weight: l.args.weight, reason: l.args.reason }));
	});
}

/** Whether `account` already voted on proposal `id`. */
export async function hasVoted(governor: Address, id: bigint, account: Address): Promise<boolean> {
	return read(({ client }) => client.readContract({ address: governor, abi: unionGovernorAbi, functionName: 'hasVoted', args: [id, account] }));
}

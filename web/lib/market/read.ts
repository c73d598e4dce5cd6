// Reads of the escrow: one deal with its milestones, disputes and event timeline; the deals and
// disputes an account takes part in. Events are read from the factory's deploy block (the escrow is
// deployed with it), so no indexer is needed.
import type { Address } from 'viem';
import { DEAL_STATUS, MILESTONE_STATUS, type DealFacts, type MilestoneFacts } from './deal';
import { escrowAbi, unionAbi, unionArbitersAbi, unionTokenAbi } from '../chain/abi/generated';
import { contractAddress } from '$lib/chain/contracts';
import { read, type ReadContext } from '$lib/chain/read';

export interface Seat {
	arbiter: Address;
	voted: boolean;
	providerPct: number;
}

export interface DisputeView {
	id: bigint;
	dealId: bigint;
	milestone: number;
	deadline: number;
	open: boolean;
	providerPct: number;
	timedOut: boolean;
	/** False until the panel is drawn (from the hash of block `drawBlock`, after it is mined). */
	drawn: boolean;
	drawBlock: bigint;
	/** The steward sits alone: fewer than three arbiters were eligible. */
	stewardAlone: boolean;
	/** Seated arbiters (none before the draw). */
	panel: Seat[];
}

export interface MilestoneView extends MilestoneFacts {
	index: number;
	amount: bigint;
	descriptionCid: string;
	dispute: DisputeView | null;
}

export interface TimelineEntry {
	name: string;
	blockNumber: bigint;
	timestamp: number;
	txHash: string;
	/** Human summary of the event's arguments. */
	args: Record<string, string>;
}

export interface DealView extends DealFacts {
	id: bigint;
	union: Address;
	token: Address;
	symbol: string;
	listing: string;
	milestones: MilestoneView[];
	timeline: TimelineEntry[];
	/** Latest block's timestamp: deadlines are judged by chain time, not the browser clock. */
	now: number;
	/** Latest block's number: a panel can be drawn once it is past the dispute's `drawBlock`. */
	blockNumber: bigint;
}

function disputeView(id: bigint, d: { dealId: bigint; milestone: number; deadline: number; status: number; providerPct: number; timedOut: boolean; drawBlock: bigint; seats: number; panel: readonly { arbiter: Address; voted: boolean; providerPct: number }[] }): DisputeView {
	return {
		id,
		dealId: d.dealId,
		milestone: d.milestone,
		deadline: Number(d.deadline),
		open: d.status === 1,
		providerPct: d.providerPct,
		timedOut: d.timedOut,
		drawn: d.seats > 0,
		drawBlock: d.drawBlock,
		stewardAlone: d.seats === 1,
		panel: d.panel.slice(0, d.seats).map((s) => ({ arbiter: s.arbiter, voted: s.voted, providerPct: s.providerPct }))
	};
}

function stringify(args: object): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(args)) out[k] = Array.isArray(v) ? v.map(String).join(', ') : String(v);
	return out;
}

export function readDeal(dealId: bigint): Promise<DealView | null> {
	return read(async (ctx) => {
		const { client, events } = ctx;
		const escrow = contractAddress('escrow');
		const [d, latest] = await Promise.all([
			client.readContract({ address: escrow, abi: escrowAbi, functionName: 'getDeal', args: [dealId] }),
			client.getBlock()
		]);
		if (d.status === 0) return null;
		const indexes = Array.from({ length: d.milestoneCount }, (_, i) => BigInt(i));
		const [milestones, disputeIds, symbol, opened, added] = await Promise.all([
			Promise.all(indexes.map((i) => client.readContract({ address: escrow, abi: escrowAbi, functionName: 'getMilestone', args: [dealId, i] }))),
			Promise.all(indexes.map((i) => client.readContract({ address: escrow, abi: escrowAbi, functionName: 'disputeOf', args: [dealId, i] }))),
			client.readContract({ address: d.token, abi: unionTokenAbi, functionName: 'symbol' }),
			events((range) => client.getContractEvents({ address: escrow, abi: escrowAbi, eventName: 'DealOpened', args: { dealId }, ...range })),
			events((range) => client.getContractEvents({ address: escrow, abi: escrowAbi, eventName: 'MilestoneAdded', args: { dealId }, ...range }))
		]);
		const disputes = await Promise.all(
			disputeIds.map(async (id) =>
				id === 0n ? null : disputeView(id, await client.readContract({ address: escrow, abi: escrowAbi, functionName: 'getDispute', args: [id] }))
			)
		);
		const timeline = await readTimeline(ctx, dealId, new Set(disputeIds.filter((id) => id !== 0n)));
		return {
			id: dealId,
			status: DEAL_STATUS[d.status] ?? 'None',
			client: d.client,
			provider: d.provider,
			acceptBy: Number(d.acceptBy),
			reviewPeriod: Number(d.reviewPeriod),
			cancelProposedBy: d.cancelProposedBy,
			cancelExpiresAt: Number(d.cancelExpiresAt),
			union: d.union,
			token: d.token,
			symbol,
			listing: opened[0]?.args.listing ?? '',
			milestones: milestones.map((m, i) => ({
				index: i,
				amount: m.amount,
				due: Number(m.due),
				deliveredAt: Number(m.deliveredAt),
				status: MILESTONE_STATUS[m.status] ?? 'Pending',
				descriptionCid: added.find((e) => e.args.index === BigInt(i))?.args.descriptionCid ?? '',
				dispute: disputes[i] ?? null
			})),
			timeline,
			now: Number(latest.timestamp),
			blockNumber: latest.number
		};
	});
}

/** Every escrow event about one deal (and its disputes), oldest first, with block times. */
async function readTimeline({ client, events }: ReadContext, dealId: bigint, disputeIds: Set<bigint>): Promise<TimelineEntry[]> {
	const logs = await events((range) => client.getContractEvents({ address: contractAddress('escrow'), abi: escrowAbi, ...range }));
	const mine = logs.filter((log) => {
		const args = log.args as { dealId?: bigint; disputeId?: bigint };
		if (log.eventName === 'MilestoneAdded') return false; // shown in the milestone list
		return args.dealId === dealId || (args.disputeId !== undefined && disputeIds.has(args.disputeId));
	});
	const blocks = [...new Set(mine.map((l) => l.blockNumber))];
	const times = new Map(await Promise.all(blocks.map(async (b) => [b, Number((await client.getBlock({ blockNumber: b })).timestamp)] as const)));
	return mine.map((log) => ({
		name: log.eventName,
		blockNumber: log.blockNumber,
		timestamp: times.get(log.blockNumber) ?? 0,
		txHash: log.transactionHash,
		args: stringify(log.args)
	}));
}

export interface DealSummary {
	id: bigint;
	client: Address;
	provider: Address;
	total: bigint;
	listing: string;
	status: string;
}

/** Deals in `union` where `account` is client or provider, newest first. */
export function myDeals(union: Address, account: Address): Promise<DealSummary[]> {
	return read(async ({ client, events }) => {
		const escrow = contractAddress('escrow');
		const logs = await events((range) => client.getContractEvents({ address: escrow, abi: escrowAbi, eventName: 'DealOpened', args: { union }, ...range }));
		const me = account.toLowerCase();
		const relevant = logs.filter((l) => l.args.client?.toLowerCase() === me || l.args.provider?.toLowerCase() === me);
		const deals = await Promise.all(
			relevant.map((l) => client.readContract({ address: escrow, abi: escrowAbi, functionName: 'getDeal', args: [l.args.dealId!] }))
		);
		return relevant
			.map((l, i) => ({
				id: l.args.dealId!,
				client: l.args.client!,
				provider: l.args.provider!,
				total: l.args.total!,
				listing: l.args.listing ?? '',
				status: DEAL_STATUS[deals[i]!.status] ?? 'None'
			}))
			.reverse();
	});
}

export interface PanelDispute extends DisputeView {
	amount: bigint;
	symbol: string;
	client: Address;
	provider: Address;
}

/** Disputes in `union` on whose panel `account` sits (open and resolved), newest first. */
export function panelDisputes(union: Address, account: Address): Promise<PanelDispute[]> {
	return read(async ({ client, events }) => {
		const escrow = contractAddress('escrow');
		const me = account.toLowerCase();
		// A panel is known once drawn (PanelDrawn), not when the dispute opens.
		const logs = await events((range) => client.getContractEvents({ address: escrow, abi: escrowAbi, eventName: 'PanelDrawn', ...range }));
		const onPanel = logs.filter((l) => (l.args.panel ?? []).some((a) => a.toLowerCase() === me));
		const out = await Promise.all(
			onPanel.map(async (l) => {
				const id = l.args.disputeId!;
				const dispute = await client.readContract({ address: escrow, abi: escrowAbi, functionName: 'getDispute', args: [id] });
				const [deal, m] = await Promise.all([
					client.readContract({ address: escrow, abi: escrowAbi, functionName: 'getDeal', args: [dispute.dealId] }),
					client.readContract({ address: escrow, abi: escrowAbi, functionName: 'getMilestone', args: [dispute.dealId, BigInt(dispute.milestone)] })
				]);
				if (deal.union.toLowerCase() !== union.toLowerCase()) return null;
				const symbol = await client.readContract({ address: deal.token, abi: unionTokenAbi, functionName: 'symbol' });
				return { ...disputeView(id, dispute), amount: m.amount, symbol, client: deal.client, provider: deal.provider };
			})
		);
		return out.filter((d): d is PanelDispute => d !== null).reverse();
	});
}

export interface Arbiters {
	/** Appointed and still members. */
	eligible: Address[];
	/** Appointed but no longer members (not drawn). */
	former: Address[];
	steward: Address;
}

export function readArbiters(union: Address): Promise<Arbiters> {
	return read(async ({ client }) => {
		const registry = contractAddress('arbiters');
		const [list, steward] = await Promise.all([
			client.readContract({ address: registry, abi: unionArbitersAbi, functionName: 'arbitersOf', args: [union] }),
			client.readContract({ address: union, abi: unionAbi, functionName: 'steward' })
		]);
		const members = await Promise.all(list.map((a) => client.readContract({ address: union, abi: unionAbi, functionName: 'isMember', args: [a] })));
		return { eligible: list.filter((_, i) => members[i]), former: list.filter((_, i) => !members[i]), steward };
	});
}

export interface Wallet {
	token: Address;
	symbol: string;
	balance: bigint;
	/** Credited by the escrow, waiting for `withdraw`. */
	withdrawable: bigint;
}

/** The account's union-token balance and what the escrow holds for it. */
export function readMarketWallet(union: Address, account: Address): Promise<Wallet> {
	return read(async ({ client }) => {
		const token = await client.readContract({ address: union, abi: unionAbi, functionName: 'token' });
		const [symbol, balance, withdrawable] = await Promise.all([
			client.readContract({ address: token, abi: unionTokenAbi, functionName: 'symbol' }),
			client.readContract({ address: token, abi: unionTokenAbi, functionName: 'balanceOf', args: [account] }),
			client.readContract({ address: contractAddress('escrow'), abi: escrowAbi, functionName: 'withdrawable', args: [token, account] })
		]);
		return { token, symbol, balance, withdrawable };
	});
}

// Reads campaigns and matching rounds of one union from the shared Crowdfund contract: ids from its
// indexed events (filtered by union), state from getCampaign/getRound, live pledges per member from
// pledgeOf (and their matchable parts from matchableOf: only pledges made while trusted count for
// quadratic matching) over everyone who ever pledged. Time comes from the latest block, not the browser clock.
import type { Address, PublicClient } from 'viem';
import { crowdfundAbi, unionAbi, unionTokenAbi } from '$lib/chain/abi/generated';
import { configured, contractAddress } from '$lib/chain/contracts';
import { read, startBlock } from '$lib/chain/read';
import { chainTime } from '$lib/chain/time';
import { chunkedEvents } from '$lib/sync/chunkedEvents';

export interface Campaign {
	id: bigint;
	union: Address;
	creator: Address;
	recipient: Address;
	token: Address;
	goal: bigint;
	raised: bigint;
	deadline: bigint;
	claimed: boolean;
	finalized: boolean;
	matchClaimed: boolean;
	roundId: bigint;
	sumSqrt: bigint;
	/** The part of `raised` that counts for matching (pledged by trusted members). */
	matchable: bigint;
	weight: bigint;
	descriptionCid: string;
}

export interface Round {
	id: bigint;
	union: Address;
	token: Address;
	start: bigint;
	end: bigint;
	pool: bigint;
	totalWeight: bigint;
	claimedWeight: bigint;
	paid: bigint;
	swept: bigint;
}

export type CampaignStatus = 'open' | 'succeeded' | 'failed' | 'paid';

/** The configured Crowdfund, or null where this network has none (the section is hidden). */
export function crowdfundAddress(): Address | null {
	return configured('crowdfund');
}

export function statusOf(c: Campaign, now: bigint): CampaignStatus {
	if (c.claimed) return 'paid';
	if (now < c.deadline) return 'open';
	return c.raised >= c.goal ? 'succeeded' : 'failed';
}

/** A read against the configured Crowdfund, its failures in sentences (chain/read.ts). */
function guarded<T>(fn: (client: PublicClient, crowdfund: Address) => Promise<T>): Promise<T> {
	const crowdfund = contractAddress('crowdfund');
	return read(({ client }) => fn(client, crowdfund));
}

async function readCampaigns(
	client: PublicClient,
	crowdfund: Address,
	created: Array<{ id: bigint; creator: Address; descriptionCid: string }>
): Promise<Campaign[]> {
	const stored = await Promise.all(created.map((c) => client.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'getCampaign', args: [c.id] })));
	return created.map((c, i) => {
		const s = stored[i]!;
		return {
			id: c.id,
			union: s.union,
			creator: c.creator,
			recipient: s.recipient,
			token: s.token,
			goal: s.goal,
			raised: s.raised,
			deadline: BigInt(s.deadline),
			claimed: s.claimed,
			finalized: s.finalized,
			matchClaimed: s.matchClaimed,
			roundId: s.roundId,
			sumSqrt: s.sumSqrt,
			matchable: s.matchable,
			weight: s.weight,
			descriptionCid: c.descriptionCid
		};
	});
}

async function createdEvents(client: PublicClient, crowdfund: Address, filter: { union?: Address; campaignId?: bigint }) {
	const logs = await chunkedEvents(client, startBlock(), (range) =>
		client.getContractEvents({
			address: crowdfund,
			abi: crowdfundAbi,
			eventName: 'CampaignCreated',
			args: filter,
			...range,
			strict: true
		})
	);
	return logs.map((l) => ({ id: l.args.campaignId, creator: l.args.creator, descriptionCid: l.args.descriptionCid }));
}

export interface CampaignList {
	campaigns: Campaign[];
	rounds: Round[];
	now: bigint;
	symbol: string;
	steward: Address;
}

/** Every campaign and round of `union`, newest first. */
export function listCampaigns(union: Address): Promise<CampaignList> {
	return guarded(async (client, crowdfund) => {
		const [created, rounds, now, token, steward] = await Promise.all([
			createdEvents(client, crowdfund, { union }),
			listRoundsWith(client, crowdfund, union),
			chainTime(client),
			client.readContract({ address: union, abi: unionAbi, functionName: 'token' }),
			client.readContract({ address: union, abi: unionAbi, functionName: 'steward' })
		]);
		const symbol = await client.readContract({ address: token, abi: unionTokenAbi, functionName: 'symbol' });
		const campaigns = await readCampaigns(client, crowdfund, created);
		return { campaigns: campaigns.reverse(), rounds, now, symbol, steward };
	});
}

async function listRoundsWith(client: PublicClient, crowdfund: Address, union: Address): Promise<Round[]> {
	const logs = await chunkedEvents(client, startBlock(), (range) =>
		client.getContractEvents({
			address: crowdfund,
			abi: crowdfundAbi,
			eventName: 'RoundOpened',
			args: { union },
			...range,
			strict: true
		})
	);
	const rounds = await Promise.all(logs.map((l) => readRound(client, crowdfund, l.args.roundId)));
	return rounds.reverse();
}

async function readRound(client: PublicClient, crowdfund: Address, id: bigint): Promise<Round> {
	const r = await client.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'getRound', args: [id] });
	return {
		id,
		union: r.union,
		token: r.token,
		start: BigInt(r.start),
		end: BigInt(r.end),
		pool: r.pool,
		totalWeight: r.totalWeight,
		claimedWeight: r.claimedWeight,
		paid: r.paid,
		swept: r.swept
	};
}

/**
 * Live pledges of a campaign and their matchable parts, by lowercase pledger address (zero pledges left
 * out; the matchable map holds only non-zero parts).
 */
async function livePledges(
	client: PublicClient,
	crowdfund: Address,
	id: bigint
): Promise<{ pledges: Map<string, bigint>; matchable: Map<string, bigint> }> {
	const logs = await chunkedEvents(client, startBlock(), (range) =>
		client.getContractEvents({
			address: crowdfund,
			abi: crowdfundAbi,
			eventName: 'Pledged',
			args: { campaignId: id },
			...range,
			strict: true
		})
	);
	const pledgers = [...new Set(logs.map((l) => l.args.pledger))];
	const [amounts, matchables] = await Promise.all([
		Promise.all(pledgers.map((p) => client.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'pledgeOf', args: [id, p] }))),
		Promise.all(pledgers.map((p) => client.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'matchableOf', args: [id, p] })))
	]);
	const pledges = new Map<string, bigint>();
	const matchable = new Map<string, bigint>();
	pledgers.forEach((p, i) => {
		if (amounts[i]! > 0n) pledges.set(p.toLowerCase(), amounts[i]!);
		if (matchables[i]! > 0n) matchable.set(p.toLowerCase(), matchables[i]!);
	});
	return { pledges, matchable };
}

export interface CampaignDetail {
	campaign: Campaign;
	round: Round | null;
	/** Other campaigns of the same round (for the projected match). */
	roundCampaigns: Campaign[];
	pledges: Map<string, bigint>;
	/** The matchable part of each live pledge (what quadratic matching counts). */
	matchable: Map<string, bigint>;
	now: bigint;
	symbol: string;
	/** `isTrusted`: a pledge made now counts for matching. */
	account: { pledge: bigint; balance: bigint; allowance: bigint; isMember: boolean; isTrusted: boolean } | null;
}

export function readCampaign(id: bigint, account: Address | null): Promise<CampaignDetail> {
	return guarded(async (client, crowdfund) => {
		const [created] = await createdEvents(client, crowdfund, { campaignId: id });
		if (!created) throw new Error(`There is no campaign #${id}`);
		const [[campaign], now, { pledges, matchable }] = await Promise.all([
			readCampaigns(client, crowdfund, [created]),
			chainTime(client),
			livePledges(client, crowdfund, id)
		]);
		const c = campaign!;
		let round: Round | null = null;
		let roundCampaigns: Campaign[] = [];
		if (c.roundId !== 0n) {
			round = await readRound(client, crowdfund, c.roundId);
			roundCampaigns = (await readCampaigns(client, crowdfund, await createdEvents(client, crowdfund, { union: c.union }))).filter(
				(o) => o.roundId === c.roundId
			);
		}
		const symbol = await client.readContract({ address: c.token, abi: unionTokenAbi, functionName: 'symbol' });
		let mine: CampaignDetail['account'] = null;
		if (account) {
			const [pledge, balance, allowance, isMember, isTrusted] = await Promise.all([
				client.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'pledgeOf', args: [id, account] }),
				client.readContract({ address: c.token, abi: unionTokenAbi, functionName: 'balanceOf', args: [account] }),
				client.readContract({ address: c.token, abi: unionTokenAbi, functionName: 'allowance', args: [account, crowdfund] }),
				client.readContract({ address: c.union, abi: unionAbi, functionName: 'isMember', args: [account] }),
				client.readContract({ address: c.union, abi: unionAbi, functionName: 'isTrusted', args: [account] })
			]);
			mine = { pledge, balance, allowance, isMember, isTrusted };
		}
		return { campaign: c, round, roundCampaigns, pledges, matchable, now, symbol, account: mine };
	});
}

export interface RoundDetail {
	round: Round;
	campaigns: Campaign[];
	now: bigint;
	symbol: string;
	steward: Address;
	finalizationWindow: bigint;
	sweepable: bigint;
	account: { balance: bigint; allowance: bigint } | null;
}

export function readRoundDetail(id: bigint, account: Address | null): Promise<RoundDetail> {
	return guarded(async (client, crowdfund) => {
		const round = await readRound(client, crowdfund, id);
		if (round.union === '0x0000000000000000000000000000000000000000') throw new Error(`There is no matching round #${id}`);
		const [created, now, steward, symbol, finalizationWindow, sweepable] = await Promise.all([
			createdEvents(client, crowdfund, { union: round.union }),
			chainTime(client),
			client.readContract({ address: round.union, abi: unionAbi, functionName: 'steward' }),
			client.readContract({ address: round.token, abi: unionTokenAbi, functionName: 'symbol' }),
			client.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'FINALIZATION_WINDOW' }),
			client.readContract({ address: crowdfund, abi: crowdfundAbi, functionName: 'sweepableOf', args: [id] })
		]);
		const campaigns = (await readCampaigns(client, crowdfund, created)).filter((c) => c.roundId === id);
		let mine: RoundDetail['account'] = null;
		if (account) {
			const [balance, allowance] = await Promise.all([
				client.readContract({ address: round.token, abi: unionTokenAbi, functionName: 'balanceOf', args: [account] }),
				client.readContract({ address: round.token, abi: unionTokenAbi, functionName: 'allowance', args: [account, crowdfund] })
			]);
			mine = { balance, allowance };
		}
		return { round, campaigns, now, symbol, steward, finalizationWindow, sweepable, account: mine };
	});
}

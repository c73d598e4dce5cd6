// Crowdfunding's limits and the form rules built on them, written once: the campaign form and the
// pledge form call these (Crowdfund.sol enforces the same on chain).
import { formatTokenAmount, parseTokenAmount } from '../chain/amounts';

/** The largest goal a campaign can hold: Crowdfund packs goal and raised into 96 bits beside an address. */
export const MAX_GOAL = 2n ** 96n - 1n;
/** Crowdfund's longest campaign (BadDeadline past a year). */
export const MAX_CAMPAIGN_DAYS = 365;

/** What stops a pledge of `typed` tokens, or null (nothing typed is no problem yet). */
export function pledgeProblem(typed: string, account: { isMember: boolean; balance: bigint } | null | undefined, symbol: string): string | null {
	if (typed.trim() === '') return null;
	const amount = parseTokenAmount(typed);
	if (!amount) return 'Enter an amount above zero';
	if (account && !account.isMember) return 'Only members of this union can pledge';
	if (account && amount > account.balance) return `You have only ${formatTokenAmount(account.balance)} ${symbol}`;
	return null;
}

export interface CampaignTerms {
	recipient: string;
	goal: bigint | null;
	days: number;
	/** '0' for no matching round. */
	roundId: string;
	/** Rounds the campaign's deadline falls inside. */
	joinable: readonly { id: bigint }[];
}

/** What stops the campaign's terms (the description has its own checks), as sentences. */
export function campaignProblems(t: CampaignTerms): string[] {
	const p: string[] = [];
	if (!/^0x[0-9a-fA-F]{40}$/.test(t.recipient.trim())) p.push('The recipient must be an address (0x…)');
	if (!t.goal) p.push('The goal must be an amount above zero');
	else if (t.goal > MAX_GOAL) p.push('The goal is larger than a campaign can hold (79 billion tokens)');
	if (!(t.days > 0 && t.days <= MAX_CAMPAIGN_DAYS)) p.push(`The campaign must run between a moment and ${MAX_CAMPAIGN_DAYS} days`);
	if (t.roundId !== '0' && !t.joinable.some((r) => r.id.toString() === t.roundId)) p.push('This deadline does not fall inside the chosen matching round');
	return p;
}

// Which calls a union sponsors by default: the acts of taking part (accept an invite, back, follow, vote,
// pledge, commit — and the activation that the commitment reaching the threshold triggers — enrol), on the
// union's own contracts and the shared ones. The seed enables these for the demo union; the governance proposal kind "Gas sponsorship" sets the same list.
import { toFunctionSelector, type Address, type Hex } from 'viem';

export interface SponsoredFunctions {
	target: Address;
	selectors: Hex[];
}

export const DEFAULT_SPONSORED = {
	union: ['back(address)', 'unback(address)', 'backAndFollow(address)', 'joinWithInvite((address,address,address,uint256,uint256),bytes,bytes)'],
	governor: ['castVote(uint256,uint8)', 'castVoteWithReason(uint256,uint8,string)'],
	crowdfund: ['pledge(uint256,uint256)', 'pledgeWithPermit(uint256,uint256,uint256,uint8,bytes32,bytes32)'],
	demands: ['commit(uint256,address,bytes)', 'activate(uint256,address[])'],
	courses: ['enrol(uint256,uint256)', 'enrolWithPermit(uint256,uint256,uint256,uint8,bytes32,bytes32)']
} as const;

/** Default per-member budget: 0.01 ETH of gas per 30 days. */
export const DEFAULT_BUDGET_WEI = 10n ** 16n;
export const DEFAULT_PERIOD_SECONDS = 30 * 86_400;

/** The allow-list entries for a union's contracts (shared ones that are not deployed are left out). */
export function defaultSponsored(c: {
	union: Address;
	governor: Address;
	crowdfund: Address | null;
	demands: Address | null;
	courses: Address | null;
}): SponsoredFunctions[] {
	const out: SponsoredFunctions[] = [];
	for (const key of ['union', 'governor', 'crowdfund', 'demands', 'courses'] as const) {
		const target = c[key];
		if (target) out.push({ target, selectors: DEFAULT_SPONSORED[key].map((sig) => toFunctionSelector(`function ${sig}`)) });
	}
	return out;
}

// ---------------------------------------------------------------- changing the rules by proposal
// The domain rules of the two governance proposal kinds that change a union's sponsorship
// (governance/actions.ts: `sponsorRules` → the paymaster's setRules, `sponsorAllowed` → setAllowed): what a
// member may type, and the functions a union may sponsor, by name. Relative imports only (the seed runs
// this file under plain Node).

/** The contracts a union's sponsorship can cover: its own and the shared ones. */
export type SponsorableContract = keyof typeof DEFAULT_SPONSORED;

export const SPONSORABLE_CONTRACTS: readonly SponsorableContract[] = ['union', 'governor', 'crowdfund', 'demands', 'courses'];

export const CONTRACT_LABELS: Record<SponsorableContract, string> = {
	union: 'the union (membership and backing)',
	governor: 'the governor (votes)',
	crowdfund: 'crowdfunding',
	demands: 'collective demands',
	courses: 'courses'
};

/** What each sponsorable function does, in a member's words, by function name. */
export const FUNCTION_LABELS: Record<string, string> = {
	back: 'Back a member',
	unback: 'Withdraw a back',
	backAndFollow: 'Back and follow a member',
	joinWithInvite: 'Accept an invite',
	castVote: 'Vote',
	castVoteWithReason: 'Vote with a reason',
	pledge: 'Pledge to a campaign',
	pledgeWithPermit: 'Pledge with a permit signature',
	commit: 'Commit to a demand',
	activate: 'Activate a demand',
	enrol: 'Enrol in a course',
	enrolWithPermit: 'Enrol with a permit signature'
};

export interface SponsorableFunction {
	/** The function's name (`pledge`). */
	name: string;
	selector: Hex;
	label: string;
}

const nameOf = (signature: string): string => signature.slice(0, signature.indexOf('('));

/** The functions of `contract` a union may sponsor, in the allow-list's order. */
export function sponsorableFunctions(contract: SponsorableContract): SponsorableFunction[] {
	return DEFAULT_SPONSORED[contract].map((sig) => ({
		name: nameOf(sig),
		selector: toFunctionSelector(`function ${sig}`),
		label: FUNCTION_LABELS[nameOf(sig)] ?? nameOf(sig)
	}));
}

/** The name of a sponsorable function by its selector, or null for one no contract here has. */
export function sponsorableName(selector: Hex): string | null {
	for (const contract of SPONSORABLE_CONTRACTS) {
		const f = sponsorableFunctions(contract).find((x) => x.selector === selector.toLowerCase());
		if (f) return f.name;
	}
	return null;
}

const MAX_UINT128 = (1n << 128n) - 1n;
const MAX_PERIOD_DAYS = Math.floor((2 ** 32 - 1) / 86_400);
const WEI_PER_ETH = 10n ** 18n;

/** A budget in wei from ETH typed by a member ("0.02"); "0" turns sponsorship off. Throws a sentence. */
export function parseBudget(text: string): bigint {
	const t = text.trim();
	if (!t) throw new Error('Enter the budget per member in ETH (0 turns sponsorship off)');
	const m = /^(\d+)(?:\.(\d{1,18}))?$/.exec(t);
	if (!m) throw new Error('The budget must be an amount of ETH, such as 0.02, with at most 18 decimals');
	const wei = BigInt(m[1]!) * WEI_PER_ETH + BigInt((m[2] ?? '').padEnd(18, '0') || '0');
	if (wei > MAX_UINT128) throw new Error('The budget is too large');
	return wei;
}

/** A budget period in seconds from whole days typed by a member. Throws a sentence. */
export function parsePeriodDays(text: string): number {
	const t = text.trim();
	if (!/^\d+$/.test(t) || Number(t) < 1) throw new Error('The period must be a whole number of days, at least 1');
	if (Number(t) > MAX_PERIOD_DAYS) throw new Error(`The period can be at most ${MAX_PERIOD_DAYS} days`);
	return Number(t) * 86_400;
}

/**
 * The allow-list change for `names` of `contract`: its address (where this network and union have it) and the
 * selectors. Throws a sentence for a contract that is not deployed, no function chosen or a function the
 * contract cannot sponsor.
 */
export function allowListChange(
	contract: SponsorableContract,
	names: readonly string[],
	addresses: Partial<Record<SponsorableContract, Address | null>>
): { target: Address; selectors: Hex[] } {
	const target = addresses[contract];
	if (!target) throw new Error(`${CONTRACT_LABELS[contract]} is not deployed on this network`);
	if (names.length === 0) throw new Error('Choose at least one function');
	const known = sponsorableFunctions(contract);
	const selectors = names.map((name) => {
		const f = known.find((x) => x.name === name);
		if (!f) throw new Error(`${name} is not a function the union can sponsor on ${CONTRACT_LABELS[contract]}`);
		return f.selector;
	});
	return { target, selectors: [...new Set(selectors)] };
}

/** "30 days", "1 day", or hours/seconds for a period set outside the builder. */
export function periodWords(seconds: number): string {
	if (seconds % 86_400 === 0) return seconds === 86_400 ? '1 day' : `${seconds / 86_400} days`;
	if (seconds % 3600 === 0) return seconds === 3600 ? '1 hour' : `${seconds / 3600} hours`;
	return `${seconds} seconds`;
}

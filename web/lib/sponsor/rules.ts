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

// Ragequit arithmetic, exactly as UnionTimelock.ragequit computes it: `amount` of the member's union tokens
// over the supply members hold (total supply less the timelock's own union tokens), of the timelock's ETH and
// of each listed token's balance, each rounded down (OpenZeppelin Math.mulDiv). Pure: no chain access.

export type Address = `0x${string}`;

export interface TreasuryHoldings {
	/** The union token's total supply now. */
	totalSupply: bigint;
	/** Union tokens the timelock holds itself (not members'). */
	timelockUnionTokens: bigint;
	/** The timelock's ETH. */
	eth: bigint;
	/** ERC-20s other than the union's token that the timelock holds, with its balance of each. */
	tokens: readonly { address: Address; balance: bigint }[];
}

export interface ExitShare {
	/** The denominator: tokens members (and former members, vesting wallets) hold. */
	memberSupply: bigint;
	eth: bigint;
	/** One entry per listed token, in the order ragequit must be called with (strictly increasing addresses). */
	tokens: { address: Address; share: bigint }[];
}

export class ExitShareError extends Error {
	override name = 'ExitShareError';
}

/** floor(a * b / d), as Math.mulDiv (bigints are exact, so no intermediate overflow to handle). */
export function mulDivDown(a: bigint, b: bigint, d: bigint): bigint {
	if (d === 0n) throw new ExitShareError('Nothing is held by members, so there is no share to compute');
	return (a * b) / d;
}

/**
 * The token list ragequit takes: each address once, strictly increasing as uint160, never the union's token.
 * Sorting by the number (not the mixed-case string) is what the contract's `t <= previous` check means.
 */
export function exitTokenList(tokens: readonly Address[], unionToken: Address): Address[] {
	const seen = new Map<bigint, Address>();
	const own = BigInt(unionToken);
	for (const t of tokens) {
		const n = BigInt(t);
		if (n !== own && n !== 0n) seen.set(n, t);
	}
	return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, t]) => t);
}

/** What burning `amount` union tokens in an exit pays now. */
export function exitShare(amount: bigint, h: TreasuryHoldings, unionToken: Address): ExitShare {
	if (amount < 0n) throw new ExitShareError('An exit amount cannot be negative');
	const memberSupply = h.totalSupply - h.timelockUnionTokens;
	if (memberSupply <= 0n) throw new ExitShareError('Nothing is held by members, so there is no share to compute');
	const balances = new Map(h.tokens.map((t) => [BigInt(t.address), t.balance]));
	const order = exitTokenList(
		h.tokens.map((t) => t.address),
		unionToken
	);
	return {
		memberSupply,
		eth: mulDivDown(h.eth, amount, memberSupply),
		tokens: order.map((address) => ({ address, share: mulDivDown(balances.get(BigInt(address)) ?? 0n, amount, memberSupply) }))
	};
}

/** Why a member may not exit under a proposal now, or null when they may (the contract's checks, in its order). */
export type ExitBlock = 'not-queued' | 'not-member' | 'voted-for' | 'no-votes-at-snapshot' | 'already-exited';

export const EXIT_BLOCK_TEXT: Readonly<Record<ExitBlock, string>> = {
	'not-queued': 'Exits open only while a passed proposal waits in the timelock',
	'not-member': 'Only members can exit with a share of the treasury',
	'voted-for': 'You voted for this proposal, so you cannot exit on it',
	'no-votes-at-snapshot':
		'You held no votes of your own when this proposal’s vote opened (votes you had handed to a leader were theirs to cast), so you have no exit under it',
	'already-exited': 'You already exited with all the votes you had when this proposal’s vote opened'
};

export interface ExitEligibility {
	queued: boolean;
	isMember: boolean;
	votedFor: boolean;
	/** getPastVotes(account, proposalSnapshot). */
	votesAtSnapshot: bigint;
	/** exited(proposalId, account). */
	alreadyExited: bigint;
}

/** The most the member may burn now: votes at the snapshot less earlier exits under this proposal. */
export function exitAllowance(e: Pick<ExitEligibility, 'votesAtSnapshot' | 'alreadyExited'>): bigint {
	const left = e.votesAtSnapshot - e.alreadyExited;
	return left > 0n ? left : 0n;
}

export function exitBlock(e: ExitEligibility): ExitBlock | null {
	if (!e.queued) return 'not-queued';
	if (!e.isMember) return 'not-member';
	if (e.votedFor) return 'voted-for';
	if (e.votesAtSnapshot === 0n) return 'no-votes-at-snapshot';
	if (exitAllowance(e) === 0n) return 'already-exited';
	return null;
}

/** Problems with an amount typed for an exit, or null. */
export function exitAmountProblem(amount: bigint | null, allowance: bigint, balance: bigint): string | null {
	if (amount === null) return 'Type an amount of tokens, like 10 or 2.5';
	if (amount === 0n) return 'Choose an amount above zero to exit with';
	if (amount > allowance) return 'That is more than the votes you had when this proposal’s vote opened';
	if (amount > balance) return 'That is more than the tokens you hold now';
	return null;
}

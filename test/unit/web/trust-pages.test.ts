// The domain functions behind issue 12's pages: a member's standing in words, the ragequit share computed as
// UnionTimelock.ragequit computes it, the votes that follow a leader, and the invites kept in the browser.
import { describe, expect, it } from 'vitest';
import { standingHeadline, standingOf, vouchesMissing } from '../../../web/lib/union/trust';
import { EXIT_BLOCK_TEXT, exitAllowance, exitAmountProblem, exitBlock, exitShare, exitTokenList, mulDivDown } from '../../../web/lib/governance/exitShare';
import { followedVotes } from '../../../web/lib/leaders/followedVotes';
import { forgetSent, loadSent, outstanding, rememberSent, type KeyValue } from '../../../web/lib/union/sentInvites';
import { encodeInvite, type Address } from '../../../web/lib/union/invite';

const E = 10n ** 18n;

describe('trust standing', () => {
	it('tells a newcomer with no vouch what unlocks their grant and votes, with k from the chain', () => {
		expect(standingHeadline({ isMember: true, trusted: false, vouches: 0, threshold: 2 })).toBe(
			'Not yet vouched: your grant and votes unlock when 2 trusted members back you'
		);
		expect(standingHeadline({ isMember: true, trusted: false, vouches: 0, threshold: 1 })).toBe(
			'Not yet vouched: your grant and votes unlock when 1 trusted member back you'
		);
	});

	it('counts vouches so far and what is missing', () => {
		const s = { isMember: true, trusted: false, vouches: 1, threshold: 3 };
		expect(standingHeadline(s)).toBe('Vouched by 1 of 3: your grant and votes unlock when 3 trusted members back you');
		expect(vouchesMissing(s)).toBe(2);
		expect(standingOf(s, 'Ada')).toBe('Ada is not trusted yet: vouched by 1 of the 3 trusted members needed');
	});

	it('says a trusted member is trusted, and nothing for a non-member', () => {
		const t = { isMember: true, trusted: true, vouches: 2, threshold: 2 };
		expect(standingHeadline(t)).toBe('You are trusted: your grant is minted and your votes count');
		expect(standingOf(t, 'Ben')).toBe('Ben is trusted: their votes count');
		expect(vouchesMissing(t)).toBe(0);
		expect(standingHeadline({ isMember: false, trusted: false, vouches: 0, threshold: 2 })).toBeNull();
	});
});

describe('ragequit share', () => {
	const unionToken: Address = '0x00000000000000000000000000000000000000aa';
	const weth: Address = '0x00000000000000000000000000000000000000Bb';
	const usdc: Address = '0x000000000000000000000000000000000000000c';

	it('pays amount / (total supply - timelock tokens) of ETH and each token, rounded down like mulDiv', () => {
		const s = exitShare(
			10n * E,
			{ totalSupply: 1030n * E, timelockUnionTokens: 1000n * E, eth: 1n * E, tokens: [{ address: weth, balance: 7n }] },
			unionToken
		);
		expect(s.memberSupply).toBe(30n * E);
		// 1 ETH * 10 / 30 = 0.333… ETH, floored to the wei
		expect(s.eth).toBe(333333333333333333n);
		// 7 wei * 10 / 30 = 2.33 → 2
		expect(s.tokens).toEqual([{ address: weth, share: 2n }]);
	});

	it('orders tokens by address value, drops duplicates and the union token, as ragequit requires', () => {
		expect(exitTokenList([weth, usdc, unionToken, weth.toLowerCase() as Address], unionToken)).toEqual([usdc, weth.toLowerCase()]);
		const s = exitShare(
			1n,
			{ totalSupply: 2n, timelockUnionTokens: 0n, eth: 0n, tokens: [{ address: weth, balance: 10n }, { address: usdc, balance: 4n }] },
			unionToken
		);
		expect(s.tokens.map((t) => t.address)).toEqual([usdc, weth]);
		expect(s.tokens.map((t) => t.share)).toEqual([2n, 5n]);
	});

	it('refuses a share when members hold nothing', () => {
		expect(() => exitShare(1n, { totalSupply: 5n, timelockUnionTokens: 5n, eth: 1n, tokens: [] }, unionToken)).toThrow(/Nothing is held/);
		expect(() => mulDivDown(1n, 1n, 0n)).toThrow();
	});

	it('blocks an exit for the contract’s reasons, in its order, and caps it by the snapshot votes', () => {
		const ok = { queued: true, isMember: true, votedFor: false, votesAtSnapshot: 10n * E, alreadyExited: 4n * E };
		expect(exitBlock(ok)).toBeNull();
		expect(exitAllowance(ok)).toBe(6n * E);
		expect(exitBlock({ ...ok, queued: false, isMember: false })).toBe('not-queued');
		expect(exitBlock({ ...ok, isMember: false, votedFor: true })).toBe('not-member');
		expect(exitBlock({ ...ok, votedFor: true })).toBe('voted-for');
		expect(exitBlock({ ...ok, votesAtSnapshot: 0n, alreadyExited: 0n })).toBe('no-votes-at-snapshot');
		expect(exitBlock({ ...ok, alreadyExited: 10n * E })).toBe('already-exited');
		for (const text of Object.values(EXIT_BLOCK_TEXT)) expect(text.length).toBeGreaterThan(10);
	});

	it('checks a typed amount against the allowance and the balance', () => {
		expect(exitAmountProblem(null, 5n, 5n)).toMatch(/Type an amount/);
		expect(exitAmountProblem(0n, 5n, 5n)).toMatch(/above zero/);
		expect(exitAmountProblem(6n, 5n, 9n)).toMatch(/more than the votes/);
		expect(exitAmountProblem(5n, 9n, 4n)).toMatch(/more than the tokens/);
		expect(exitAmountProblem(5n, 5n, 5n)).toBeNull();
	});
});

describe('votes that follow a leader', () => {
	it('subtracts the leader’s own tokens only when they are self-delegated', () => {
		expect(followedVotes({ votes: 30n, balance: 10n, selfDelegated: true })).toBe(20n);
		expect(followedVotes({ votes: 30n, balance: 10n, selfDelegated: false })).toBe(30n);
		expect(followedVotes({ votes: 10n, balance: 10n, selfDelegated: true })).toBe(0n);
	});
});

describe('invites kept in the browser', () => {
	const union: Address = '0x1111111111111111111111111111111111111111';
	const inviter: Address = '0x2222222222222222222222222222222222222222';
	const sig = `0x${'ab'.repeat(65)}` as const;
	const code = (nonce: bigint, deadline: bigint, who: Address = inviter) =>
		encodeInvite({
			chainId: 31337,
			union,
			invite: { inviter: who, invitee: '0x3333333333333333333333333333333333333333', claimKey: '0x0000000000000000000000000000000000000000', nonce, deadline },
			signature: sig,
			claimSecret: null
		});
	function memory(): KeyValue & { data: Map<string, string> } {
		const data = new Map<string, string>();
		return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
	}

	it('remembers, lists newest first and forgets by nonce', () => {
		const s = memory();
		rememberSent(s, union, inviter, code(1n, 100n), 1);
		rememberSent(s, union, inviter, code(2n, 200n), 2);
		expect(loadSent(s, union, inviter).map((x) => x.nonce)).toEqual([2n, 1n]);
		expect(forgetSent(s, union, inviter, 2n).map((x) => x.nonce)).toEqual([1n]);
		expect(loadSent(s, union, inviter).map((x) => x.nonce)).toEqual([1n]);
	});

	it('ignores damaged entries and links of another inviter', () => {
		const s = memory();
		rememberSent(s, union, inviter, code(1n, 100n));
		const k = [...s.data.keys()][0]!;
		const stored = JSON.parse(s.data.get(k)!) as unknown[];
		s.data.set(k, JSON.stringify([...stored, { code: 'broken', createdAt: 1 }, { code: code(9n, 100n, union), createdAt: 1 }, 7]));
		expect(loadSent(s, union, inviter).map((x) => x.nonce)).toEqual([1n]);
		s.data.set(k, '{not json');
		expect(loadSent(s, union, inviter)).toEqual([]);
	});

	it('counts as outstanding only what the chain has not closed and has not expired', () => {
		const s = memory();
		rememberSent(s, union, inviter, code(1n, 100n));
		rememberSent(s, union, inviter, code(2n, 300n));
		rememberSent(s, union, inviter, code(3n, 300n));
		const sent = loadSent(s, union, inviter); // 3, 2, 1
		expect(outstanding(sent, [false, true, false], 200n).map((x) => x.nonce)).toEqual([3n]);
	});
});

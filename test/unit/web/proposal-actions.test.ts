// The proposal-action registry: every kind the builder makes reads back from its calls into the same
// action and into words a voter understands; a call no kind reads is decoded by the app's ABIs, and
// one no ABI knows is shown raw with its target and value.
import { describe, expect, it } from 'vitest';
import { encodeFunctionData, parseEther, type Address } from 'viem';
import { callsFor, type ProposalAction } from '$lib/governance/calls';
import { ACTIONS, buildAction, builderKinds, decodeCall, describeAction, emptyActionForm } from '$lib/governance/actions';
import { describeCall, wordsFor } from '$lib/governance/decode';
import { escrowAbi } from '$lib/chain/abi/generated';
import { AdmissionRule } from '$lib/union/types';

const union: Address = '0x2222222222222222222222222222222222222222';
const token: Address = '0x1111111111111111111111111111111111111111';
const ben: Address = '0x3333333333333333333333333333333333333333';
const stranger: Address = '0x6666666666666666666666666666666666666666';
const crowdfund: Address = '0x4444444444444444444444444444444444444444';
const arbiters: Address = '0x5555555555555555555555555555555555555555';
const timelock: Address = '0x7777777777777777777777777777777777777777';
const governor: Address = '0x8888888888888888888888888888888888888888';
const escrow: Address = '0x9999999999999999999999999999999999999999';

const words = wordsFor({ union, token, symbol: 'TRU', timelock, governor, arbiters, crowdfund, escrow }, (a) =>
	a.toLowerCase() === ben ? 'Ben Okafor' : `${a.slice(0, 6)}…${a.slice(-4)}`
);
const read = (action: ProposalAction): string[] => callsFor(action).map((c) => describeCall(c, words).text);

describe('proposal actions', () => {
	it('top up the union’s gas sponsorship from the treasury, and read it back', () => {
		const paymaster: Address = '0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
		const withPaymaster = wordsFor({ union, token, symbol: 'TRU', timelock, governor, arbiters, crowdfund, escrow, paymaster }, () => '');
		const action: ProposalAction = { kind: 'sponsorTopUp', paymaster, union, amount: parseEther('2') };
		const [c] = callsFor(action);
		expect(c!.target).toBe(paymaster);
		expect(c!.value).toBe(parseEther('2'));
		expect(decodeCall(c!, withPaymaster)).toEqual(action);
		expect(describeCall(c!, withPaymaster).text).toBe('Pay 2 ETH from the treasury into the union’s gas sponsorship (members with no ETH act on it)');
		// without a paymaster in config.json the call reads as a raw one and the builder does not offer the kind
		expect(decodeCall(c!, words).kind).toBe('raw');
		const ctx = { union, token, symbol: 'TRU', arbiters: null, crowdfund: null, paymaster };
		expect(builderKinds(ctx).map((k) => k.kind)).toContain('sponsorTopUp');
		const built = buildAction('sponsorTopUp', { ...emptyActionForm(), amount: '0.5' }, { ...ctx, now: 0n, name: () => '' });
		expect(built.action).toEqual({ kind: 'sponsorTopUp', paymaster, union, amount: parseEther('0.5') });
	});

	it('say what a treasury payment does, with the payee’s profile name', () => {
		expect(read({ kind: 'pay', token, to: ben, amount: parseEther('200') })).toEqual(['Pay 200 TRU from the treasury to Ben Okafor']);
		expect(read({ kind: 'payEth', to: stranger, amount: parseEther('1.5') })).toEqual(['Pay 1.5 ETH from the treasury to 0x6666…6666']);
	});

	it('read every builder kind back from its calls into the same action', () => {
		const actions: ProposalAction[] = [
			{ kind: 'pay', token, to: ben, amount: 5n },
			{ kind: 'payEth', to: ben, amount: 5n },
			{ kind: 'admissionRule', union, rule: AdmissionRule.Approval },
			{ kind: 'charter', union, cid: 'bafkreiabc' },
			{ kind: 'approveApplicant', union, applicant: ben },
			{ kind: 'appointArbiter', arbiters, union, arbiter: ben },
			{ kind: 'removeArbiter', arbiters, union, arbiter: ben },
			{ kind: 'openRound', crowdfund, union, start: 1_800_000_000n, end: 1_802_592_000n }
		];
		for (const a of actions) {
			const [c] = callsFor(a);
			const back = decodeCall(c!, words);
			expect({ ...back, ...('to' in back ? { to: back.to.toLowerCase() } : {}) }).toEqual({ ...a, ...('to' in a ? { to: a.to.toLowerCase() } : {}) });
		}
		expect(read({ kind: 'admissionRule', union, rule: AdmissionRule.Approval })).toEqual(['Change the admission rule to “Approval — the steward approves requests”']);
		expect(read({ kind: 'charter', union, cid: 'bafkreiabc' })).toEqual(['Replace the charter with ipfs://bafkreiabc']);
		expect(read({ kind: 'appointArbiter', arbiters, union, arbiter: ben })).toEqual(['Appoint Ben Okafor as an arbiter']);
		expect(read({ kind: 'openRound', crowdfund, union, start: 1_800_000_000n, end: 1_802_592_000n })).toEqual([
			'Open a matching round for campaigns ending between 2027-01-15 and 2027-02-14'
		]);
	});

	it('read a round’s funding as its approval and its transfer', () => {
		expect(read({ kind: 'fundRound', crowdfund, token, roundId: 3n, amount: parseEther('50') })).toEqual([
			'Allow the crowdfunding contract to take 50 TRU from the treasury',
			'Add 50 TRU from the treasury to matching round #3'
		]);
	});

	it('decode an unknown call by the app’s ABIs, else show it raw', () => {
		const data = encodeFunctionData({ abi: escrowAbi, functionName: 'withdraw', args: [token] });
		expect(describeCall({ target: escrow, value: 0n, data }, words)).toEqual({ text: 'Call withdraw(token: the TRU token) on the escrow', how: 'abi' });
		expect(describeCall({ target: stranger, value: parseEther('1'), data: '0xdeadbeef00' }, words)).toEqual({
			text: 'Call 0x6666…6666, sending 1 ETH with calldata 0xdeadbeef00',
			how: 'raw'
		});
	});

	it('build from the form, offering only what this network has', () => {
		const ctx = { union, token, symbol: 'TRU', arbiters: null, crowdfund: null };
		expect(builderKinds(ctx).map((k) => k.kind)).toEqual(['pay', 'payEth', 'admissionRule', 'charter', 'approveApplicant', 'raw']);
		const built = buildAction('pay', { ...emptyActionForm(), amount: '123', to: ben }, { ...ctx, now: 0n, name: () => 'Ben' });
		expect(built.action).toEqual({ kind: 'pay', token, to: ben, amount: parseEther('123') });
		expect(built.summary).toBe('Pay 123 TRU from the treasury to Ben');
		expect(() => buildAction('pay', { ...emptyActionForm(), amount: '0', to: ben }, { ...ctx, now: 0n, name: () => '' })).toThrow('Enter an amount above zero');
		expect(ACTIONS.allowance.label).toBeNull();
		expect(describeAction({ kind: 'charter', union, cid: '' }, words)).toBe('Update the charter');
	});
});

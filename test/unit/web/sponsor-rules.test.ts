// The governance proposal kinds that change a union's gas sponsorship (issue 15): the budget and period
// (the paymaster's setRules) and which actions are covered (setAllowed, functions chosen by name). Each
// builds the exact calldata, reads back into the same action and into words, and refuses bad input with a
// sentence.
import { describe, expect, it } from 'vitest';
import { decodeFunctionData, encodeFunctionData, parseEther, toFunctionSelector, type Address } from 'viem';
import { callsFor, type ProposalAction } from '$lib/governance/calls';
import { TIMELOCK_CAN_BEFORE_HANDOVER, buildAction, builderKinds, decodeCall, emptyActionForm, type ActionFormValues } from '$lib/governance/actions';
import { describeCall, wordsFor } from '$lib/governance/decode';
import { unionPaymasterAbi } from '$lib/chain/abi/generated';
import { allowListChange, parseBudget, parsePeriodDays, sponsorableFunctions } from '$lib/sponsor/rules';

const union: Address = '0x2222222222222222222222222222222222222222';
const token: Address = '0x1111111111111111111111111111111111111111';
const crowdfund: Address = '0x4444444444444444444444444444444444444444';
const timelock: Address = '0x7777777777777777777777777777777777777777';
const governor: Address = '0x8888888888888888888888888888888888888888';
const demands: Address = '0x9999999999999999999999999999999999999999';
const paymaster: Address = '0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

const ctx = { union, token, symbol: 'TRU', arbiters: null, crowdfund, paymaster, governor, demands, courses: null };
const build = (kind: 'sponsorRules' | 'sponsorAllowed', form: Partial<ActionFormValues>) =>
	buildAction(kind, { ...emptyActionForm(), ...form }, { ...ctx, now: 0n, name: () => '' });
const words = wordsFor({ union, token, symbol: 'TRU', timelock, governor, arbiters: null, crowdfund, escrow: null, paymaster, demands }, () => 'someone');

describe('gas-sponsorship rules by proposal', () => {
	it('encode a budget change as the paymaster’s setRules(union, wei, seconds) and read it back', () => {
		const built = build('sponsorRules', { budget: '0.02', periodDays: '7' });
		expect(built.action).toEqual({ kind: 'sponsorRules', paymaster, union, budgetPerMember: parseEther('0.02'), period: 7 * 86_400 });
		const [c] = callsFor(built.action);
		expect(c).toEqual({
			target: paymaster,
			value: 0n,
			data: encodeFunctionData({ abi: unionPaymasterAbi, functionName: 'setRules', args: [union, parseEther('0.02'), 604_800] })
		});
		expect(decodeCall(c!, words)).toEqual(built.action);
		expect(built.summary).toBe('Pay each trusted member’s gas up to 0.02 ETH every 7 days');
		expect(describeCall(c!, words).text).toBe('Pay each trusted member’s gas up to 0.02 ETH every 7 days');
		expect(build('sponsorRules', { budget: '0', periodDays: '30' }).summary).toBe('Stop paying members’ gas (a budget of 0): every member pays their own');
	});

	it('encode an allow-list change with the functions chosen by name, and say it in words', () => {
		const built = build('sponsorAllowed', { sponsorContract: 'crowdfund', sponsorFunctions: ['pledge', 'pledgeWithPermit'], allow: true });
		const pledge = toFunctionSelector('function pledge(uint256,uint256)');
		const permit = toFunctionSelector('function pledgeWithPermit(uint256,uint256,uint256,uint8,bytes32,bytes32)');
		expect(built.action).toEqual({ kind: 'sponsorAllowed', paymaster, union, target: crowdfund, selectors: [pledge, permit], allowed: true });
		const [c] = callsFor(built.action);
		const d = decodeFunctionData({ abi: unionPaymasterAbi, data: c!.data });
		expect(d.functionName).toBe('setAllowed');
		expect(d.args).toEqual([union, crowdfund, [pledge, permit], true]);
		expect(decodeCall(c!, words)).toEqual(built.action);
		expect(describeCall(c!, words).text).toBe('Pay members’ gas for pledge to a campaign, pledge with a permit signature on crowdfunding');
		const off = build('sponsorAllowed', { sponsorContract: 'governor', sponsorFunctions: ['castVoteWithReason'], allow: false });
		expect(off.action).toMatchObject({ target: governor, allowed: false });
		expect(off.summary).toBe('Stop paying members’ gas for vote with a reason on the governor (votes)');
		expect(build('sponsorAllowed', { sponsorContract: 'demands', sponsorFunctions: ['commit', 'commit'] }).action).toMatchObject({
			target: demands,
			selectors: [toFunctionSelector('function commit(uint256,address,bytes)')]
		});
	});

	it('refuse bad input with a sentence', () => {
		expect(() => build('sponsorRules', { budget: '', periodDays: '30' })).toThrow('Enter the budget per member in ETH (0 turns sponsorship off)');
		expect(() => build('sponsorRules', { budget: '-1', periodDays: '30' })).toThrow('The budget must be an amount of ETH, such as 0.02, with at most 18 decimals');
		expect(() => build('sponsorRules', { budget: '0.0000000000000000001', periodDays: '30' })).toThrow('with at most 18 decimals');
		expect(() => parseBudget('1' + '0'.repeat(30))).toThrow('The budget is too large');
		expect(() => build('sponsorRules', { budget: '0.01', periodDays: '0' })).toThrow('The period must be a whole number of days, at least 1');
		expect(() => build('sponsorRules', { budget: '0.01', periodDays: '1.5' })).toThrow('whole number of days');
		expect(() => parsePeriodDays('50000')).toThrow('The period can be at most 49710 days');
		expect(() => build('sponsorAllowed', { sponsorContract: 'union', sponsorFunctions: [] })).toThrow('Choose at least one function');
		expect(() => build('sponsorAllowed', { sponsorContract: 'union', sponsorFunctions: ['leave'] })).toThrow(
			'leave is not a function the union can sponsor on the union (membership and backing)'
		);
		expect(() => build('sponsorAllowed', { sponsorContract: 'courses', sponsorFunctions: ['enrol'] })).toThrow('courses is not deployed on this network');
		expect(() => allowListChange('crowdfund', ['pledge'], { crowdfund: null })).toThrow('crowdfunding is not deployed on this network');
		const noPaymaster = { ...ctx, paymaster: null, now: 0n, name: () => '' };
		expect(() => buildAction('sponsorRules', { ...emptyActionForm(), budget: '1' }, noPaymaster)).toThrow('No gas-sponsorship paymaster on this network');
	});

	it('offer both kinds only where config.json names a paymaster, and let the timelock run them before the hand-over', () => {
		expect(builderKinds(ctx).map((k) => k.kind)).toEqual(expect.arrayContaining(['sponsorTopUp', 'sponsorRules', 'sponsorAllowed']));
		expect(builderKinds({ ...ctx, paymaster: null }).map((k) => k.kind)).not.toContain('sponsorRules');
		expect(TIMELOCK_CAN_BEFORE_HANDOVER.has('sponsorRules')).toBe(true);
		expect(TIMELOCK_CAN_BEFORE_HANDOVER.has('admissionRule')).toBe(false);
	});

	it('read another union’s setRules as a raw call, not as this union’s rule change', () => {
		const other: Address = '0x3333333333333333333333333333333333333333';
		const action: ProposalAction = { kind: 'sponsorRules', paymaster, union: other, budgetPerMember: 1n, period: 86_400 };
		expect(decodeCall(callsFor(action)[0]!, words).kind).toBe('raw');
	});

	it('name every sponsorable function in a member’s words', () => {
		expect(sponsorableFunctions('union').map((f) => f.label)).toEqual(['Back a member', 'Withdraw a back', 'Back and follow a member', 'Accept an invite']);
	});
});

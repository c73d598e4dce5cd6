// Proposal descriptions and the builder's call encoding: what the timelock will run is exactly what was built.
import { describe, expect, it } from 'vitest';
import { decodeFunctionData, erc20Abi, type Address } from 'viem';
import { callsFor, columns } from '../../../web/lib/governance/calls';
import { formatDescription, parseDescription } from '../../../web/lib/governance/description';
import { crowdfundAbi, unionAbi, unionArbitersAbi } from '../../../web/lib/chain/abi/generated';
import { duration, percent } from '../../../web/lib/ui/governance/time';

const token: Address = '0x1111111111111111111111111111111111111111';
const union: Address = '0x2222222222222222222222222222222222222222';
const to: Address = '0x3333333333333333333333333333333333333333';
const crowdfund: Address = '0x4444444444444444444444444444444444444444';
const arbiters: Address = '0x5555555555555555555555555555555555555555';

describe('proposal description', () => {
	it('round-trips title and body CID', () => {
		const d = formatDescription('  Pay Ada\nfor the site ', 'bafkreiabc');
		expect(d).toBe('Pay Ada for the site\n\nipfs://bafkreiabc');
		expect(parseDescription(d)).toEqual({ title: 'Pay Ada for the site', cid: 'bafkreiabc' });
	});

	it('reads foreign descriptions without a CID', () => {
		expect(parseDescription('# Plain markdown proposal\n\nbody')).toEqual({ title: 'Plain markdown proposal', cid: null });
		expect(parseDescription('').title).toBe('(untitled proposal)');
	});
});

describe('proposal calls', () => {
	it('pays from the treasury with a token transfer of exactly the amount', () => {
		const [c] = callsFor({ kind: 'pay', token, to, amount: 123n * 10n ** 18n });
		expect(c.target).toBe(token);
		expect(c.value).toBe(0n);
		const decoded = decodeFunctionData({ abi: erc20Abi, data: c.data });
		expect(decoded.functionName).toBe('transfer');
		expect(decoded.args).toEqual([to, 123n * 10n ** 18n]);
	});

	it('pays ETH as a plain value transfer', () => {
		expect(callsFor({ kind: 'payEth', to, amount: 5n })).toEqual([{ target: to, value: 5n, data: '0x' }]);
	});

	it('encodes steward actions against the union', () => {
		const [rule] = callsFor({ kind: 'admissionRule', union, rule: 2 });
		expect(decodeFunctionData({ abi: unionAbi, data: rule.data })).toMatchObject({ functionName: 'setAdmissionRule', args: [2] });
		const [charter] = callsFor({ kind: 'charter', union, cid: 'bafy' });
		expect(decodeFunctionData({ abi: unionAbi, data: charter.data })).toMatchObject({ functionName: 'setCharter', args: ['bafy'] });
		const [arb] = callsFor({ kind: 'removeArbiter', arbiters, union, arbiter: to });
		expect(arb.target).toBe(arbiters);
		expect(decodeFunctionData({ abi: unionArbitersAbi, data: arb.data })).toMatchObject({ functionName: 'remove', args: [union, to] });
	});

	it('funds a matching round with an approval followed by the transfer', () => {
		const calls = callsFor({ kind: 'fundRound', crowdfund, token, roundId: 3n, amount: 50n });
		expect(calls.map((c) => c.target)).toEqual([token, crowdfund]);
		expect(decodeFunctionData({ abi: erc20Abi, data: calls[0].data }).args).toEqual([crowdfund, 50n]);
		expect(decodeFunctionData({ abi: crowdfundAbi, data: calls[1].data })).toMatchObject({ functionName: 'fundRound', args: [3n, 50n] });
		expect(columns(calls).targets).toHaveLength(2);
	});
});

describe('time helpers', () => {
	it('words durations and clamps percentages', () => {
		expect(duration(90_000)).toBe('1 d 1 h');
		expect(duration(61)).toBe('1 min 1 s');
		expect(duration(-5)).toBe('0 s');
		expect(percent(1n, 3n)).toBe(33.3);
		expect(percent(5n, 2n)).toBe(100);
		expect(percent(0n, 0n)).toBe(0);
	});
});

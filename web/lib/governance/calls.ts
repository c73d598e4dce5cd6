// The proposal builder's actions as calls for the timelock to run. Pure encoding (no chain access), so the
// builder page can show exactly what will execute before anyone signs.
import { encodeFunctionData, erc20Abi, type Address, type Hex } from 'viem';
import { crowdfundAbi, unionAbi, unionArbitersAbi } from '../chain/abi/generated';
import type { AdmissionRule } from '../union/types';

export interface Call {
	target: Address;
	value: bigint;
	data: Hex;
}

export type ProposalAction =
	| { kind: 'pay'; token: Address; to: Address; amount: bigint }
	| { kind: 'payEth'; to: Address; amount: bigint }
	| { kind: 'admissionRule'; union: Address; rule: AdmissionRule }
	| { kind: 'charter'; union: Address; cid: string }
	| { kind: 'approveApplicant'; union: Address; applicant: Address }
	| { kind: 'appointArbiter' | 'removeArbiter'; arbiters: Address; union: Address; arbiter: Address }
	| { kind: 'openRound'; crowdfund: Address; union: Address; start: bigint; end: bigint }
	| { kind: 'fundRound'; crowdfund: Address; token: Address; roundId: bigint; amount: bigint }
	| { kind: 'raw'; target: Address; value: bigint; data: Hex };

export type ActionKind = ProposalAction['kind'];

/** The calls one action needs (funding a round is an approval plus the transfer). */
export function callsFor(action: ProposalAction): Call[] {
	switch (action.kind) {
		case 'pay':
			return [call(action.token, encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [action.to, action.amount] }))];
		case 'payEth':
			return [{ target: action.to, value: action.amount, data: '0x' }];
		case 'admissionRule':
			return [call(action.union, encodeFunctionData({ abi: unionAbi, functionName: 'setAdmissionRule', args: [action.rule] }))];
		case 'charter':
			return [call(action.union, encodeFunctionData({ abi: unionAbi, functionName: 'setCharter', args: [action.cid] }))];
		case 'approveApplicant':
			return [call(action.union, encodeFunctionData({ abi: unionAbi, functionName: 'approve', args: [action.applicant] }))];
		case 'appointArbiter':
			return [call(action.arbiters, encodeFunctionData({ abi: unionArbitersAbi, functionName: 'appoint', args: [action.union, action.arbiter] }))];
		case 'removeArbiter':
			return [call(action.arbiters, encodeFunctionData({ abi: unionArbitersAbi, functionName: 'remove', args: [action.union, action.arbiter] }))];
		case 'openRound':
			return [
				call(
					action.crowdfund,
					encodeFunctionData({ abi: crowdfundAbi, functionName: 'openRound', args: [action.union, Number(action.start), Number(action.end)] })
				)
			];
		case 'fundRound':
			return [
				call(action.token, encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [action.crowdfund, action.amount] })),
				call(action.crowdfund, encodeFunctionData({ abi: crowdfundAbi, functionName: 'fundRound', args: [action.roundId, action.amount] }))
			];
		case 'raw':
			return [{ target: action.target, value: action.value, data: action.data }];
	}
}

function call(target: Address, data: Hex): Call {
	return { target, value: 0n, data };
}

/** Columns the governor's propose/queue/execute take. */
export function columns(calls: readonly Call[]): { targets: Address[]; values: bigint[]; calldatas: Hex[] } {
	return { targets: calls.map((c) => c.target), values: calls.map((c) => c.value), calldatas: calls.map((c) => c.data) };
}

// The proposal builder's actions as calls for the timelock to run. Pure encoding (no chain access), so the
// builder page can show exactly what will execute before anyone signs. Each kind's encoding, decoding
// and words live in its registry entry (actions.ts).
import type { Address, Hex } from 'viem';
import type { AdmissionRule } from '../union/types';
import { encodeAction } from './actions';

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
	| { kind: 'appointArbiter'; arbiters: Address; union: Address; arbiter: Address }
	| { kind: 'removeArbiter'; arbiters: Address; union: Address; arbiter: Address }
	| { kind: 'openRound'; crowdfund: Address; union: Address; start: bigint; end: bigint }
	| { kind: 'fundRound'; crowdfund: Address; token: Address; roundId: bigint; amount: bigint }
	/** Read back only: the approval a fundRound puts before its transfer. */
	| { kind: 'allowance'; token: Address; spender: Address; amount: bigint }
	| { kind: 'sponsorTopUp'; paymaster: Address; union: Address; amount: bigint }
	/** The paymaster's setRules: wei of gas per member per period (0: off). */
	| { kind: 'sponsorRules'; paymaster: Address; union: Address; budgetPerMember: bigint; period: number }
	/** The paymaster's setAllowed: which functions of one contract are sponsored. */
	| { kind: 'sponsorAllowed'; paymaster: Address; union: Address; target: Address; selectors: Hex[]; allowed: boolean }
	| { kind: 'raw'; target: Address; value: bigint; data: Hex };

export type ActionKind = ProposalAction['kind'];

/** The calls one action needs (funding a round is an approval plus the transfer); see actions.ts. */
export function callsFor(action: ProposalAction): Call[] {
	return encodeAction(action);
}

/** Columns the governor's propose/queue/execute take. */
export function columns(calls: readonly Call[]): { targets: Address[]; values: bigint[]; calldatas: Hex[] } {
	return { targets: calls.map((c) => c.target), values: calls.map((c) => c.value), calldatas: calls.map((c) => c.data) };
}

// Enums mirrored from Union.sol (their numeric values are the ABI encoding).

export enum AdmissionRule {
	Open = 0,
	Invite = 1,
	Approval = 2
}

export enum JoinPath {
	Founder = 0,
	Open = 1,
	Invite = 2,
	Approval = 3
}

export const ADMISSION_LABELS: Readonly<Record<AdmissionRule, string>> = {
	[AdmissionRule.Open]: 'Open — anyone can join',
	[AdmissionRule.Invite]: 'Invite — members invite new members',
	[AdmissionRule.Approval]: 'Approval — the steward approves requests'
};

export function admissionRuleFrom(n: number): AdmissionRule {
	if (n === 0 || n === 1 || n === 2) return n;
	throw new Error(`Unknown admission rule ${n}`);
}

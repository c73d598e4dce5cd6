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
	Approval = 3,
	FoundingMember = 4
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

/** Mirrors `Union.TrustParams`: vouches that trust a newcomer, and each member's invite quota per period. */
export interface TrustParams {
	vouchThreshold: number;
	inviteQuota: number;
	/** Seconds. */
	invitePeriod: bigint;
}

/** A new union's trust settings: one trusted member's vouch (or invite) trusts a newcomer — the founder starts
 * alone — and each member may have 5 invites redeemed per 30 days. The steward can raise the threshold as the
 * union grows. */
export const DEFAULT_TRUST: TrustParams = { vouchThreshold: 1, inviteQuota: 5, invitePeriod: 30n * 86400n };

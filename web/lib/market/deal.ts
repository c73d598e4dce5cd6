// Pure rules of the deal page: status names and which actions the connected account may take now.
// Mirrors the checks in contracts/src/economy/Escrow.sol so the page offers only calls that can pass.

export const DEAL_STATUS = ['None', 'Proposed', 'Active', 'Declined', 'Reclaimed', 'Cancelled', 'Completed'] as const;
export const MILESTONE_STATUS = ['Pending', 'Delivered', 'Released', 'Claimed', 'Refunded', 'Disputed', 'Resolved'] as const;
export type DealStatusName = (typeof DEAL_STATUS)[number];
export type MilestoneStatusName = (typeof MILESTONE_STATUS)[number];

export interface DealFacts {
	status: DealStatusName;
	client: string;
	provider: string;
	acceptBy: number;
	reviewPeriod: number;
	/** 0 none, 1 client, 2 provider. */
	cancelProposedBy: number;
	/** Until when a pending cancel proposal may be confirmed (a delivery, settlement or dispute clears it). */
	cancelExpiresAt: number;
}

/** Who proposed a cancel that can still be confirmed at `now` (0: none, or it expired). */
export function liveCancelProposer(deal: DealFacts, now: number): number {
	return deal.cancelProposedBy !== 0 && now <= deal.cancelExpiresAt ? deal.cancelProposedBy : 0;
}

export interface MilestoneFacts {
	status: MilestoneStatusName;
	due: number;
	deliveredAt: number;
}

export type DealActionName = 'accept' | 'decline' | 'reclaimUnaccepted' | 'proposeCancel' | 'withdrawCancelProposal' | 'confirmCancel';
export type MilestoneActionName = 'markDelivered' | 'release' | 'claim' | 'refundOverdue' | 'openDispute';

export type Role = 'client' | 'provider' | 'other';

export function roleOf(deal: DealFacts, account: string | null): Role {
	const a = account?.toLowerCase();
	if (a && a === deal.client.toLowerCase()) return 'client';
	if (a && a === deal.provider.toLowerCase()) return 'provider';
	return 'other';
}

/** Deal-level actions open to `role` at chain time `now`. */
export function dealActions(deal: DealFacts, role: Role, now: number): DealActionName[] {
	const out: DealActionName[] = [];
	if (deal.status === 'Proposed') {
		if (role === 'provider' && now <= deal.acceptBy) out.push('accept');
		if (role === 'provider') out.push('decline');
		if (role === 'client' && now > deal.acceptBy) out.push('reclaimUnaccepted');
	}
	if (deal.status === 'Active' && role !== 'other') {
		const mine = role === 'client' ? 1 : 2;
		const proposer = liveCancelProposer(deal, now);
		if (proposer === 0) out.push('proposeCancel');
		else if (proposer === mine) out.push('withdrawCancelProposal');
		else out.push('confirmCancel');
	}
	return out;
}

/** Milestone actions open to `role` at chain time `now` (deal must be Active). */
export function milestoneActions(deal: DealFacts, m: MilestoneFacts, role: Role, now: number): MilestoneActionName[] {
	if (deal.status !== 'Active' || role === 'other') return [];
	const out: MilestoneActionName[] = [];
	const reviewEnds = m.deliveredAt + deal.reviewPeriod;
	if (m.status === 'Pending') {
		if (role === 'provider') out.push('markDelivered');
		if (role === 'client') out.push('release');
		if (role === 'client' && now > m.due) out.push('refundOverdue');
		if (now > m.due) out.push('openDispute');
	} else if (m.status === 'Delivered') {
		if (role === 'client') out.push('release');
		if (role === 'provider' && now >= reviewEnds) out.push('claim');
		if (role === 'provider' || now < reviewEnds) out.push('openDispute');
	}
	return out;
}

export const ACTION_LABELS: Record<DealActionName | MilestoneActionName, string> = {
	accept: 'Accept the deal',
	decline: 'Decline (full refund to the client)',
	reclaimUnaccepted: 'Reclaim (not accepted in time)',
	proposeCancel: 'Propose to cancel',
	withdrawCancelProposal: 'Withdraw my cancel proposal',
	confirmCancel: 'Agree to cancel',
	markDelivered: 'Mark delivered',
	release: 'Release payment',
	claim: 'Claim (review period over)',
	refundOverdue: 'Refund (overdue)',
	openDispute: 'Open a dispute'
};

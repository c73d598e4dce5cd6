// A deal as the form holds it (milestones, acceptance window, review period, all as typed), its
// problems, and the OpenDealInput it becomes. The limits mirror Escrow.sol (MAX_MILESTONES,
// MIN/MAX_REVIEW_PERIOD); the acceptance window and due dates are the app's own bounds.
import type { Address } from 'viem';
import { parseTokenAmount } from '$lib/chain/amounts';
import type { MilestoneDraft, OpenDealInput } from './openDeal';

export const DEAL_LIMITS = {
	/** Escrow.MAX_MILESTONES. */
	maxMilestones: 20,
	/** Escrow.MIN_REVIEW_PERIOD / MAX_REVIEW_PERIOD, in days. */
	reviewDays: { min: 1, max: 60 },
	acceptDays: { min: 1, max: 90 },
	dueDays: { min: 1, max: 3650 }
} as const;

const DAY = 86_400n;

export interface DealRow {
	amount: string;
	dueDays: string;
	description: string;
}

export interface DealDraft {
	provider: string;
	rows: DealRow[];
	acceptDays: string;
	reviewDays: string;
}

export function newDealDraft(provider: string, amount: string, days: number, title: string): DealDraft {
	return { provider, rows: [{ amount, dueDays: String(days), description: title }], acceptDays: '3', reviewDays: '3' };
}

export function isDealDraft(v: unknown): v is DealDraft {
	if (typeof v !== 'object' || v === null) return false;
	const d = v as Record<string, unknown>;
	return typeof d.provider === 'string' && Array.isArray(d.rows) && typeof d.acceptDays === 'string' && typeof d.reviewDays === 'string';
}

/** A new milestone row, due when the last one is. */
export function nextRow(d: DealDraft): DealRow {
	return { amount: '', dueDays: d.rows.at(-1)?.dueDays ?? '7', description: '' };
}

export function canAddMilestone(d: DealDraft): boolean {
	return d.rows.length < DEAL_LIMITS.maxMilestones;
}

/** Everything the deal would escrow. */
export function dealTotal(d: DealDraft): bigint {
	return d.rows.reduce((s, r) => s + (parseTokenAmount(r.amount) ?? 0n), 0n);
}

const within = (text: string, { min, max }: { min: number; max: number }): boolean => {
	const n = Number(text);
	return Number.isInteger(n) && n >= min && n <= max;
};

/** What stops the deal from being opened by `account`, as sentences (empty = ready). */
export function dealDraftProblems(d: DealDraft, account: string | null): string[] {
	const p: string[] = [];
	const { maxMilestones, dueDays, acceptDays, reviewDays } = DEAL_LIMITS;
	if (!/^0x[0-9a-fA-F]{40}$/.test(d.provider.trim())) p.push('Enter the provider’s address');
	else if (account && d.provider.trim().toLowerCase() === account.toLowerCase()) p.push('You cannot hire yourself');
	if (d.rows.length === 0 || d.rows.length > maxMilestones) p.push(`A deal has 1 to ${maxMilestones} milestones`);
	d.rows.forEach((r, i) => {
		const a = parseTokenAmount(r.amount);
		if (a === null || a === 0n) p.push(`Milestone ${i + 1}: enter an amount`);
		if (!within(r.dueDays, dueDays)) p.push(`Milestone ${i + 1}: due in ${dueDays.min} to ${dueDays.max} days`);
	});
	if (!within(d.acceptDays, acceptDays)) p.push(`The provider has ${acceptDays.min} to ${acceptDays.max} days to accept`);
	if (!within(d.reviewDays, reviewDays)) p.push(`The review period is ${reviewDays.min} to ${reviewDays.max} days`);
	return p;
}

/** The deal to open, with days counted from `now` (chain time) and each milestone's description CID. */
export function dealInput(union: Address, listing: string, d: DealDraft, now: bigint, descriptionCids: readonly string[]): OpenDealInput {
	const milestones: MilestoneDraft[] = d.rows.map((r, i) => ({
		amount: parseTokenAmount(r.amount) ?? 0n,
		due: now + BigInt(Number(r.dueDays)) * DAY,
		descriptionCid: descriptionCids[i] ?? ''
	}));
	return {
		union,
		provider: d.provider.trim() as Address,
		listing,
		acceptBy: now + BigInt(Number(d.acceptDays)) * DAY,
		reviewPeriod: BigInt(Number(d.reviewDays)) * DAY,
		milestones
	};
}

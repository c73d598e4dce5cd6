// The market forms' rules, written once in the feature: a listing draft's problems and content, and
// a deal draft's problems (Escrow's limits) and the deal it becomes.
import { describe, expect, it } from 'vitest';
import { draftFromListing, emptyListingDraft, isListingDraft, listingDraftProblems, serviceFromDraft } from '$lib/market/listingDraft';
import { LISTING_TAGS_MAX, LISTING_TITLE_MAX } from '$lib/market/schema';
import { serviceProblem, normaliseService } from '$lib/market/validate';
import { DEAL_LIMITS, dealDraftProblems, dealInput, dealTotal, newDealDraft } from '$lib/market/dealDraft';

const UNION = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const;
const BOB = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc';

describe('listing draft', () => {
	const draft = { ...emptyListingDraft(), title: 'Rota design', amount: '4.5', days: '3', tags: 'Rota, planning, rota' };

	it('becomes schema-valid service content with tags parsed once', () => {
		expect(listingDraftProblems('service', draft)).toEqual([]);
		const content = serviceFromDraft(UNION, draft, 'open');
		expect(content.tags).toEqual(['rota', 'planning']);
		expect(serviceProblem(normaliseService(content))).toBeNull();
		expect(draftFromListing('service', content)).toMatchObject({ title: 'Rota design', amount: '4.5', days: '3', tags: 'rota, planning' });
	});

	it('names problems in the schema’s own limits', () => {
		const p = listingDraftProblems('service', { ...draft, title: 'x'.repeat(LISTING_TITLE_MAX + 1), days: '0', tags: Array.from({ length: LISTING_TAGS_MAX + 1 }, (_, i) => `t${i}`).join(',') });
		expect(p).toEqual([`The title can be at most ${LISTING_TITLE_MAX} characters`, 'Delivery time must be 1 to 365 days', `At most ${LISTING_TAGS_MAX} tags`]);
		expect(listingDraftProblems('job', { ...emptyListingDraft(), title: 'Editor' })).toEqual(['Enter the pay in union tokens']);
	});

	it('recognises only stored drafts of its shape', () => {
		expect(isListingDraft(draft)).toBe(true);
		expect(isListingDraft({ title: 'x' })).toBe(false);
	});
});

describe('deal draft', () => {
	const draft = newDealDraft(BOB, '10', 7, 'Design');

	it('opens with Escrow’s limits', () => {
		expect(dealDraftProblems(draft, null)).toEqual([]);
		expect(dealDraftProblems(draft, BOB)).toEqual(['You cannot hire yourself']);
		const many = { ...draft, rows: Array.from({ length: DEAL_LIMITS.maxMilestones + 1 }, () => draft.rows[0]!) };
		expect(dealDraftProblems(many, null)).toContain('A deal has 1 to 20 milestones');
		expect(dealDraftProblems({ ...draft, reviewDays: '61' }, null)).toEqual(['The review period is 1 to 60 days']);
	});

	it('counts days from chain time', () => {
		const input = dealInput(UNION, 'listing-1', { ...draft, rows: [...draft.rows, { amount: '2.5', dueDays: '14', description: '' }] }, 1000n, ['cid-a', '']);
		expect(dealTotal({ ...draft, rows: [...draft.rows, { amount: '2.5', dueDays: '14', description: '' }] })).toBe(12_500_000_000_000_000_000n);
		expect(input.acceptBy).toBe(1000n + 3n * 86_400n);
		expect(input.reviewPeriod).toBe(3n * 86_400n);
		expect(input.milestones.map((m) => [m.amount, m.due, m.descriptionCid])).toEqual([
			[10_000_000_000_000_000_000n, 1000n + 7n * 86_400n, 'cid-a'],
			[2_500_000_000_000_000_000n, 1000n + 14n * 86_400n, '']
		]);
	});
});

describe('crowdfunding form rules', async () => {
	const { campaignProblems, pledgeProblem, MAX_GOAL } = await import('$lib/fund/limits');
	it('name what stops a pledge', () => {
		expect(pledgeProblem('', { isMember: true, balance: 0n }, 'TRU')).toBeNull();
		expect(pledgeProblem('0', null, 'TRU')).toBe('Enter an amount above zero');
		expect(pledgeProblem('5', { isMember: false, balance: 10n ** 20n }, 'TRU')).toBe('Only members of this union can pledge');
		expect(pledgeProblem('5', { isMember: true, balance: 10n ** 18n }, 'TRU')).toBe('You have only 1 TRU');
	});
	it('name what stops a campaign’s terms', () => {
		const ok = { recipient: BOB, goal: 10n, days: 30, roundId: '0', joinable: [] };
		expect(campaignProblems(ok)).toEqual([]);
		expect(campaignProblems({ ...ok, recipient: 'x', goal: MAX_GOAL + 1n, days: 400, roundId: '2' })).toEqual([
			'The recipient must be an address (0x…)',
			'The goal is larger than a campaign can hold (79 billion tokens)',
			'The campaign must run between a moment and 365 days',
			'This deadline does not fall inside the chosen matching round'
		]);
	});
});

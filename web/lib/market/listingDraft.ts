// A listing as the form holds it (every field as typed), its problems in the listing's own limits
// (market/schema.ts), and the document content it becomes. The form renders these fields and calls
// these functions; a new listing field is added here, in types.ts, schema.ts and the form's input.
import type { Address } from 'viem';
import { parseTokenAmount } from '$lib/chain/amounts';
import {
	LISTING_APPLY_MAX,
	LISTING_DELIVERY_DAYS_MAX,
	LISTING_DELIVERY_DAYS_MIN,
	LISTING_TAG_MAX,
	LISTING_TAGS_MAX,
	LISTING_TEXT_MAX,
	LISTING_TITLE_MAX
} from './schema';
import type { JobContent, ListingKind, ListingStatus, ServiceContent } from './types';
import { parseTags } from './validate';

export interface ListingDraft {
	title: string;
	description: string;
	amount: string;
	days: string;
	tags: string;
	howToApply: string;
}

const FIELDS = ['title', 'description', 'amount', 'days', 'tags', 'howToApply'] as const satisfies readonly (keyof ListingDraft)[];

export function emptyListingDraft(): ListingDraft {
	return { title: '', description: '', amount: '', days: '7', tags: '', howToApply: '' };
}

/** A stored draft of the right shape (drafts outlive releases of the form). */
export function isListingDraft(v: unknown): v is ListingDraft {
	if (typeof v !== 'object' || v === null) return false;
	const d = v as Record<string, unknown>;
	return FIELDS.every((k) => typeof d[k] === 'string');
}

export function draftFromListing(kind: ListingKind, content: ServiceContent | JobContent): ListingDraft {
	if (kind === 'service') {
		const c = content as ServiceContent;
		return { title: c.title, description: c.description ?? '', amount: c.price, days: String(c.deliveryDays), tags: (c.tags ?? []).join(', '), howToApply: '' };
	}
	const c = content as JobContent;
	return { title: c.role, description: c.description ?? '', amount: c.pay, days: '', tags: '', howToApply: c.howToApply ?? '' };
}

/** What stops the draft from being published, as sentences (empty = publishable). */
export function listingDraftProblems(kind: ListingKind, d: ListingDraft): string[] {
	const p: string[] = [];
	if (!d.title.trim()) p.push(kind === 'service' ? 'Enter a title' : 'Enter the role');
	if ([...d.title.trim()].length > LISTING_TITLE_MAX) p.push(`The title can be at most ${LISTING_TITLE_MAX} characters`);
	if ([...d.description].length > LISTING_TEXT_MAX) p.push(`The description can be at most ${LISTING_TEXT_MAX} characters`);
	const amount = parseTokenAmount(d.amount);
	if (amount === null || amount === 0n) p.push(kind === 'service' ? 'Enter a price in union tokens' : 'Enter the pay in union tokens');
	if (kind === 'service') {
		const days = Number(d.days);
		if (!Number.isInteger(days) || days < LISTING_DELIVERY_DAYS_MIN || days > LISTING_DELIVERY_DAYS_MAX)
			p.push(`Delivery time must be ${LISTING_DELIVERY_DAYS_MIN} to ${LISTING_DELIVERY_DAYS_MAX} days`);
		const tags = parseTags(d.tags);
		if (tags.length > LISTING_TAGS_MAX) p.push(`At most ${LISTING_TAGS_MAX} tags`);
		if (tags.some((t) => t.length > LISTING_TAG_MAX)) p.push(`A tag can be at most ${LISTING_TAG_MAX} characters`);
	}
	if ([...d.howToApply].length > LISTING_APPLY_MAX) p.push(`“How to apply” can be at most ${LISTING_APPLY_MAX} characters`);
	return p;
}

export function serviceFromDraft(union: Address, d: ListingDraft, status: ListingStatus): ServiceContent {
	return { union, title: d.title, description: d.description, price: d.amount.trim(), deliveryDays: Number(d.days), tags: parseTags(d.tags), status };
}

export function jobFromDraft(union: Address, d: ListingDraft, status: ListingStatus): JobContent {
	return { union, role: d.title, description: d.description, pay: d.amount.trim(), howToApply: d.howToApply, status };
}

/** The limits the form shows beside its inputs. */
export const LISTING_LIMITS = { titleMax: LISTING_TITLE_MAX, textMax: LISTING_TEXT_MAX, tagsMax: LISTING_TAGS_MAX } as const;

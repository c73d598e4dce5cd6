// Shapes of market listings as the app uses them: the document content plus where it came from.
import type { Address } from 'viem';

export type ListingKind = 'service' | 'job';
export type ListingStatus = 'open' | 'closed';

export interface ServiceContent {
	union: Address;
	title: string;
	description?: string;
	/** Whole union tokens, as typed ("25", "0.5"). */
	price: string;
	deliveryDays: number;
	tags?: string[];
	status: ListingStatus;
}

export interface JobContent {
	union: Address;
	role: string;
	description?: string;
	/** Whole union tokens, as typed. */
	pay: string;
	howToApply?: string;
	status: ListingStatus;
}

export interface Listing<T> {
	/** Ceramic stream id: the reference a deal records as its `listing`. */
	id: string;
	/** The author (controller of the document), lower-case. */
	author: Address;
	content: T;
}

export interface ListingsRead<T> {
	listings: Listing<T>[];
	/** Documents skipped because they do not match the schema, with the reason. */
	skipped: Array<{ id: string; problem: string }>;
}

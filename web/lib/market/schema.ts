// Market listings: services members offer and jobs members post, one Ceramic ModelInstanceDocument
// each (accountRelation LIST: an author has many), controlled by the author's did:pkh. The union is a
// field, so one pair of models serves every union. Dependency-free: imported by the stack (model
// creation) and the web app (validation on read and before write).

import { addressProperty, objectSchema, modelDefinition } from '../ceramic/model';

export const LISTING_TITLE_MAX = 120;
export const LISTING_TEXT_MAX = 4000;
export const LISTING_TAGS_MAX = 8;
export const LISTING_TAG_MAX = 32;
export const LISTING_APPLY_MAX = 1000;
export const LISTING_DELIVERY_DAYS_MIN = 1;
export const LISTING_DELIVERY_DAYS_MAX = 365;

/** A token amount in whole tokens, as people type it ("25", "0.5"); at most 18 decimals. */
const amountSchema = { type: 'string', pattern: '^[0-9]{1,30}(\\.[0-9]{1,18})?$', maxLength: 50 } as const;
const statusSchema = { type: 'string', enum: ['open', 'closed'] } as const;

export const serviceSchema = objectSchema(
	{
		union: addressProperty,
		title: { type: 'string', minLength: 1, maxLength: LISTING_TITLE_MAX },
		description: { type: 'string', maxLength: LISTING_TEXT_MAX },
		price: amountSchema,
		deliveryDays: { type: 'integer', minimum: LISTING_DELIVERY_DAYS_MIN, maximum: LISTING_DELIVERY_DAYS_MAX },
		tags: { type: 'array', maxItems: LISTING_TAGS_MAX, items: { type: 'string', minLength: 1, maxLength: LISTING_TAG_MAX } },
		status: statusSchema
	},
	['union', 'title', 'price', 'deliveryDays', 'status']
);

export const jobSchema = objectSchema(
	{
		union: addressProperty,
		role: { type: 'string', minLength: 1, maxLength: LISTING_TITLE_MAX },
		description: { type: 'string', maxLength: LISTING_TEXT_MAX },
		pay: amountSchema,
		howToApply: { type: 'string', maxLength: LISTING_APPLY_MAX },
		status: statusSchema
	},
	['union', 'role', 'pay', 'status']
);

export const serviceModelDefinition = modelDefinition(
	'NetworkUnionService',
	'A service a union member offers, priced in the union token.',
	'list',
	serviceSchema
);

export const jobModelDefinition = modelDefinition(
	'NetworkUnionJob',
	'A job a union member posts, paid in the union token.',
	'list',
	jobSchema
);

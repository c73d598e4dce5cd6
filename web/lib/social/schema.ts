// Posts and replies: Ceramic ModelInstanceDocuments (accountRelation LIST) under the author's DID.
// Single source of truth for the Model streams the local node creates
// (scripts/stack/ceramic/models.ts) and for the web app's validation on read (../validate.ts), so
// this file stays dependency-free and importable in both the browser and Node.
//
// `union` and `author` are lower-case 0x addresses stored in the content so that the node's index
// can filter on them (`queryFilters`); `author` repeats the controller's address (did:pkh) and a
// document whose author differs from its controller is rejected on read. Ceramic documents cannot be
// removed: deleting sets `deleted: true` and empties the text, and feeds hide such tombstones.

import { objectSchema, modelDefinition } from '../ceramic/model';

export const POST_TITLE_MAX = 140;
export const POST_BODY_MAX = 10_000;
export const POST_IMAGES_MAX = 4;
export const REPLY_BODY_MAX = 4_000;
export const CID_MAX = 128;

const address = { type: 'string', pattern: '^0x[0-9a-f]{40}$' } as const;
const timestamp = { type: 'string', format: 'date-time', maxLength: 40 } as const;

/** JSON Schema (draft 2020-12) as Ceramic checks it: ajv in strict mode with ajv-formats. */
export const postSchema = objectSchema(
	{
		union: address,
		author: address,
		title: { type: 'string', maxLength: POST_TITLE_MAX },
		// Empty only on a tombstone; the writer refuses an empty live post.
		body: { type: 'string', maxLength: POST_BODY_MAX },
		images: { type: 'array', maxItems: POST_IMAGES_MAX, items: { type: 'string', minLength: 1, maxLength: CID_MAX } },
		createdAt: timestamp,
		editedAt: timestamp,
		deleted: { type: 'boolean' }
	},
	['union', 'author', 'body', 'images', 'createdAt']
);

export const replySchema = objectSchema(
	{
		// Stream id of the post replied to (a `document` relation: Ceramic checks it is a post).
		post: { type: 'string', minLength: 1, maxLength: 100 },
		union: address,
		author: address,
		body: { type: 'string', maxLength: REPLY_BODY_MAX },
		createdAt: timestamp,
		editedAt: timestamp,
		deleted: { type: 'boolean' }
	},
	['post', 'union', 'author', 'body', 'createdAt']
);

/** The post Model stream's content (ModelDefinition v1). Any change here makes a different model. */
export const postModelDefinition = modelDefinition(
	'NetworkUnionPost',
	'A post in a Network Union feed: markdown body, optional title, images as IPFS CIDs.',
	'list',
	postSchema
);

/** The reply model points at the post model, so it is built from the post model's stream id. */
export function replyModelDefinition(postModel: string) {
	return {
		...modelDefinition('NetworkUnionReply', 'A reply to a Network Union post.', 'list', replySchema),
		relations: { post: { type: 'document', model: postModel } }
	} as const;
}

// The member profile: one Ceramic ModelInstanceDocument per account (accountRelation SINGLE).
// Single source of truth for the Model stream the local node creates
// (scripts/stack/ceramic/models.ts) and for the web app's validation (../validate.ts), so this
// file stays dependency-free and importable in both the browser and Node.

import { objectSchema, modelDefinition } from '../ceramic/model';

export const PROFILE_NAME_MAX = 80;
export const PROFILE_BIO_MAX = 1000;
export const PROFILE_LINKS_MAX = 8;
export const PROFILE_AVATAR_CID_MAX = 128;
export const PROFILE_LINK_MAX = 2000;

/** JSON Schema (draft 2020-12) as Ceramic checks it: ajv in strict mode with ajv-formats. */
export const profileSchema = objectSchema(
	{
		name: { type: 'string', minLength: 1, maxLength: PROFILE_NAME_MAX },
		bio: { type: 'string', maxLength: PROFILE_BIO_MAX },
		avatarCid: { type: 'string', minLength: 1, maxLength: PROFILE_AVATAR_CID_MAX },
		links: {
			type: 'array',
			maxItems: PROFILE_LINKS_MAX,
			items: { type: 'string', format: 'uri', maxLength: PROFILE_LINK_MAX }
		}
	},
	['name']
);

/** The Model stream's content (ModelDefinition v1). Any change here makes a different model. */
export const profileModelDefinition = modelDefinition(
	'NetworkUnionProfile',
	'A Network Union member profile: display name, bio, avatar (IPFS CID) and links.',
	'single',
	profileSchema
);

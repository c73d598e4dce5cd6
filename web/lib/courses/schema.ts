// A course manifest: one Ceramic ModelInstanceDocument per course (accountRelation LIST: an author
// may write many). The lesson files live in ONE UnixFS directory on IPFS (`contentCid`); the
// manifest says which paths are lessons, in order, and of what kind. Every earlier directory CID is
// kept in `previousVersions`, so old versions stay readable (the Courses contract's
// CourseVersionPublished events carry them too). Dependency-free: imported by the stack (Node)
// and the web app.

import { addressProperty, objectSchema, modelDefinition } from '../ceramic/model';

export const COURSE_TITLE_MAX = 120;
export const COURSE_SUMMARY_MAX = 2000;
export const COURSE_LESSONS_MAX = 50;
export const COURSE_VERSIONS_MAX = 100;
export const COURSE_PATH_MAX = 200;
export const COURSE_CID_MAX = 128;
export const LESSON_TYPES = ['markdown', 'image', 'video', 'pdf'] as const;

const cid = { type: 'string', minLength: 1, maxLength: COURSE_CID_MAX } as const;
/** A file name inside the course directory: no leading slash, no "..", no backslash. */
const path = { type: 'string', minLength: 1, maxLength: COURSE_PATH_MAX, pattern: '^(?!/)(?!.*\\.\\.)[^\\\\]+$' } as const;

export const courseSchema = objectSchema(
	{
		union: addressProperty,
		author: addressProperty,
		title: { type: 'string', minLength: 1, maxLength: COURSE_TITLE_MAX },
		summary: { type: 'string', maxLength: COURSE_SUMMARY_MAX },
		/** Path of the cover image inside the directory. */
		cover: path,
		contentCid: cid,
		lessons: {
			type: 'array',
			minItems: 1,
			maxItems: COURSE_LESSONS_MAX,
			items: {
				type: 'object',
				properties: {
					title: { type: 'string', minLength: 1, maxLength: COURSE_TITLE_MAX },
					path,
					type: { type: 'string', enum: LESSON_TYPES }
				},
				required: ['title', 'path', 'type'],
				additionalProperties: false
			}
		},
		/** Price in the union token's base units, as a decimal string (uint256 does not fit a JSON number). */
		price: { type: 'string', pattern: '^[0-9]{1,78}$' },
		authorShareBps: { type: 'integer', minimum: 0, maximum: 10000 },
		previousVersions: { type: 'array', maxItems: COURSE_VERSIONS_MAX, items: cid }
	},
	['union', 'author', 'title', 'contentCid', 'lessons', 'price', 'authorShareBps']
);

/** The Model stream's content (ModelDefinition v1). Any change here makes a different model. */
export const courseModelDefinition = modelDefinition(
	'NetworkUnionCourse',
	'A Network Union course: title, summary, ordered lessons in one IPFS directory, price and earlier versions.',
	'list',
	courseSchema
);

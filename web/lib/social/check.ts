// The social rules for posts and replies on top of the document layer (model, author = controller):
// schema and real timestamps. A document that fails is reported with a sentence and skipped, never rendered.
import { addressFromDid } from '../ceramic/client';
import { checkDocument, type Address, type Checked, type RawDoc } from '../ceramic/documents';
import { describeIssues, validate, type JsonSchema } from '../ceramic/validate';

export type { Address, Checked } from '../ceramic/documents';

interface Stamped {
	author: string;
	createdAt: string;
	editedAt?: string;
}

/** A date-time as JSON Schema means it (RFC 3339); the small validator ignores `format: date-time`. */
export function isTimestamp(s: string): boolean {
	return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s));
}

/** A post or reply through the document layer, with the social rules: schema, author field, real dates. */
export function checkDoc<T extends Stamped>(raw: RawDoc, schema: JsonSchema, model: string, what: string): Checked<T> {
	return checkDocument<T>(raw, {
		model,
		problem(content) {
			const issues = validate(schema, content);
			if (issues.length > 0) return describeIssues(issues);
			const doc = content as T;
			return !isTimestamp(doc.createdAt) || (doc.editedAt !== undefined && !isTimestamp(doc.editedAt)) ? 'a date is not a real date' : null;
		},
		author: (doc) => doc.author,
		describe: (problem) => `A ${what} was malformed and skipped (${problem})`
	});
}

/** The lower-case address of the session's DID (did:pkh), which becomes the author field. */
export function authorOf(did: string): Address {
	const address = addressFromDid(did);
	if (!address) throw new Error(`${did} is not an Ethereum account DID`);
	return address;
}

// Validation shared by posts and replies: schema, author = controller, real timestamps, and the
// document's model. A document that fails is reported with a sentence and skipped, never rendered.
import { addressFromDid } from '../ceramic/client';
import type { RawDoc } from '../ceramic/documents';
import { describeIssues, validate, type JsonSchema } from '../ceramic/validate';

export type Address = `0x${string}`;

export type Checked<T> = { ok: true; id: string; value: T } | { ok: false; id: string; problem: string };

interface Stamped {
	author: string;
	createdAt: string;
	editedAt?: string;
}

/** A date-time as JSON Schema means it (RFC 3339); the small validator ignores `format: date-time`. */
export function isTimestamp(s: string): boolean {
	return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s));
}

export function checkDoc<T extends Stamped>(raw: RawDoc, schema: JsonSchema, model: string, what: string): Checked<T> {
	const fail = (problem: string): Checked<T> => ({ ok: false, id: raw.id, problem: `A ${what} was malformed and skipped (${problem})` });
	if (raw.model !== model) return fail('it is not a document of this app');
	const issues = validate(schema, raw.content);
	if (issues.length > 0) return fail(describeIssues(issues));
	const doc = raw.content as T;
	if (addressFromDid(raw.controller) !== doc.author) return fail('its author is not the account that signed it');
	if (!isTimestamp(doc.createdAt) || (doc.editedAt !== undefined && !isTimestamp(doc.editedAt))) return fail('a date is not a real date');
	return { ok: true, id: raw.id, value: doc };
}

/** The lower-case address of the session's DID (did:pkh), which becomes the author field. */
export function authorOf(did: string): Address {
	const address = addressFromDid(did);
	if (!address) throw new Error(`${did} is not an Ethereum account DID`);
	return address;
}

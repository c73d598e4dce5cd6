// Validation of listing documents (on read: skip malformed ones with a note; on write: refuse with a
// sentence) and normalisation of form input into schema-valid content.
import { jobSchema, serviceSchema } from '$lib/market/schema';
import { describeIssues, validate, type JsonSchema } from '$lib/ceramic/validate';
import { parseTokenAmount } from '$lib/chain/amounts';
import type { JobContent, ServiceContent } from './types';

export const SERVICE_SCHEMA = serviceSchema as unknown as JsonSchema;
export const JOB_SCHEMA = jobSchema as unknown as JsonSchema;

export type Checked<T> = { ok: true; content: T } | { ok: false; problem: string };

function check<T>(schema: JsonSchema, content: unknown, what: string): Checked<T> {
	const issues = validate(schema, content);
	if (issues.length > 0) return { ok: false, problem: `This ${what} is malformed and was skipped (${describeIssues(issues)})` };
	return { ok: true, content: content as T };
}

export function checkService(content: unknown): Checked<ServiceContent> {
	const r = check<ServiceContent>(SERVICE_SCHEMA, content, 'service');
	if (r.ok && parseTokenAmount(r.content.price) === null) return { ok: false, problem: 'This service has an unreadable price and was skipped' };
	return r;
}

export function checkJob(content: unknown): Checked<JobContent> {
	const r = check<JobContent>(JOB_SCHEMA, content, 'job');
	if (r.ok && parseTokenAmount(r.content.pay) === null) return { ok: false, problem: 'This job has an unreadable pay and was skipped' };
	return r;
}

/** Tags typed as "a, b ,c" → ["a","b","c"], deduplicated, lower-case. */
export function parseTags(text: string): string[] {
	return [...new Set(text.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

/** Trims and drops empty optional fields so the content matches the schema's minimums. */
export function normaliseService(s: ServiceContent): ServiceContent {
	const out: ServiceContent = { union: s.union, title: s.title.trim(), price: s.price.trim(), deliveryDays: s.deliveryDays, status: s.status };
	if (s.description?.trim()) out.description = s.description.trim();
	const tags = (s.tags ?? []).map((t) => t.trim()).filter(Boolean);
	if (tags.length > 0) out.tags = tags;
	return out;
}

export function normaliseJob(j: JobContent): JobContent {
	const out: JobContent = { union: j.union, role: j.role.trim(), pay: j.pay.trim(), status: j.status };
	if (j.description?.trim()) out.description = j.description.trim();
	if (j.howToApply?.trim()) out.howToApply = j.howToApply.trim();
	return out;
}

/** A readable sentence for content that would not pass the schema, or null when valid. */
export function serviceProblem(s: ServiceContent): string | null {
	const issues = validate(SERVICE_SCHEMA, s);
	return issues.length > 0 ? `The service is not valid: ${describeIssues(issues)}` : null;
}

export function jobProblem(j: JobContent): string | null {
	const issues = validate(JOB_SCHEMA, j);
	return issues.length > 0 ? `The job is not valid: ${describeIssues(issues)}` : null;
}

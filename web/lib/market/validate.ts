// Validation of listing documents (on read: skip malformed ones with a note; on write: refuse with a
// sentence) and normalisation of form input into schema-valid content.
import { jobSchema, serviceSchema } from '$lib/market/schema';
import { describeIssues, validate, type JsonSchema } from '$lib/ceramic/validate';
import { parseTokenAmount } from '$lib/chain/amounts';
import type { JobContent, ServiceContent } from './types';

export const SERVICE_SCHEMA = serviceSchema as unknown as JsonSchema;
export const JOB_SCHEMA = jobSchema as unknown as JsonSchema;

export type Checked<T> = { ok: true; content: T } | { ok: false; problem: string };

/** Why a service document is not valid (schema, then a readable price), or null. */
export function serviceContentProblem(content: unknown): string | null {
	const issues = validate(SERVICE_SCHEMA, content);
	if (issues.length > 0) return describeIssues(issues);
	return parseTokenAmount((content as ServiceContent).price) === null ? 'its price is unreadable' : null;
}

/** Why a job document is not valid (schema, then a readable pay), or null. */
export function jobContentProblem(content: unknown): string | null {
	const issues = validate(JOB_SCHEMA, content);
	if (issues.length > 0) return describeIssues(issues);
	return parseTokenAmount((content as JobContent).pay) === null ? 'its pay is unreadable' : null;
}

/** The sentence shown in place of a listing document that was skipped. */
export function skippedListing(kind: 'service' | 'job', problem: string): string {
	return `This ${kind} is malformed and was skipped (${problem})`;
}

function check<T>(kind: 'service' | 'job', content: unknown, problem: string | null): Checked<T> {
	return problem ? { ok: false, problem: skippedListing(kind, problem) } : { ok: true, content: content as T };
}

export function checkService(content: unknown): Checked<ServiceContent> {
	return check('service', content, serviceContentProblem(content));
}

export function checkJob(content: unknown): Checked<JobContent> {
	return check('job', content, jobContentProblem(content));
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

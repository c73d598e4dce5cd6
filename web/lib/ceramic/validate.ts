// A small JSON Schema (draft 2020-12 subset) validator for the document schemas in ./schemas.
// Ceramic checks documents on write, but anything read back can still be malformed (old schema
// versions, other clients), so every read goes through here. Supports what our schemas use:
// type, properties, required, additionalProperties, string length / pattern / uri format,
// array items / length, enum, minimum / maximum. Unknown keywords are ignored.

export interface JsonSchema {
	type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null' | Array<'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null'>;
	properties?: Record<string, JsonSchema>;
	required?: readonly string[];
	additionalProperties?: boolean | JsonSchema;
	items?: JsonSchema;
	minItems?: number;
	maxItems?: number;
	minLength?: number;
	maxLength?: number;
	pattern?: string;
	format?: string;
	enum?: readonly unknown[];
	minimum?: number;
	maximum?: number;
	[keyword: string]: unknown;
}

export interface ValidationIssue {
	/** JSON-pointer-like path, e.g. "/links/2". */
	path: string;
	message: string;
}

function typeOf(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'array';
	if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
	return typeof v;
}

function matchesType(v: unknown, t: string): boolean {
	const actual = typeOf(v);
	return actual === t || (t === 'number' && actual === 'integer');
}

function isUri(s: string): boolean {
	try {
		const u = new URL(s);
		return u.protocol.length > 1;
	} catch {
		return false;
	}
}

/** Validates `value` against `schema`; returns every problem found (empty = valid). */
export function validate(schema: JsonSchema, value: unknown, path = ''): ValidationIssue[] {
	const issues: ValidationIssue[] = [];
	const at = path || '/';

	if (schema.type !== undefined) {
		const types = Array.isArray(schema.type) ? schema.type : [schema.type];
		if (!types.some((t) => matchesType(value, t))) {
			issues.push({ path: at, message: `must be ${types.join(' or ')}, got ${typeOf(value)}` });
			return issues;
		}
	}
	if (schema.enum && !schema.enum.some((e) => e === value)) issues.push({ path: at, message: 'is not one of the allowed values' });

	if (typeof value === 'string') {
		// JSON Schema counts code points, not UTF-16 units.
		const length = [...value].length;
		if (schema.minLength !== undefined && length < schema.minLength) issues.push({ path: at, message: `must be at least ${schema.minLength} characters` });
		if (schema.maxLength !== undefined && length > schema.maxLength) issues.push({ path: at, message: `must be at most ${schema.maxLength} characters` });
		if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) issues.push({ path: at, message: 'has the wrong format' });
		if ((schema.format === 'uri' || schema.format === 'url') && !isUri(value)) issues.push({ path: at, message: 'must be a URL' });
	}

	if (typeof value === 'number') {
		if (schema.minimum !== undefined && value < schema.minimum) issues.push({ path: at, message: `must be >= ${schema.minimum}` });
		if (schema.maximum !== undefined && value > schema.maximum) issues.push({ path: at, message: `must be <= ${schema.maximum}` });
	}

	if (Array.isArray(value)) {
		if (schema.minItems !== undefined && value.length < schema.minItems) issues.push({ path: at, message: `must have at least ${schema.minItems} items` });
		if (schema.maxItems !== undefined && value.length > schema.maxItems) issues.push({ path: at, message: `must have at most ${schema.maxItems} items` });
		if (schema.items) value.forEach((item, i) => issues.push(...validate(schema.items as JsonSchema, item, `${path}/${i}`)));
	}

	if (typeOf(value) === 'object') {
		const obj = value as Record<string, unknown>;
		for (const key of schema.required ?? []) if (!(key in obj)) issues.push({ path: `${path}/${key}`, message: 'is required' });
		for (const [key, v] of Object.entries(obj)) {
			const prop = schema.properties?.[key];
			if (prop) issues.push(...validate(prop, v, `${path}/${key}`));
			else if (schema.additionalProperties === false) issues.push({ path: `${path}/${key}`, message: 'is not allowed' });
			else if (typeof schema.additionalProperties === 'object') issues.push(...validate(schema.additionalProperties, v, `${path}/${key}`));
		}
	}
	return issues;
}

/** "links/2 must be a URL; name is required" — for the visible warning on a skipped document. */
export function describeIssues(issues: ValidationIssue[]): string {
	return issues.map((i) => `${i.path.replace(/^\//, '') || 'document'} ${i.message}`).join('; ');
}

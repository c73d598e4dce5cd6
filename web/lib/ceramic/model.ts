// The two shapes every document model shares: its JSON Schema (draft 2020-12, as Ceramic checks it: ajv in
// strict mode with ajv-formats) and its Model stream's content (ModelDefinition v1). Dependency-free, like
// the feature schemas built on it: the stack (model creation) and the web app (validation) both import them.

/** An address in either case, as a schema property. */
export const addressProperty = { type: 'string', pattern: '^0x[0-9a-fA-F]{40}$' } as const;

/** A closed object schema: only `properties` are allowed, and the `required` ones must be there. */
export function objectSchema<const P extends object, const R extends readonly (keyof P & string)[]>(properties: P, required: R) {
	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		type: 'object',
		properties,
		required,
		additionalProperties: false
	} as const;
}

/** A Model stream's content. Any change to what this returns makes a different model. */
export function modelDefinition<const S extends object>(name: string, description: string, accountRelation: 'list' | 'single', schema: S) {
	return { version: '1.0', name, description, accountRelation: { type: accountRelation }, schema } as const;
}

import { describe, expect, it } from 'vitest';
import { checkProfile, normaliseProfile } from '$lib/social/profile';
import { describeIssues, validate } from '$lib/ceramic/validate';
import { profileSchema } from '$lib/social/profileSchema';
import type { JsonSchema } from '$lib/ceramic/validate';

const schema = profileSchema as unknown as JsonSchema;

describe('profile documents', () => {
	it('accept a complete, valid profile', () => {
		const doc = { name: 'Ada', bio: 'Organiser', avatarCid: 'bafkreih', links: ['https://ada.example'] };
		expect(checkProfile(doc)).toEqual({ status: 'found', profile: doc });
	});

	it('accept a name-only profile', () => {
		expect(checkProfile({ name: 'Bo' }).status).toBe('found');
	});

	it('treat a null document as no profile', () => {
		expect(checkProfile(null)).toEqual({ status: 'none' });
	});

	it.each([
		['missing name', { bio: 'x' }, 'name is required'],
		['empty name', { name: '' }, 'name must be at least 1 characters'],
		['name too long', { name: 'x'.repeat(81) }, 'name must be at most 80 characters'],
		['bio too long', { name: 'a', bio: 'b'.repeat(1001) }, 'bio must be at most 1000 characters'],
		['too many links', { name: 'a', links: Array.from({ length: 9 }, (_, i) => `https://x.org/${i}`) }, 'links must have at most 8 items'],
		['a link that is not a URL', { name: 'a', links: ['https://ok.org', 'not a url'] }, 'links/1 must be a URL'],
		['wrong type', { name: 42 }, 'name must be string, got integer'],
		['unknown field', { name: 'a', admin: true }, 'admin is not allowed'],
		['not an object', 'hello', 'document must be object, got string']
	])('flag %s as malformed with a readable reason', (_label, doc, reason) => {
		const read = checkProfile(doc);
		expect(read.status).toBe('invalid');
		if (read.status === 'invalid') expect(read.problem).toContain(reason);
	});

	it('count characters as code points, like JSON Schema', () => {
		expect(validate(schema, { name: '😀'.repeat(80) })).toEqual([]);
	});

	it('normalise drops empty optional fields so a blank bio passes', () => {
		const p = normaliseProfile({ name: '  Ada ', bio: ' ', avatarCid: '', links: ['', ' https://a.org '] });
		expect(p).toEqual({ name: 'Ada', links: ['https://a.org'] });
		expect(validate(schema, p)).toEqual([]);
	});

	it('describe several issues in one sentence', () => {
		expect(describeIssues(validate(schema, { bio: 5 }))).toBe('name is required; bio must be string, got integer');
	});
});

// The feed's paging rules: pages whose posts were all tombstones are skipped, "more" appends older
// pages without duplicates, a failed page keeps what was shown and can be retried.
import { describe, expect, it } from 'vitest';
import { PostFeed } from '$lib/social/feed';
import type { PostItem, PostPage } from '$lib/social/posts';
import { hashParam } from '$lib/ui/hashQuery';

const note = (id: string): PostItem => ({ ok: false, id, problem: `note ${id}` });

/** Pages keyed by cursor ('' = first page). */
function source(pages: Record<string, PostPage | Error>): { loader: (c: string | null) => Promise<PostPage>; calls: (string | null)[] } {
	const calls: (string | null)[] = [];
	return {
		calls,
		loader: async (cursor) => {
			calls.push(cursor);
			const page = pages[cursor ?? ''];
			if (page instanceof Error) throw page;
			if (!page) throw new Error(`no page ${cursor}`);
			return page;
		}
	};
}

describe('PostFeed', () => {
	it('follows pages that came back empty (tombstones hidden) until it finds posts', async () => {
		const s = source({ '': { items: [], next: 'c1' }, c1: { items: [], next: 'c2' }, c2: { items: [note('p1')], next: null } });
		const feed = new PostFeed();
		await feed.reset(s.loader);
		expect(feed.items.map((i) => i.id)).toEqual(['p1']);
		expect(feed.hasMore).toBe(false);
		expect(s.calls).toEqual([null, 'c1', 'c2']);
	});

	it('reports an empty feed as loaded with nothing more', async () => {
		const feed = new PostFeed();
		expect(feed.loaded).toBe(false);
		await feed.reset(source({ '': { items: [], next: null } }).loader);
		expect(feed.loaded).toBe(true);
		expect(feed.items).toEqual([]);
		expect(feed.hasMore).toBe(false);
	});

	it('appends older pages on more() and drops posts it already shows', async () => {
		const s = source({ '': { items: [note('p3'), note('p2')], next: 'c1' }, c1: { items: [note('p2'), note('p1')], next: null } });
		const feed = new PostFeed();
		await feed.reset(s.loader);
		await feed.more();
		expect(feed.items.map((i) => i.id)).toEqual(['p3', 'p2', 'p1']);
		expect(feed.hasMore).toBe(false);
	});

	it('keeps the shown posts when a page fails, and retries that page', async () => {
		const pages: Record<string, PostPage | Error> = { '': { items: [note('p2')], next: 'c1' }, c1: new Error('Cannot reach Ceramic at http://x') };
		const s = source(pages);
		const feed = new PostFeed();
		await feed.reset(s.loader);
		await feed.more();
		expect(feed.error).toBe('Cannot reach Ceramic at http://x');
		expect(feed.items.map((i) => i.id)).toEqual(['p2']);
		pages.c1 = { items: [note('p1')], next: null };
		await feed.retry();
		expect(feed.error).toBeNull();
		expect(feed.items.map((i) => i.id)).toEqual(['p2', 'p1']);
		expect(s.calls).toEqual([null, 'c1', 'c1']);
	});
});

describe('hashParam', () => {
	it('reads a query inside the hash route, falling back to the real query', () => {
		expect(hashParam(new URL('http://g/ipfs/bafy/#/m/0xabc?union=0xdef'), 'union')).toBe('0xdef');
		expect(hashParam(new URL('http://g/?union=0x1#/m/0xabc'), 'union')).toBe('0x1');
		expect(hashParam(new URL('http://g/#/m/0xabc'), 'union')).toBeNull();
	});
});

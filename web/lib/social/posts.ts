// Posts of a union feed: ModelInstanceDocuments (LIST relation) under the author's did:pkh.
// Reads need no wallet: the union feed, one member's posts, and the posts of the members someone
// backs are index queries filtered on the `union` / `author` content fields. Every document read is
// validated; malformed ones come back as { ok: false, problem } for a visible note. Deleting writes a
// tombstone (Ceramic keeps a document's history), which every list hides.
import type { CeramicClient } from '@ceramicnetwork/http-client';
import type { QueryFilters } from '@ceramicnetwork/common';
import { getConfig } from '$lib/config';
import { CeramicError, getCeramic, pkhDid } from '../ceramic/client';
import { createDoc, loadRaw, queryIndex, readable, updateDoc } from '../ceramic/documents';
import { authorOf, checkDoc, type Address, type Checked } from './check';
import { POST_BODY_MAX, POST_IMAGES_MAX, POST_TITLE_MAX, postSchema } from './schema';
import { describeIssues, validate, type JsonSchema } from '../ceramic/validate';
import { parseCid } from '$lib/ipfs/verify';

export interface PostContent {
	union: Address;
	author: Address;
	title?: string;
	body: string;
	images: string[];
	createdAt: string;
	editedAt?: string;
	deleted?: boolean;
}

export interface Post extends PostContent {
	id: string;
}

/** What a member writes; union, author and dates are filled in. */
export interface PostInput {
	title?: string;
	body: string;
	images: string[];
}

export type PostItem = Checked<Post>;

export interface PostPage {
	items: PostItem[];
	/** Pass back as `cursor` for older posts; null at the end. */
	next: string | null;
}

export interface PageOptions {
	cursor?: string | null;
	pageSize?: number;
}

const schema = postSchema as unknown as JsonSchema;
const DEFAULT_PAGE = 10;

function model(): string {
	const id = getConfig().ceramic.models.post;
	if (!id) throw new CeramicError('This site has no post model configured (config.json ceramic.models.post)');
	return id;
}

function toPost(item: Checked<PostContent>): PostItem {
	return item.ok ? { ok: true, id: item.id, author: item.author, value: { ...item.value, id: item.id } } : item;
}

/** Problems with what a member typed, as sentences (empty = publishable). */
export function postProblems(input: PostInput): string[] {
	const p: string[] = [];
	const title = input.title?.trim() ?? '';
	if (!input.body.trim()) p.push('Write something in the post');
	if ([...input.body].length > POST_BODY_MAX) p.push(`A post can be at most ${POST_BODY_MAX} characters`);
	if ([...title].length > POST_TITLE_MAX) p.push(`The title can be at most ${POST_TITLE_MAX} characters`);
	if (input.images.length > POST_IMAGES_MAX) p.push(`At most ${POST_IMAGES_MAX} images`);
	for (const cid of input.images) if (!parseCid(cid)) p.push(`“${cid}” is not an IPFS content id`);
	return p;
}

/** Schema and model checks, plus image CIDs that really parse, for one document from the node. */
export function checkPost(raw: Parameters<typeof checkDoc>[0]): PostItem {
	const checked = checkDoc<PostContent>(raw, schema, model(), 'post');
	if (checked.ok && checked.value.images.some((cid) => !parseCid(cid)))
		return { ok: false, id: checked.id, problem: 'A post was malformed and skipped (an image is not an IPFS content id)' };
	return toPost(checked);
}

/** Hides tombstones; keeps valid posts and the notes about malformed ones. */
function visible(items: PostItem[]): PostItem[] {
	return items.filter((i) => !i.ok || !i.value.deleted);
}

async function page(filters: QueryFilters | undefined, account: string | undefined, opts: PageOptions): Promise<PostPage> {
	const ceramic = await getCeramic();
	const raw = await queryIndex(ceramic, {
		model: model(),
		account,
		queryFilters: filters,
		pageSize: opts.pageSize ?? DEFAULT_PAGE,
		order: 'newest',
		cursor: opts.cursor
	});
	return { items: visible(raw.docs.map(checkPost)), next: raw.next };
}

const inUnion = (union: string): QueryFilters => ({ where: { union: { equalTo: union.toLowerCase() } } });

/** A union's feed, newest first. */
export function unionFeed(union: Address, opts: PageOptions = {}): Promise<PostPage> {
	return readable(() => page(inUnion(union), undefined, opts));
}

/** One member's posts (in one union, or in every union when `union` is omitted), newest first. */
export function memberPosts(author: Address, opts: PageOptions & { union?: Address } = {}): Promise<PostPage> {
	return readable(() => page(opts.union ? inUnion(opts.union) : undefined, pkhDid(author), opts));
}

/** Posts in `union` by any of `authors` (the members someone backs), newest first. */
export function postsByAuthors(union: Address, authors: readonly Address[], opts: PageOptions = {}): Promise<PostPage> {
	if (authors.length === 0) return Promise.resolve({ items: [], next: null });
	// Addresses are checked hex, so the node's `in` filter (which inlines values) is safe here.
	const list = [...new Set(authors.map((a) => a.toLowerCase()))].filter((a) => /^0x[0-9a-f]{40}$/.test(a));
	const filters: QueryFilters = { and: [inUnion(union), { where: { author: { in: list } } }] };
	return readable(() => page(filters, undefined, opts));
}

export type PostRead = { status: 'found'; post: Post } | { status: 'deleted'; post: Post } | { status: 'invalid'; problem: string } | { status: 'none' };

/** One post by stream id (for its own page). */
export function readPost(id: string): Promise<PostRead> {
	return readable(async () => {
		const raw = await loadRaw(await getCeramic(), id);
		if (!raw) return { status: 'none' } as const;
		const item = checkPost(raw);
		if (!item.ok) return { status: 'invalid', problem: item.problem } as const;
		return item.value.deleted ? ({ status: 'deleted', post: item.value } as const) : ({ status: 'found', post: item.value } as const);
	});
}

function contentFor(input: PostInput, base: Pick<PostContent, 'union' | 'author' | 'createdAt'>, editedAt?: string): PostContent {
	const problems = postProblems(input);
	if (problems.length > 0) throw new CeramicError(problems.join('; '));
	const content: PostContent = { ...base, body: input.body.trim(), images: [...input.images] };
	const title = input.title?.trim();
	if (title) content.title = title;
	if (editedAt) content.editedAt = editedAt;
	const issues = validate(schema, content);
	if (issues.length > 0) throw new CeramicError(`The post is not valid: ${describeIssues(issues)}`);
	return content;
}

function sessionAuthor(ceramic: CeramicClient): Address {
	const did = ceramic.did;
	if (!did?.authenticated) throw new CeramicError('Sign in with your wallet first');
	return authorOf(did.hasParent ? did.parent : did.id);
}

/** Publishes a post in `union` as the client's DID (a did-session); returns its stream id. */
export async function publishPost(ceramic: CeramicClient, union: Address, input: PostInput, now: Date = new Date()): Promise<string> {
	const content = contentFor(input, { union: union.toLowerCase() as Address, author: sessionAuthor(ceramic), createdAt: now.toISOString() });
	return await readable(() => createDoc(ceramic, model(), content));
}

/** Checks that the stored document is a post by the signed-in author before changing it. */
function ownPost(current: unknown, author: Address): PostContent {
	const issues = validate(schema, current);
	if (issues.length > 0) throw new CeramicError('This post is malformed and cannot be edited');
	const post = current as PostContent;
	if (post.author !== author) throw new CeramicError('Only the author can change a post');
	if (post.deleted) throw new CeramicError('This post was deleted');
	return post;
}

/** Replaces the title, body and images of one's own post, keeping its union and creation time. */
export async function editPost(ceramic: CeramicClient, id: string, input: PostInput, now: Date = new Date()): Promise<void> {
	const author = sessionAuthor(ceramic);
	return await readable(() =>
		updateDoc(ceramic, id, (current) => {
			const post = ownPost(current, author);
			return contentFor(input, { union: post.union, author, createdAt: post.createdAt }, now.toISOString());
		})
	);
}

/** Deletes one's own post: the text and images are emptied and the tombstone hides it from feeds. */
export async function deletePost(ceramic: CeramicClient, id: string, now: Date = new Date()): Promise<void> {
	const author = sessionAuthor(ceramic);
	return await readable(() =>
		updateDoc(ceramic, id, (current): PostContent => {
			const post = ownPost(current, author);
			return { union: post.union, author, body: '', images: [], createdAt: post.createdAt, editedAt: now.toISOString(), deleted: true };
		})
	);
}

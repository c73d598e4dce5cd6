// Replies to a post: LIST-relation documents whose `post` field is a Ceramic relation to the post
// model (the node refuses a reply to anything that is not a post). Oldest first, like a thread.
import type { CeramicClient } from '@ceramicnetwork/http-client';
import { getConfig } from '$lib/config';
import { CeramicError, getCeramic } from '../ceramic/client';
import { createDoc, queryIndex, readable, updateDoc, type RawDoc } from '../ceramic/documents';
import { authorOf, checkDoc, type Address, type Checked } from './check';
import { REPLY_BODY_MAX, replySchema } from './schema';
import { describeIssues, validate, type JsonSchema } from '../ceramic/validate';

export interface ReplyContent {
	post: string;
	union: Address;
	author: Address;
	body: string;
	createdAt: string;
	editedAt?: string;
	deleted?: boolean;
}

export interface Reply extends ReplyContent {
	id: string;
}

export type ReplyItem = Checked<Reply>;

export interface ReplyPage {
	items: ReplyItem[];
	next: string | null;
}

const schema = replySchema as unknown as JsonSchema;

function model(): string {
	const id = getConfig().ceramic.models.reply;
	if (!id) throw new CeramicError('This site has no reply model configured (config.json ceramic.models.reply)');
	return id;
}

export function replyProblems(body: string): string[] {
	const p: string[] = [];
	if (!body.trim()) p.push('Write something in the reply');
	if ([...body].length > REPLY_BODY_MAX) p.push(`A reply can be at most ${REPLY_BODY_MAX} characters`);
	return p;
}

/** Validates one reply; `post` (when given) must be the post it claims to answer. */
export function checkReply(raw: RawDoc, post?: string): ReplyItem {
	const checked = checkDoc<ReplyContent>(raw, schema, model(), 'reply');
	if (!checked.ok) return checked;
	if (post !== undefined && checked.value.post !== post) return { ok: false, id: raw.id, problem: 'A reply was malformed and skipped (it answers another post)' };
	return { ok: true, id: checked.id, author: checked.author, value: { ...checked.value, id: checked.id } };
}

/** Replies to one post, oldest first; deleted ones are hidden. */
export function listReplies(post: string, opts: { cursor?: string | null; pageSize?: number } = {}): Promise<ReplyPage> {
	return readable(async () => {
		const raw = await queryIndex(await getCeramic(), {
			model: model(),
			queryFilters: { where: { post: { equalTo: post } } },
			pageSize: opts.pageSize ?? 50,
			order: 'oldest',
			cursor: opts.cursor
		});
		const items = raw.docs.map((d) => checkReply(d, post)).filter((i) => !i.ok || !i.value.deleted);
		return { items, next: raw.next };
	});
}

function sessionAuthor(ceramic: CeramicClient): Address {
	const did = ceramic.did;
	if (!did?.authenticated) throw new CeramicError('Sign in with your wallet first');
	return authorOf(did.hasParent ? did.parent : did.id);
}

function valid(content: ReplyContent): ReplyContent {
	const problems = replyProblems(content.body);
	if (problems.length > 0) throw new CeramicError(problems.join('; '));
	const issues = validate(schema, content);
	if (issues.length > 0) throw new CeramicError(`The reply is not valid: ${describeIssues(issues)}`);
	return content;
}

/** Replies to `post` (in `union`) as the client's DID; returns the reply's stream id. */
export async function publishReply(ceramic: CeramicClient, post: { id: string; union: Address }, body: string, now: Date = new Date()): Promise<string> {
	const content = valid({ post: post.id, union: post.union, author: sessionAuthor(ceramic), body: body.trim(), createdAt: now.toISOString() });
	return await readable(() => createDoc(ceramic, model(), content));
}

function ownReply(current: unknown, author: Address): ReplyContent {
	if (validate(schema, current).length > 0) throw new CeramicError('This reply is malformed and cannot be changed');
	const reply = current as ReplyContent;
	if (reply.author !== author) throw new CeramicError('Only the author can change a reply');
	if (reply.deleted) throw new CeramicError('This reply was deleted');
	return reply;
}

export async function editReply(ceramic: CeramicClient, id: string, body: string, now: Date = new Date()): Promise<void> {
	const author = sessionAuthor(ceramic);
	return await readable(() =>
		updateDoc(ceramic, id, (current) => {
			const r = ownReply(current, author);
			return valid({ post: r.post, union: r.union, author, body: body.trim(), createdAt: r.createdAt, editedAt: now.toISOString() });
		})
	);
}

export async function deleteReply(ceramic: CeramicClient, id: string, now: Date = new Date()): Promise<void> {
	const author = sessionAuthor(ceramic);
	return await readable(() =>
		updateDoc(ceramic, id, (current): ReplyContent => {
			const r = ownReply(current, author);
			return { post: r.post, union: r.union, author, body: '', createdAt: r.createdAt, editedAt: now.toISOString(), deleted: true };
		})
	);
}

// Posts and replies against one real Ceramic node (js-ceramic 6.11, SQLite index) and anvil: the
// models the stack creates, three wallets writing as did:pkh sessions, and every query the feed
// pages use — union feed newest first with pagination, one member's list, posts by backed authors,
// replies — plus edit, tombstone delete, and documents that must be skipped with a note.
import '../stack/helpers.ts';
import { CeramicClient } from '@ceramicnetwork/http-client';
import { ModelInstanceDocument } from '@ceramicnetwork/stream-model-instance';
import { StreamID } from '@ceramicnetwork/streamid';
import { EthereumNodeAuth, getAccountId } from '@didtools/pkh-ethereum';
import { DIDSession } from 'did-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRpcProvider } from '../../../scripts/stack/ceramic/eip1193.ts';
import { ensureModels, type ModelIds } from '../../../scripts/stack/ceramic/models.ts';
import { startAnvil, startCeramic, type AnvilHandle, type CeramicHandle } from '../../../scripts/stack/processes.ts';
import { tempDataDir } from '../stack/helpers.ts';
import { testPort } from '../ports.ts';
import { parseConfig, resetConfig } from '$lib/config';
import { deletePost, editPost, memberPosts, postsByAuthors, publishPost, readPost, unionFeed, type PostItem } from '$lib/social/posts';
import { deleteReply, editReply, listReplies, publishReply } from '$lib/social/replies';

const UNION = '0x00000000000000000000000000000000000000a1';
const OTHER_UNION = '0x00000000000000000000000000000000000000b2';

let data: Awaited<ReturnType<typeof tempDataDir>>;
let anvil: AnvilHandle;
let ceramic: CeramicHandle;
let models: ModelIds;
let accounts: `0x${string}`[];
const writers: CeramicClient[] = [];

const env = (): Record<string, string> => ({
	NU_DATA_DIR: data.dir,
	NU_CERAMIC_PORT: testPort(17327),
	NU_CERAMIC_SWARM_PORT: testPort(14321),
	NU_ANVIL_PORT: testPort(18355)
});

/** A Ceramic client signed in as anvil account `address`, the way a wallet signs in (one SIWE signature). */
async function signIn(address: string): Promise<CeramicClient> {
	const provider = jsonRpcProvider(anvil.rpcUrl, address);
	const authMethod = await EthereumNodeAuth.getAuthMethod(provider, await getAccountId(provider, address), 'network-union-test');
	const session = await DIDSession.authorize(authMethod, { resources: ['ceramic://*'] });
	const client = new CeramicClient(ceramic.url);
	client.did = session.did;
	return client;
}

function titles(items: PostItem[]): string[] {
	return items.map((i) => (i.ok ? (i.value.title ?? i.value.body) : `invalid: ${i.problem}`));
}

beforeAll(async () => {
	data = await tempDataDir('posts');
	[anvil, ceramic] = await Promise.all([startAnvil(env()), startCeramic(env())]);
	models = await ensureModels(ceramic.url, data.dir);
	accounts = ((await jsonRpcProvider(anvil.rpcUrl).request({ method: 'eth_accounts' })) as `0x${string}`[]).slice(1, 4);
	resetConfig(
		parseConfig({
			chain: { id: anvil.chainId, name: 'test', rpcUrl: anvil.rpcUrl, blockExplorer: null },
			contracts: { unionFactory: '0x5FbDB2315678afecb367f032d93F642f64180aa3', deployBlock: 0 },
			ceramic: { url: ceramic.url, models },
			ipfs: { gateway: 'http://127.0.0.1:1', uploadUrl: 'http://127.0.0.1:1/api/v0/add' },
			demo: { union: null }
		})
	);
	for (const a of accounts) writers.push(await signIn(a));
}, 180_000);

afterAll(async () => {
	await Promise.all(writers.map((w) => w.close()));
	await Promise.all([ceramic?.stop(), anvil?.stop()]);
	await data?.remove();
}, 60_000);

describe('posts on a real Ceramic node', { timeout: 120_000 }, () => {
	const ids: string[] = [];

	it('creates post and reply models and indexes them', () => {
		expect(models.post).toMatch(/^kjz/);
		expect(models.reply).toMatch(/^kjz/);
		expect(models.reply).not.toBe(models.post);
	});

	it('publishes posts under the author DID and lists the union feed newest first, page by page', async () => {
		const [a, b] = writers as [CeramicClient, CeramicClient];
		for (let i = 1; i <= 5; i++) ids.push(await publishPost(i % 2 ? a : b, UNION, { title: `Post ${i}`, body: `Body **${i}**`, images: [] }));
		await publishPost(a, OTHER_UNION, { title: 'Elsewhere', body: 'x', images: [] });

		const first = await unionFeed(UNION, { pageSize: 2 });
		expect(titles(first.items)).toEqual(['Post 5', 'Post 4']);
		expect(first.next).not.toBeNull();
		const second = await unionFeed(UNION, { pageSize: 2, cursor: first.next });
		expect(titles(second.items)).toEqual(['Post 3', 'Post 2']);
		const third = await unionFeed(UNION, { pageSize: 2, cursor: second.next });
		expect(titles(third.items)).toEqual(['Post 1']);
		expect(third.next).toBeNull();

		const doc = await ModelInstanceDocument.load(new CeramicClient(ceramic.url), ids[0]!);
		expect(doc.metadata.controller).toBe(`did:pkh:eip155:${anvil.chainId}:${accounts[0]!.toLowerCase()}`);
		expect(doc.content).toMatchObject({ union: UNION, author: accounts[0]!.toLowerCase(), body: 'Body **1**', images: [] });
	});

	it("lists one member's posts, in one union or in all", async () => {
		const b = accounts[1]!;
		expect(titles((await memberPosts(b, { union: UNION })).items)).toEqual(['Post 4', 'Post 2']);
		expect(titles((await memberPosts(accounts[0]!)).items)).toEqual(['Elsewhere', 'Post 5', 'Post 3', 'Post 1']);
		expect((await memberPosts(accounts[2]!)).items).toEqual([]);
	});

	it('lists posts of a set of authors (the members someone backs) only', async () => {
		expect(titles((await postsByAuthors(UNION, [accounts[1]!])).items)).toEqual(['Post 4', 'Post 2']);
		expect((await postsByAuthors(UNION, [accounts[2]!])).items).toEqual([]);
		expect((await postsByAuthors(UNION, [])).items).toEqual([]);
		expect(titles((await postsByAuthors(UNION, [accounts[0]!, accounts[1]!], { pageSize: 3 })).items)).toEqual(['Post 5', 'Post 4', 'Post 3']);
	});

	it('lets the author edit and delete; a deleted post leaves every list', async () => {
		const [a, b] = writers as [CeramicClient, CeramicClient];
		await editPost(a, ids[4]!, { title: 'Post 5 (edited)', body: 'New body', images: [] });
		const read = await readPost(ids[4]!);
		expect(read.status).toBe('found');
		if (read.status === 'found') {
			expect(read.post.body).toBe('New body');
			expect(read.post.editedAt).toBeDefined();
		}
		await expect(editPost(b, ids[4]!, { body: 'hijack', images: [] })).rejects.toThrow(/Only the author/);
		await deletePost(a, ids[4]!);
		expect((await readPost(ids[4]!)).status).toBe('deleted');
		expect(titles((await unionFeed(UNION, { pageSize: 10 })).items)).toEqual(['Post 4', 'Post 3', 'Post 2', 'Post 1']);
	});

	it('refuses an empty post before it reaches Ceramic', async () => {
		await expect(publishPost(writers[0]!, UNION, { body: '   ', images: [] })).rejects.toThrow(/Write something/);
		await expect(publishPost(writers[0]!, UNION, { body: 'x', images: ['not-a-cid'] })).rejects.toThrow(/not an IPFS content id/);
	});

	it('skips, with a note, a post whose author field lies about who signed it', async () => {
		// Written straight to Ceramic, past the app's checks: signed by account 3, claiming account 1.
		const forged = await ModelInstanceDocument.create(
			writers[2]!,
			{ union: UNION, author: accounts[0]!.toLowerCase(), body: 'forged', images: [], createdAt: new Date().toISOString() },
			{ model: StreamID.fromString(models.post) }
		);
		const page = await unionFeed(UNION, { pageSize: 1 });
		expect(page.items).toHaveLength(1);
		const [item] = page.items;
		expect(item?.ok).toBe(false);
		if (item && !item.ok) {
			expect(item.id).toBe(forged.id.toString());
			expect(item.problem).toMatch(/malformed and skipped.*author/);
		}
		// The forged post must not count as the claimed author's.
		expect(titles((await postsByAuthors(UNION, [accounts[0]!])).items)).toContain('invalid: A post was malformed and skipped (its author is not the account that signed it)');
	});

	it('threads replies oldest first; authors edit and delete their own', async () => {
		const [a, b, c] = writers as [CeramicClient, CeramicClient, CeramicClient];
		const post = { id: ids[1]!, union: UNION as `0x${string}` };
		const r1 = await publishReply(a, post, 'First!');
		await publishReply(c, post, 'Second');
		await publishReply(b, { id: ids[2]!, union: UNION }, 'On another post');
		let replies = await listReplies(post.id);
		expect(replies.items.map((r) => (r.ok ? r.value.body : r.problem))).toEqual(['First!', 'Second']);

		await editReply(a, r1, 'First (edited)');
		await expect(deleteReply(b, r1)).rejects.toThrow(/Only the author/);
		replies = await listReplies(post.id);
		expect(replies.items.map((r) => (r.ok ? r.value.body : r.problem))).toEqual(['First (edited)', 'Second']);
		await deleteReply(a, r1);
		replies = await listReplies(post.id);
		expect(replies.items.map((r) => (r.ok ? r.value.body : r.problem))).toEqual(['Second']);
	});

	it('refuses (on the node) a reply that points at something other than a post', async () => {
		// The post model's own stream id: a real stream, but not a post document.
		await expect(publishReply(writers[0]!, { id: models.post, union: UNION }, 'to a model')).rejects.toThrow(/Ceramic refused/);
	});
});

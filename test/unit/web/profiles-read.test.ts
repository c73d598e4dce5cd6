// @vitest-environment node
// Profile names over plain fetch (web/lib/ceramic/collection.ts), without the Ceramic HTTP client,
// against a real js-ceramic node with profiles written by wallets (did:pkh): the same documents the
// client's index.query returns, every profile in one query (or page by page when pages are small),
// one account's profile, and an account without one.
import '../stack/helpers.ts';
import { CeramicClient } from '@ceramicnetwork/http-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRpcProvider } from '../../../scripts/stack/ceramic/eip1193.ts';
import { ensureModels, type ModelIds } from '../../../scripts/stack/ceramic/models.ts';
import { writeProfile } from '../../../scripts/stack/ceramic/writeProfile.ts';
import { startAnvil, startCeramic, type AnvilHandle, type CeramicHandle } from '../../../scripts/stack/processes.ts';
import { parseConfig, resetConfig } from '$lib/config';
import { queryCollection, parsePage } from '$lib/ceramic/collection';
import { readProfile, readProfiles, readProfilesOf } from '$lib/social/profile';
import { tempDataDir } from '../stack/helpers.ts';
import { testPort } from '../ports.ts';

let data: Awaited<ReturnType<typeof tempDataDir>>;
let anvil: AnvilHandle;
let ceramic: CeramicHandle;
let models: ModelIds;
let accounts: string[];
let requests: string[] = [];
const realFetch = globalThis.fetch;

const env = (): Record<string, string> => ({
	NU_DATA_DIR: data.dir,
	NU_CERAMIC_PORT: testPort(17327),
	NU_CERAMIC_SWARM_PORT: testPort(14321),
	NU_ANVIL_PORT: testPort(18355)
});

const NAMES = ['Ada', 'Grace Hopper', 'Ünïon Ø'];

beforeAll(async () => {
	data = await tempDataDir('profiles');
	[anvil, ceramic] = await Promise.all([startAnvil(env()), startCeramic(env())]);
	accounts = (await jsonRpcProvider(anvil.rpcUrl).request({ method: 'eth_accounts' })) as string[];
	models = await ensureModels(ceramic.url, data.dir);
	for (const [i, name] of NAMES.entries())
		await writeProfile({ ceramicUrl: ceramic.url, profileModel: models.profile, provider: jsonRpcProvider(anvil.rpcUrl), address: accounts[i]!, profile: { name, bio: `member ${i}` } });
	resetConfig(
		parseConfig({
			chain: { id: 31337, name: 'Local anvil', rpcUrl: anvil.rpcUrl, blockExplorer: null },
			contracts: { unionFactory: '0x0000000000000000000000000000000000000001', deployBlock: 0 },
			ceramic: { url: ceramic.url, models: { profile: models.profile } },
			ipfs: { gateway: 'http://127.0.0.1:8080', uploadUrl: 'http://127.0.0.1:5001/api/v0/add' },
			demo: { union: null }
		})
	);
	globalThis.fetch = (input, init) => {
		requests.push(String(input instanceof Request ? input.url : input));
		return realFetch(input, init);
	};
}, 180_000);

afterAll(async () => {
	globalThis.fetch = realFetch;
	resetConfig();
	await Promise.all([ceramic?.stop(), anvil?.stop()]);
	await data?.remove();
});

describe('profiles over plain fetch', () => {
	it('returns the documents the Ceramic client’s index query returns', async () => {
		const client = await new CeramicClient(ceramic.url).index.query({ model: models.profile, first: 100 });
		const ours = await queryCollection({ model: models.profile, first: 100 });
		expect(ours.docs.map((d) => ({ controller: d.controller, model: d.model, content: d.content, type: d.type, genesisCid: d.genesisCid }))).toEqual(
			client.edges.map((e) => ({
				controller: (e.node?.metadata as { controllers?: string[] } | undefined)?.controllers?.[0],
				model: String(e.node?.metadata.model),
				content: e.node?.content,
				type: e.node?.type,
				genesisCid: e.node?.log[0]?.cid.toString()
			}))
		);
		expect(ours.docs).toHaveLength(NAMES.length);
		expect(ours.hasNextPage).toBe(false);
	});

	it('reads every member’s name in one query', async () => {
		requests = [];
		const profiles = await readProfiles();
		expect(requests.filter((u) => u.endsWith('/api/v0/collection'))).toHaveLength(1);
		expect([...profiles.keys()].sort()).toEqual(accounts.slice(0, NAMES.length).map((a) => a.toLowerCase()).sort());
		for (const [i, name] of NAMES.entries()) expect(profiles.get(accounts[i]!.toLowerCase())).toEqual({ status: 'found', profile: { name, bio: `member ${i}` } });
	});

	it('pages through the index when pages are smaller than the set', async () => {
		requests = [];
		const paged = await readProfiles(1000, 2);
		expect(requests.filter((u) => u.endsWith('/api/v0/collection'))).toHaveLength(2);
		expect(paged).toEqual(await readProfiles());
		expect((await readProfiles(2, 1)).size).toBe(2);
	});

	it('reads one account’s profile, and none for an account without one', async () => {
		expect(await readProfile(accounts[1]!)).toEqual({ status: 'found', profile: { name: 'Grace Hopper', bio: 'member 1' } });
		expect(await readProfile(accounts[5]!)).toEqual({ status: 'none' });
	});

	it('reads only the asked accounts’ profiles (rows on screen), one query per account', async () => {
		requests = [];
		const some = await readProfilesOf([accounts[2]!, accounts[5]!, accounts[2]!.toLowerCase()]);
		expect(requests.filter((u) => u.endsWith('/api/v0/collection'))).toHaveLength(2);
		expect([...some.keys()].sort()).toEqual([accounts[2]!.toLowerCase(), accounts[5]!.toLowerCase()].sort());
		expect(some.get(accounts[2]!.toLowerCase())).toEqual({ status: 'found', profile: { name: 'Ünïon Ø', bio: 'member 2' } });
		expect(some.get(accounts[5]!.toLowerCase())).toEqual({ status: 'none' });
	});

	it('drops edges that are not stream states instead of passing them on', () => {
		const page = parsePage({
			edges: [{ node: null }, { node: { type: 3, log: [] } }, { node: { type: 3, log: [{ cid: 'bagcq' }], content: { name: 'x' }, metadata: { controller: 'did:pkh:eip155:1:0xab', model: 'kjz' } } }, 'nonsense'],
			pageInfo: { hasNextPage: true, endCursor: 'c1' }
		});
		expect(page.docs).toEqual([{ controller: 'did:pkh:eip155:1:0xab', model: 'kjz', content: { name: 'x' }, type: 3, genesisCid: 'bagcq' }]);
		expect(page).toMatchObject({ hasNextPage: true, endCursor: 'c1', startCursor: null });
	});
});

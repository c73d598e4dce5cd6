// @vitest-environment node
// The union page's settings read (web/lib/union/unionDetails.ts) on a real anvil with a real union:
// through the minimal JSON-RPC path (no viem client), the nine getters in one HTTP request beside
// eth_getCode, then the token's symbol; the values are exactly what nine separate viem readContract
// calls return, and an address without a union, a contract that is not one and an unreachable RPC
// are refused in words.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { erc20Abi, type Address } from 'viem';
import { unionAbi } from '../../../web/lib/chain/abi/generated';
import { parseConfig, resetConfig } from '$lib/config';
import { resetClients } from '$lib/chain/client';
import { unionDetails } from '$lib/union/unionDetails';
import { admissionRuleFrom } from '$lib/union/types';
import { deployUnion, startAnvil, type Anvil, type UnionChain } from '../sync/localChain';
import { testPort } from '../ports.ts';

const PORT = Number(testPort(18695));
let anvil: Anvil;
let chain: UnionChain;
const realFetch = globalThis.fetch;
/** JSON-RPC methods of every request the app's client sent, one entry per call in a batch. */
let methods: string[] = [];
/** HTTP requests carrying JSON-RPC. */
let requests = 0;

beforeAll(async () => {
	anvil = await startAnvil(PORT);
	chain = await deployUnion(anvil);
	resetConfig(
		parseConfig({
			chain: { id: 31337, name: 'Local anvil', rpcUrl: anvil.rpcUrl, blockExplorer: null },
			contracts: { unionFactory: '0x0000000000000000000000000000000000000001', deployBlock: 0 },
			ceramic: { url: 'http://127.0.0.1:7007/', models: { profile: 'kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god9' } },
			ipfs: { gateway: 'http://127.0.0.1:8080', uploadUrl: 'http://127.0.0.1:5001/api/v0/add' },
			demo: { union: null }
		})
	);
	resetClients();
	globalThis.fetch = async (input, init) => {
		if (typeof init?.body === 'string' && init.body.includes('"jsonrpc"')) {
			const body = JSON.parse(init.body) as { method: string } | { method: string }[];
			for (const call of Array.isArray(body) ? body : [body]) methods.push(call.method);
			requests++;
		}
		return realFetch(input, init);
	};
}, 120_000);

afterEach(() => {
	methods = [];
	requests = 0;
});

afterAll(async () => {
	globalThis.fetch = realFetch;
	resetConfig();
	resetClients();
	await anvil?.stop();
});

describe('unionDetails', () => {
	it('returns what nine separate reads and the token symbol return', async () => {
		const get = (functionName: 'name' | 'charterCid' | 'admissionRule' | 'steward' | 'founder' | 'token' | 'timelock' | 'memberCount' | 'joinGrant') =>
			chain.publicClient.readContract({ address: chain.union, abi: unionAbi, functionName });
		const token = (await get('token')) as Address;
		const expected = {
			address: chain.union,
			name: await get('name'),
			charterCid: await get('charterCid'),
			admissionRule: admissionRuleFrom(Number(await get('admissionRule'))),
			steward: await get('steward'),
			founder: await get('founder'),
			token,
			timelock: await get('timelock'),
			tokenSymbol: await chain.publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'symbol' }),
			memberCount: await get('memberCount'),
			joinGrant: await get('joinGrant')
		};
		methods = [];
		const details = await unionDetails(chain.union);
		expect(details).toEqual(expected);
		// The values a member sees on the page for this union.
		expect(details.name).toBe('Sync Test Union');
		expect(details.tokenSymbol).toBe('SYN');
		expect(details.memberCount).toBe(1n);
		expect(details.founder).toBe(chain.wallets[0].account.address);
	});

	it('reads the code and the nine settings in one HTTP request, then the symbol', async () => {
		await unionDetails(chain.union);
		expect(requests).toBe(2);
		expect(methods.filter((m) => m === 'eth_getCode')).toHaveLength(1);
		// Nine getters batched with the code check, one for the token's symbol.
		expect(methods.filter((m) => m === 'eth_call')).toHaveLength(10);
	});

	it('says a contract that is not a union is not one', async () => {
		const token = (await chain.publicClient.readContract({ address: chain.union, abi: unionAbi, functionName: 'token' })) as Address;
		await expect(unionDetails(token)).rejects.toThrow(`The contract at ${token} is not a union: it does not answer a union's settings`);
	});

	it('says so when the chain cannot be reached', async () => {
		resetConfig(
			parseConfig({
				chain: { id: 31337, name: 'Local anvil', rpcUrl: 'http://127.0.0.1:9/', blockExplorer: null },
				contracts: { unionFactory: '0x0000000000000000000000000000000000000001', deployBlock: 0 },
				ceramic: { url: 'http://127.0.0.1:7007/', models: { profile: 'kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god9' } },
				ipfs: { gateway: 'http://127.0.0.1:8080', uploadUrl: 'http://127.0.0.1:5001/api/v0/add' },
				demo: { union: null }
			})
		);
		try {
			await expect(unionDetails(chain.union)).rejects.toThrow(/^Cannot reach the chain at http:\/\/127\.0\.0\.1:9\/?$/);
		} finally {
			resetConfig(
				parseConfig({
					chain: { id: 31337, name: 'Local anvil', rpcUrl: anvil.rpcUrl, blockExplorer: null },
					contracts: { unionFactory: '0x0000000000000000000000000000000000000001', deployBlock: 0 },
					ceramic: { url: 'http://127.0.0.1:7007/', models: { profile: 'kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god9' } },
					ipfs: { gateway: 'http://127.0.0.1:8080', uploadUrl: 'http://127.0.0.1:5001/api/v0/add' },
					demo: { union: null }
				})
			);
		}
	});

	it('says so when no union lives at the address', async () => {
		await expect(unionDetails('0x000000000000000000000000000000000000dEaD')).rejects.toThrow(/No union exists at 0x000000000000000000000000000000000000dEaD/);
	});
});

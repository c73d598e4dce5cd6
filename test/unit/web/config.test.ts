import { describe, expect, it } from 'vitest';
import { ConfigError, configUrl, parseConfig } from '$lib/config';

const good = {
	chain: { id: 31337, name: 'Local anvil', rpcUrl: 'http://127.0.0.1:8545', blockExplorer: null },
	contracts: { unionFactory: '0x5FbDB2315678afecb367f032d93F642f64180aa3', deployBlock: 0 },
	ceramic: { url: 'http://127.0.0.1:7007/', models: {
			profile: 'kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god9',
			post: 'kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god8',
			reply: 'kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god7'
		}
	},
	ipfs: { gateway: 'http://127.0.0.1:8080', uploadUrl: 'http://127.0.0.1:5001/api/v0/add' },
	demo: { union: null }
};

function withField(path: string, value: unknown): unknown {
	const copy = structuredClone(good) as Record<string, unknown>;
	const keys = path.split('.');
	let obj = copy;
	for (const k of keys.slice(0, -1)) obj = obj[k] as Record<string, unknown>;
	const last = keys.at(-1)!;
	if (value === undefined) delete obj[last];
	else obj[last] = value;
	return copy;
}

function errorField(raw: unknown): string {
	try {
		parseConfig(raw);
	} catch (e) {
		expect(e).toBeInstanceOf(ConfigError);
		return (e as ConfigError).field;
	}
	throw new Error('expected parseConfig to throw');
}

describe('parseConfig', () => {
	it('accepts the documented shape and strips trailing slashes from URLs', () => {
		const cfg = parseConfig(good);
		expect(cfg.chain.id).toBe(31337);
		expect(cfg.ceramic.url).toBe('http://127.0.0.1:7007');
		expect(cfg.chain.blockExplorer).toBeNull();
		expect(cfg.demo.union).toBeNull();
	});

	it('reads shared feature contracts, treating absent ones as not deployed on this network', () => {
		const escrow = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0';
		const cfg = parseConfig(withField('contracts.escrow', escrow));
		expect(cfg.contracts.escrow).toBe(escrow);
		expect(cfg.contracts.crowdfund).toBeNull();
		expect(cfg.contracts.arbiters).toBeNull();
		expect(cfg.contracts.demands).toBeNull();
	});

	it('leaves out Ceramic models a node has not created (the site hides that feature)', () => {
		const models = parseConfig(withField('ceramic.models.post', undefined)).ceramic.models;
		expect(models.post).toBeUndefined();
		expect(models.reply).toBeDefined();
	});

	it('reads the Uniswap V2 deployment, and hides the swap page when it is absent or null', () => {
		const uniswap = {
			factory: '0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f',
			router: '0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D',
			weth: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2'
		};
		expect(parseConfig(withField('uniswap', uniswap)).uniswap).toEqual(uniswap);
		expect(parseConfig(good).uniswap).toBeNull();
		expect(parseConfig(withField('uniswap', null)).uniswap).toBeNull();
		expect(errorField(withField('uniswap', { ...uniswap, router: '0x12' }))).toBe('uniswap.router');
		expect(errorField(withField('uniswap', { factory: uniswap.factory, router: uniswap.router }))).toBe('uniswap.weth');
		expect(errorField(withField('uniswap', 'mainnet'))).toBe('uniswap');
	});

	it('treats a missing demo section as no demo union', () => {
		expect(parseConfig(withField('demo', undefined)).demo.union).toBeNull();
	});

	it.each([
		['chain.id', 'abc'],
		['chain.id', 0],
		['chain.rpcUrl', 'ftp://x'],
		['chain.rpcUrl', 42],
		['chain.name', ''],
		['chain.blockExplorer', 'not a url'],
		['contracts.unionFactory', '0x1234'],
		['contracts.deployBlock', -1],
		['contracts.deployBlock', 1.5],
		['contracts.escrow', '0xnot-an-address'],
		['contracts.crowdfund', 7],
		['contracts.demands', '0x12'],
		['ceramic.url', undefined],
		['ceramic.models.profile', ''],
		['ceramic.models.post', 42],
		['ceramic.models.reply', ''],
		['ipfs.gateway', 'localhost:8080'],
		['ipfs.uploadUrl', null],
		['demo.union', 'nope']
	])('names %s when it is %j', (field, value) => {
		expect(errorField(withField(field, value))).toBe(field);
	});

	it('names the missing section', () => {
		expect(errorField(withField('ipfs', undefined))).toBe('ipfs');
		expect(errorField(null)).toBe('(root)');
	});

	it('says which field is wrong in the message', () => {
		expect(() => parseConfig(withField('chain.rpcUrl', 'nope'))).toThrow('config.json: chain.rpcUrl must be an http(s) URL, got "nope"');
	});
});

describe('configUrl', () => {
	it('resolves beside index.html under an IPFS path, ignoring the hash route', () => {
		expect(configUrl('http://127.0.0.1:8080/ipfs/bafybeigdyr/#/u/0xabc/invite/xyz')).toBe('http://127.0.0.1:8080/ipfs/bafybeigdyr/config.json');
	});
	it('resolves at the root of a subdomain gateway', () => {
		expect(configUrl('http://bafybeigdyr.ipfs.localhost:8080/#/create')).toBe('http://bafybeigdyr.ipfs.localhost:8080/config.json');
	});
	it('resolves beside an explicit index.html', () => {
		expect(configUrl('https://example.org/site/index.html#/')).toBe('https://example.org/site/config.json');
	});
});

describe('loadConfig', () => {
	it("takes over the request index.html's inline script started for config.json", async () => {
		const { loadConfig, resetConfig } = await import('$lib/config');
		const holder = globalThis as { __nuEarlyConfig?: Promise<Response>; document?: unknown };
		const realFetch = globalThis.fetch;
		const asked: string[] = [];
		const body = JSON.stringify(good);
		holder.__nuEarlyConfig = Promise.resolve(new Response(body, { status: 200 }));
		globalThis.fetch = ((url: string) => (asked.push(String(url)), Promise.reject(new Error('no second request expected')))) as typeof fetch;
		try {
			resetConfig();
			const config = await loadConfig(globalThis.fetch);
			expect(config.chain.id).toBe(good.chain.id);
			expect(asked).toEqual([]);
			expect(holder.__nuEarlyConfig).toBeUndefined();
		} finally {
			globalThis.fetch = realFetch;
			delete holder.__nuEarlyConfig;
			resetConfig();
		}
	});

	it('asks again when the early request failed', async () => {
		const { loadConfig, resetConfig } = await import('$lib/config');
		const holder = globalThis as { __nuEarlyConfig?: Promise<Response> };
		const realFetch = globalThis.fetch;
		const asked: string[] = [];
		holder.__nuEarlyConfig = Promise.reject(new TypeError('Failed to fetch'));
		globalThis.fetch = ((url: string) => (asked.push(String(url)), Promise.resolve(new Response(JSON.stringify(good))))) as typeof fetch;
		try {
			resetConfig();
			await loadConfig(globalThis.fetch);
			expect(asked).toHaveLength(1);
			expect(asked[0]).toMatch(/config\.json$/);
		} finally {
			globalThis.fetch = realFetch;
			resetConfig();
		}
	});
});

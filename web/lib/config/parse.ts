// Runtime validation of config.json. Errors name the exact field ("config.json: chain.rpcUrl must
// be an http(s) URL, got 42") so whoever deploys the site can fix it without reading code.
import type { Address, AppConfig } from './types';

export class ConfigError extends Error {
	/** Dotted path of the offending field, e.g. "contracts.unionFactory". */
	readonly field: string;
	constructor(field: string, problem: string) {
		super(`config.json: ${field} ${problem}`);
		this.name = 'ConfigError';
		this.field = field;
	}
}

type Obj = Record<string, unknown>;

function describe(v: unknown): string {
	if (v === undefined) return 'nothing';
	if (v === null) return 'null';
	if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
	if (Array.isArray(v)) return 'an array';
	if (typeof v === 'object') return 'an object';
	return String(v);
}

function obj(v: unknown, field: string): Obj {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ConfigError(field, `must be an object, got ${describe(v)}`);
	return v as Obj;
}

function str(o: Obj, key: string, field: string): string {
	const v = o[key];
	if (typeof v !== 'string' || v.trim() === '') throw new ConfigError(field, `must be a non-empty string, got ${describe(v)}`);
	return v.trim();
}

function url(o: Obj, key: string, field: string): string {
	const v = o[key];
	if (typeof v !== 'string') throw new ConfigError(field, `must be an http(s) URL, got ${describe(v)}`);
	let parsed: URL;
	try {
		parsed = new URL(v);
	} catch {
		throw new ConfigError(field, `must be an http(s) URL, got ${describe(v)}`);
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigError(field, `must be an http(s) URL, got ${describe(v)}`);
	// Trailing slashes would double up when paths are appended.
	return v.replace(/\/+$/, '');
}

function nonNegInt(o: Obj, key: string, field: string, min = 0): number {
	const v = o[key];
	if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) throw new ConfigError(field, `must be an integer >= ${min}, got ${describe(v)}`);
	return v;
}

function address(v: unknown, field: string): Address {
	if (typeof v !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(v)) throw new ConfigError(field, `must be a 0x-prefixed 20-byte address, got ${describe(v)}`);
	return v as Address;
}

/** An address a network may not have deployed: absent or null means the feature is off there. */
function optionalAddress(o: Obj, key: string, field: string): Address | null {
	const v = o[key];
	return v === undefined || v === null ? null : address(v, field);
}

/** A model id a node may not have created: absent or null leaves the key out. */
function optionalModel(o: Obj, key: string): Record<string, string> {
	const v = o[key];
	return v === undefined || v === null ? {} : { [key]: str(o, key, `ceramic.models.${key}`) };
}

/** Validates parsed JSON as an AppConfig; throws ConfigError naming the first wrong field. */
export function parseConfig(raw: unknown): AppConfig {
	const root = obj(raw, '(root)');

	const chain = obj(root.chain, 'chain');
	const explorerRaw = chain.blockExplorer;
	const blockExplorer = explorerRaw === null || explorerRaw === undefined ? null : url(chain, 'blockExplorer', 'chain.blockExplorer');

	const contracts = obj(root.contracts, 'contracts');
	const ceramic = obj(root.ceramic, 'ceramic');
	const models = obj(ceramic.models, 'ceramic.models');
	const ipfs = obj(root.ipfs, 'ipfs');
	const demoRaw = root.demo;
	const demo = demoRaw === undefined || demoRaw === null ? {} : obj(demoRaw, 'demo');
	const uniswapRaw = root.uniswap;
	const uniswap = uniswapRaw === undefined || uniswapRaw === null ? null : obj(uniswapRaw, 'uniswap');
	const sponsorRaw = root.sponsorship;
	const sponsor = sponsorRaw === undefined || sponsorRaw === null ? null : obj(sponsorRaw, 'sponsorship');
	const pmRaw = root.paymasterService;
	const pm = pmRaw === undefined || pmRaw === null ? null : obj(pmRaw, 'paymasterService');

	return {
		chain: {
			id: nonNegInt(chain, 'id', 'chain.id', 1),
			name: str(chain, 'name', 'chain.name'),
			rpcUrl: url(chain, 'rpcUrl', 'chain.rpcUrl'),
			blockExplorer
		},
		contracts: {
			unionFactory: address(contracts.unionFactory, 'contracts.unionFactory'),
			deployBlock: nonNegInt(contracts, 'deployBlock', 'contracts.deployBlock'),
			arbiters: optionalAddress(contracts, 'arbiters', 'contracts.arbiters'),
			escrow: optionalAddress(contracts, 'escrow', 'contracts.escrow'),
			crowdfund: optionalAddress(contracts, 'crowdfund', 'contracts.crowdfund'),
			demands: optionalAddress(contracts, 'demands', 'contracts.demands'),
			courses: optionalAddress(contracts, 'courses', 'contracts.courses')
		},
		ceramic: {
			url: url(ceramic, 'url', 'ceramic.url'),
			models: {
				profile: str(models, 'profile', 'ceramic.models.profile'),
				...optionalModel(models, 'post'),
				...optionalModel(models, 'reply'),
				...optionalModel(models, 'service'),
				...optionalModel(models, 'job'),
				...optionalModel(models, 'course')
			}
		},
		ipfs: {
			gateway: url(ipfs, 'gateway', 'ipfs.gateway'),
			uploadUrl: url(ipfs, 'uploadUrl', 'ipfs.uploadUrl')
		},
		demo: {
			union: demo.union === undefined || demo.union === null ? null : address(demo.union, 'demo.union')
		},
		uniswap: uniswap
			? {
					factory: address(uniswap.factory, 'uniswap.factory'),
					router: address(uniswap.router, 'uniswap.router'),
					weth: address(uniswap.weth, 'uniswap.weth')
				}
			: null,
		sponsorship: sponsor
			? {
					bundlerUrl: url(sponsor, 'bundlerUrl', 'sponsorship.bundlerUrl'),
					entryPoint: address(sponsor.entryPoint, 'sponsorship.entryPoint'),
					relayAccount: address(sponsor.relayAccount, 'sponsorship.relayAccount'),
					paymaster: address(sponsor.paymaster, 'sponsorship.paymaster')
				}
			: null,
		paymasterService: pm
			? {
					url: url(pm, 'url', 'paymasterService.url'),
					context: pm.context === undefined || pm.context === null ? null : obj(pm.context, 'paymasterService.context')
				}
			: null
	};
}

// A union's current settings through the minimal JSON-RPC path (rpc/), not viem's client: the union
// page shows them before anything else, and viem's chunk (~93 KB gzip) would have to arrive, parse
// and run first (issue 14). One JSON-RPC batch (the code check and the nine getters), then the
// token's symbol, whose address comes from the first.
import type { Address } from 'viem';
import { getConfig } from '$lib/config';
import { unionAbi } from '../chain/abi';
import { decodeGetter, getterCall, type AbiGetter, type GetterValue } from '../rpc/abiFunction';
import { DecodeError } from '../rpc/abiEvent';
import { rpcBatch, rpcCall, RpcResponseError } from '../rpc/jsonRpc';
import { ReadError, toReadError } from '../rpc/errors';
import { admissionRuleFrom, type AdmissionRule } from './types';

export interface UnionDetails {
	address: Address;
	name: string;
	charterCid: string;
	admissionRule: AdmissionRule;
	steward: Address;
	founder: Address;
	token: Address;
	timelock: Address;
	tokenSymbol: string;
	memberCount: bigint;
	joinGrant: bigint;
}

type UnionEntry = (typeof unionAbi)[number];
type Field = 'name' | 'charterCid' | 'admissionRule' | 'steward' | 'founder' | 'token' | 'timelock' | 'memberCount' | 'joinGrant';
type Getter<N extends Field> = Extract<UnionEntry, { type: 'function'; name: N }>;
type Getters = { [N in Field]: Getter<N> };

function getter<N extends Field>(name: N): Getter<N> {
	const entry = unionAbi.find((e): e is Getter<N> => e.type === 'function' && e.name === name && e.inputs.length === 0 && e.outputs.length === 1);
	if (!entry) throw new ReadError(`This build of the site has no ${name}() in its Union ABI: rebuild it from the contracts (npm run build:contracts).`);
	return entry;
}

let getters: Getters | undefined;
function unionGetters(): Getters {
	getters ??= {
		name: getter('name'),
		charterCid: getter('charterCid'),
		admissionRule: getter('admissionRule'),
		steward: getter('steward'),
		founder: getter('founder'),
		token: getter('token'),
		timelock: getter('timelock'),
		memberCount: getter('memberCount'),
		joinGrant: getter('joinGrant')
	};
	return getters;
}

/** ERC-20's symbol() (as viem's erc20Abi has it): the token clone answers it from its code. */
const symbolGetter = { type: 'function', name: 'symbol', inputs: [], outputs: [{ name: '', type: 'string' }] } as const satisfies AbiGetter;

const FIELDS = ['name', 'charterCid', 'admissionRule', 'steward', 'founder', 'token', 'timelock', 'memberCount', 'joinGrant'] as const satisfies readonly Field[];

/** Two round trips: eth_getCode and the nine getters in one batch, then the token's symbol. */
export async function unionDetails(union: Address): Promise<UnionDetails> {
	const { chain } = getConfig();
	const ctx = { rpcUrl: chain.rpcUrl, chainId: chain.id, chainName: chain.name };
	try {
		const g = unionGetters();
		const [code, ...answers] = await rpcBatch<string[]>(chain.rpcUrl, [
			{ method: 'eth_getCode', params: [union, 'latest'] },
			...FIELDS.map((f) => getterCall(union, g[f]))
		]);
		if (!code || code === '0x') throw new ReadError(`No union exists at ${union} on this network`);
		const value = <N extends Field>(name: N): GetterValue<Getter<N>> => decodeGetter(g[name], answers[FIELDS.indexOf(name)] ?? '0x');
		const token = value('token');
		const tokenSymbol = decodeGetter(symbolGetter, await rpcCall<string>(chain.rpcUrl, getterCall(token, symbolGetter)));
		return {
			address: union,
			name: value('name'),
			charterCid: value('charterCid'),
			admissionRule: admissionRuleFrom(value('admissionRule')),
			steward: value('steward'),
			founder: value('founder'),
			token,
			timelock: value('timelock'),
			tokenSymbol,
			memberCount: value('memberCount'),
			joinGrant: value('joinGrant')
		};
	} catch (e) {
		// Code that reverts on, or answers garbage to, the union's getters is some other contract.
		if (e instanceof DecodeError || (e instanceof RpcResponseError && e.code === 3))
			throw new ReadError(`The contract at ${union} is not a union: it does not answer a union's settings`, { cause: e });
		throw toReadError(e, ctx);
	}
}

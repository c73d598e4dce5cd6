// What a voter reads for each call of a proposal: the registry's words where a kind reads the call
// (actions.ts), else the call decoded by whichever of the app's ABIs knows its function, else the raw
// target, value and calldata. Lazy-loaded by the proposal page (it carries every ABI).
import { decodeFunctionData, erc20Abi, type Abi, type AbiFunction, type Address } from 'viem';
import * as generated from '../chain/abi/generated';
import { formatTokenAmount } from '../chain/amounts';
import type { Call } from './calls';
import { decodeCall, describeAction, type WordsContext } from './actions';

export interface DescribedCall {
	/** The sentence for the voter. */
	text: string;
	/** How it was read: a builder kind, a function of a known ABI, or not at all. */
	how: 'action' | 'abi' | 'raw';
}

/** Every ABI the app knows (the errors-only one has no functions), ERC-20 first. */
const ABIS: readonly Abi[] = [erc20Abi, ...Object.values(generated)];

function decodeByAbi(data: Call['data']): { fn: AbiFunction; args: readonly unknown[] } | null {
	if (data.length < 10) return null;
	for (const abi of ABIS) {
		try {
			const d = decodeFunctionData({ abi, data });
			const args = d.args ?? [];
			const fn = abi.find((i): i is AbiFunction => i.type === 'function' && i.name === d.functionName && i.inputs.length === args.length);
			if (fn) return { fn, args };
		} catch {
			// not this ABI's function
		}
	}
	return null;
}

function show(v: unknown, ctx: WordsContext): string {
	if (typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v)) return ctx.name(v as Address);
	if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return String(v);
	if (typeof v === 'string') return v.startsWith('0x') ? v : `“${v}”`;
	if (Array.isArray(v)) return `[${v.map((x) => show(x, ctx)).join(', ')}]`;
	if (typeof v === 'object' && v !== null) return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${show(x, ctx)}`).join(', ')} }`;
	return String(v);
}

export function describeCall(call: Call, ctx: WordsContext): DescribedCall {
	const action = decodeCall(call, ctx);
	if (action.kind !== 'raw') return { text: describeAction(action, ctx), how: 'action' };
	const value = call.value > 0n ? `, sending ${formatTokenAmount(call.value)} ETH` : '';
	const known = decodeByAbi(call.data);
	if (known) {
		const args = known.args.map((a, i) => `${known.fn.inputs[i]?.name || `arg${i}`}: ${show(a, ctx)}`).join(', ');
		return { text: `Call ${known.fn.name}(${args}) on ${ctx.name(call.target)}${value}`, how: 'abi' };
	}
	return { text: `Call ${ctx.name(call.target)}${value} with calldata ${call.data}`, how: 'raw' };
}

/** The contracts a proposal usually touches, by what a member calls them. */
export interface KnownContracts {
	union: Address;
	token: Address;
	symbol: string;
	timelock: Address;
	governor: Address;
	arbiters: Address | null;
	crowdfund: Address | null;
	escrow: Address | null;
	/** The gas-sponsorship paymaster, where there is one. */
	paymaster?: Address | null;
	/** The shared demands and courses contracts, where there are any. */
	demands?: Address | null;
	courses?: Address | null;
}

/**
 * Words for the calls of one union's proposals: its own contracts by role, people by the name their
 * profile gives (`personName`, e.g. leaders/names.ts displayName over the loaded profiles).
 */
export function wordsFor(known: KnownContracts, personName: (address: Address) => string): WordsContext {
	const roles: [Address | null, string][] = [
		[known.union, 'the union'],
		[known.token, `the ${known.symbol} token`],
		[known.timelock, 'the treasury'],
		[known.governor, 'the union’s governor'],
		[known.arbiters, 'the arbiter registry'],
		[known.crowdfund, 'the crowdfunding contract'],
		[known.escrow, 'the escrow'],
		[known.paymaster ?? null, 'the gas-sponsorship paymaster'],
		[known.demands ?? null, 'the demands contract'],
		[known.courses ?? null, 'the courses contract']
	];
	return {
		union: known.union,
		token: known.token,
		symbol: known.symbol,
		arbiters: known.arbiters,
		crowdfund: known.crowdfund,
		paymaster: known.paymaster ?? null,
		governor: known.governor,
		demands: known.demands ?? null,
		courses: known.courses ?? null,
		name: (a) => roles.find(([r]) => r !== null && r.toLowerCase() === a.toLowerCase())?.[1] ?? personName(a)
	};
}

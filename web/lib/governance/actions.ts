// The proposal actions, one registry entry per kind: its label in the builder, the form fields it
// asks for, how the form becomes the action, how the action becomes the timelock's calls, how a
// call turns back into the action, and the words a voter reads. The builder (ui/governance/
// ActionForm.svelte), the encoder (calls.ts, also used by the demo seed) and the proposal page all
// go through it. Relative imports only: the seed runs this file under plain Node.
import { decodeFunctionData, encodeFunctionData, erc20Abi, isAddress, isHex, type Abi, type Address, type Hex } from 'viem';
import { crowdfundAbi, unionAbi, unionArbitersAbi, unionPaymasterAbi } from '../chain/abi/generated';
import { formatTokenAmount, parseTokenAmount } from '../chain/amounts';
import { ADMISSION_LABELS, AdmissionRule, admissionRuleFrom } from '../union/types';
import {
	CONTRACT_LABELS,
	FUNCTION_LABELS,
	SPONSORABLE_CONTRACTS,
	allowListChange,
	parseBudget,
	parsePeriodDays,
	periodWords,
	sponsorableName,
	type SponsorableContract
} from '../sponsor/rules';
import type { ActionKind, Call, ProposalAction } from './calls';

/** Everything the builder's form can hold; each kind reads only its own fields. */
export interface ActionFormValues {
	amount: string;
	to: string;
	rule: AdmissionRule;
	charter: string;
	startDays: number;
	endDays: number;
	roundId: string;
	target: string;
	value: string;
	data: string;
	/** Gas sponsorship: ETH per member per period, the period in days. */
	budget: string;
	periodDays: string;
	/** Gas sponsorship: the contract, its functions by name, and whether they become sponsored. */
	sponsorContract: SponsorableContract;
	sponsorFunctions: string[];
	allow: boolean;
}

export type ActionField = keyof ActionFormValues;

export function emptyActionForm(): ActionFormValues {
	return { amount: '', to: '', rule: AdmissionRule.Open, charter: '# Our charter\n\n', startDays: 1, endDays: 30, roundId: '', target: '', value: '0', data: '0x', budget: '', periodDays: '30', sponsorContract: 'union', sponsorFunctions: [], allow: true };
}

/** The union a proposal acts for: its token and the shared contracts this network has. */
export interface UnionContext {
	union: Address;
	token: Address;
	symbol: string;
	arbiters: Address | null;
	crowdfund: Address | null;
	/** The gas-sponsorship paymaster (issue 15), where config.json names one. */
	paymaster?: Address | null;
	/** The union's governor and the shared demands and courses contracts: what a sponsorship allow-list covers. */
	governor?: Address | null;
	demands?: Address | null;
	courses?: Address | null;
}

export interface BuildContext extends UnionContext {
	/** Unix seconds the builder counts days from. */
	now: bigint;
}

export interface WordsContext extends UnionContext {
	/** A person's or contract's name: a profile name where one is known, else the short address. */
	name(address: Address): string;
}

type ActionOf<K extends ActionKind> = Extract<ProposalAction, { kind: K }>;

export interface ActionEntry<K extends ActionKind> {
	/** The builder's label; null for kinds that are only read back (an approval inside fundRound). */
	label: ((ctx: UnionContext) => string) | null;
	fields: readonly ActionField[];
	/** The shared contract the kind needs; the builder hides it where config.json has none. */
	needs?: 'arbiters' | 'crowdfund' | 'paymaster';
	/** The action from the form; throws a sentence for the member on bad input. */
	build(form: ActionFormValues, ctx: BuildContext): { action: ActionOf<K>; charterText?: string };
	encode(action: ActionOf<K>): Call[];
	/** The action one call of this kind came from, or null when the call is not of this kind. */
	decode(call: Call, ctx: UnionContext): ActionOf<K> | null;
	describe(action: ActionOf<K>, ctx: WordsContext): string;
}

const same = (a: string, b: string | null): boolean => b !== null && a.toLowerCase() === b.toLowerCase();

function addr(v: string, what: string): Address {
	const t = v.trim();
	if (!isAddress(t)) throw new Error(`${what} must be a 0x address`);
	return t;
}

function tokens(v: string): bigint {
	const n = parseTokenAmount(v.trim());
	if (n === null || n <= 0n) throw new Error('Enter an amount above zero');
	return n;
}

function need(address: Address | null, missing: string): Address {
	if (!address) throw new Error(missing);
	return address;
}

function call(target: Address, data: Hex): Call {
	return { target, value: 0n, data };
}

/** The function call in `data` under `abi`, or null when `data` is not one of its functions. */
function decoded(abi: Abi, c: Call): { functionName: string; args: readonly unknown[] } | null {
	if (c.value !== 0n || c.data.length < 10) return null;
	try {
		const d = decodeFunctionData({ abi, data: c.data });
		return { functionName: d.functionName, args: d.args ?? [] };
	} catch {
		return null;
	}
}

const day = (seconds: bigint): string => new Date(Number(seconds) * 1000).toISOString().slice(0, 10);

type ArbiterAction = Extract<ProposalAction, { kind: 'appointArbiter' | 'removeArbiter' }>;

/** Appointing and removing an arbiter: one call to the registry, the same shape both ways. */
function arbiterEntry<K extends 'appointArbiter' | 'removeArbiter'>(
	kind: K,
	functionName: 'appoint' | 'remove',
	label: string,
	words: (who: string) => string
): ActionEntry<K> {
	const action = (arbiters: Address, union: Address, arbiter: Address) => ({ kind, arbiters, union, arbiter }) as ActionOf<K>;
	return {
		label: () => label,
		fields: ['to'],
		needs: 'arbiters',
		build: (f, ctx) => ({ action: action(need(ctx.arbiters, 'Arbiters are not deployed on this network'), ctx.union, addr(f.to, 'The arbiter')) }),
		encode: (a: ArbiterAction) => [call(a.arbiters, encodeFunctionData({ abi: unionArbitersAbi, functionName, args: [a.union, a.arbiter] }))],
		decode: (c, ctx) => {
			const d = same(c.target, ctx.arbiters) ? decoded(unionArbitersAbi, c) : null;
			return d?.functionName === functionName ? action(c.target, d.args[0] as Address, d.args[1] as Address) : null;
		},
		describe: (a: ArbiterAction, ctx) => words(ctx.name(a.arbiter))
	};
}

/** The addresses a sponsorship allow-list may name, from the union's context. */
function sponsorableAddresses(ctx: UnionContext): Partial<Record<SponsorableContract, Address | null>> {
	return { union: ctx.union, governor: ctx.governor ?? null, crowdfund: ctx.crowdfund, demands: ctx.demands ?? null, courses: ctx.courses ?? null };
}

export const ACTIONS: { readonly [K in ActionKind]: ActionEntry<K> } = {
	pay: {
		label: (ctx) => `Pay ${ctx.symbol} from the treasury`,
		fields: ['amount', 'to'],
		build: (f, ctx) => ({ action: { kind: 'pay', token: ctx.token, amount: tokens(f.amount), to: addr(f.to, 'The recipient') } }),
		encode: (a) => [call(a.token, encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [a.to, a.amount] }))],
		decode: (c, ctx) => {
			const d = same(c.target, ctx.token) ? decoded(erc20Abi, c) : null;
			return d?.functionName === 'transfer' ? { kind: 'pay', token: c.target, to: d.args[0] as Address, amount: d.args[1] as bigint } : null;
		},
		describe: (a, ctx) => `Pay ${formatTokenAmount(a.amount)} ${ctx.symbol} from the treasury to ${ctx.name(a.to)}`
	},
	payEth: {
		label: () => 'Pay ETH from the treasury',
		fields: ['amount', 'to'],
		build: (f) => ({ action: { kind: 'payEth', amount: tokens(f.amount), to: addr(f.to, 'The recipient') } }),
		encode: (a) => [{ target: a.to, value: a.amount, data: '0x' }],
		decode: (c) => (c.data === '0x' && c.value > 0n ? { kind: 'payEth', to: c.target, amount: c.value } : null),
		describe: (a, ctx) => `Pay ${formatTokenAmount(a.amount)} ETH from the treasury to ${ctx.name(a.to)}`
	},
	admissionRule: {
		label: () => 'Change the admission rule',
		fields: ['rule'],
		build: (f, ctx) => ({ action: { kind: 'admissionRule', union: ctx.union, rule: f.rule } }),
		encode: (a) => [call(a.union, encodeFunctionData({ abi: unionAbi, functionName: 'setAdmissionRule', args: [a.rule] }))],
		decode: (c, ctx) => {
			const d = same(c.target, ctx.union) ? decoded(unionAbi, c) : null;
			return d?.functionName === 'setAdmissionRule' ? { kind: 'admissionRule', union: c.target, rule: admissionRuleFrom(Number(d.args[0])) } : null;
		},
		describe: (a) => `Change the admission rule to “${ADMISSION_LABELS[a.rule]}”`
	},
	charter: {
		label: () => 'Update the charter',
		fields: ['charter'],
		build: (f, ctx) => {
			if (!f.charter.trim()) throw new Error('Write the new charter');
			// the CID is filled in when the builder uploads the text
			return { action: { kind: 'charter', union: ctx.union, cid: '' }, charterText: f.charter };
		},
		encode: (a) => [call(a.union, encodeFunctionData({ abi: unionAbi, functionName: 'setCharter', args: [a.cid] }))],
		decode: (c, ctx) => {
			const d = same(c.target, ctx.union) ? decoded(unionAbi, c) : null;
			return d?.functionName === 'setCharter' ? { kind: 'charter', union: c.target, cid: String(d.args[0]) } : null;
		},
		describe: (a) => (a.cid ? `Replace the charter with ipfs://${a.cid}` : 'Update the charter')
	},
	approveApplicant: {
		label: () => 'Approve a join request',
		fields: ['to'],
		build: (f, ctx) => ({ action: { kind: 'approveApplicant', union: ctx.union, applicant: addr(f.to, 'The applicant') } }),
		encode: (a) => [call(a.union, encodeFunctionData({ abi: unionAbi, functionName: 'approve', args: [a.applicant] }))],
		decode: (c, ctx) => {
			const d = same(c.target, ctx.union) ? decoded(unionAbi, c) : null;
			return d?.functionName === 'approve' ? { kind: 'approveApplicant', union: c.target, applicant: d.args[0] as Address } : null;
		},
		describe: (a, ctx) => `Approve ${ctx.name(a.applicant)}’s request to join`
	},
	appointArbiter: arbiterEntry('appointArbiter', 'appoint', 'Appoint an arbiter', (who) => `Appoint ${who} as an arbiter`),
	removeArbiter: arbiterEntry('removeArbiter', 'remove', 'Remove an arbiter', (who) => `Remove ${who} as an arbiter`),
	openRound: {
		label: () => 'Open a matching round',
		fields: ['startDays', 'endDays'],
		needs: 'crowdfund',
		build: (f, ctx) => {
			const crowdfund = need(ctx.crowdfund, 'Crowdfunding is not deployed on this network');
			if (!(f.endDays > f.startDays && f.startDays >= 0)) throw new Error('The round must end after it starts');
			const start = ctx.now + BigInt(Math.round(f.startDays * 86_400));
			const end = ctx.now + BigInt(Math.round(f.endDays * 86_400));
			return { action: { kind: 'openRound', crowdfund, union: ctx.union, start, end } };
		},
		encode: (a) => [call(a.crowdfund, encodeFunctionData({ abi: crowdfundAbi, functionName: 'openRound', args: [a.union, Number(a.start), Number(a.end)] }))],
		decode: (c, ctx) => {
			const d = same(c.target, ctx.crowdfund) ? decoded(crowdfundAbi, c) : null;
			return d?.functionName === 'openRound'
				? { kind: 'openRound', crowdfund: c.target, union: d.args[0] as Address, start: BigInt(d.args[1] as number), end: BigInt(d.args[2] as number) }
				: null;
		},
		describe: (a) => `Open a matching round for campaigns ending between ${day(a.start)} and ${day(a.end)}`
	},
	fundRound: {
		label: () => 'Fund a matching round',
		fields: ['roundId', 'amount'],
		needs: 'crowdfund',
		build: (f, ctx) => {
			const crowdfund = need(ctx.crowdfund, 'Crowdfunding is not deployed on this network');
			if (!/^\d+$/.test(f.roundId.trim())) throw new Error('Enter the round number');
			return { action: { kind: 'fundRound', crowdfund, token: ctx.token, roundId: BigInt(f.roundId.trim()), amount: tokens(f.amount) } };
		},
		// An approval of exactly the amount, then the transfer into the round (read back as two actions).
		encode: (a) => [...ACTIONS.allowance.encode({ kind: 'allowance', token: a.token, spender: a.crowdfund, amount: a.amount }), call(a.crowdfund, encodeFunctionData({ abi: crowdfundAbi, functionName: 'fundRound', args: [a.roundId, a.amount] }))],
		decode: (c, ctx) => {
			const d = same(c.target, ctx.crowdfund) ? decoded(crowdfundAbi, c) : null;
			return d?.functionName === 'fundRound' ? { kind: 'fundRound', crowdfund: c.target, token: ctx.token, roundId: d.args[0] as bigint, amount: d.args[1] as bigint } : null;
		},
		describe: (a, ctx) => `Add ${formatTokenAmount(a.amount)} ${ctx.symbol} from the treasury to matching round #${a.roundId}`
	},
	allowance: {
		label: null,
		fields: [],
		build: () => {
			throw new Error('An approval is added with the action that needs it');
		},
		encode: (a) => [call(a.token, encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [a.spender, a.amount] }))],
		decode: (c, ctx) => {
			const d = same(c.target, ctx.token) ? decoded(erc20Abi, c) : null;
			return d?.functionName === 'approve' ? { kind: 'allowance', token: c.target, spender: d.args[0] as Address, amount: d.args[1] as bigint } : null;
		},
		describe: (a, ctx) => `Allow ${ctx.name(a.spender)} to take ${formatTokenAmount(a.amount)} ${ctx.symbol} from the treasury`
	},
	sponsorTopUp: {
		label: () => 'Top up gas sponsorship (ETH)',
		fields: ['amount'],
		needs: 'paymaster',
		build: (f, ctx) => ({
			action: { kind: 'sponsorTopUp', paymaster: need(ctx.paymaster ?? null, 'No gas-sponsorship paymaster on this network'), union: ctx.union, amount: tokens(f.amount) }
		}),
		encode: (a) => [{ target: a.paymaster, value: a.amount, data: encodeFunctionData({ abi: unionPaymasterAbi, functionName: 'depositFor', args: [a.union] }) }],
		decode: (c, ctx) => {
			if (!same(c.target, ctx.paymaster ?? null) || c.value === 0n) return null;
			try {
				const d = decodeFunctionData({ abi: unionPaymasterAbi, data: c.data });
				return d.functionName === 'depositFor' && same(d.args[0], ctx.union) ? { kind: 'sponsorTopUp', paymaster: c.target, union: ctx.union, amount: c.value } : null;
			} catch {
				return null;
			}
		},
		describe: (a) => `Pay ${formatTokenAmount(a.amount)} ETH from the treasury into the union’s gas sponsorship (members with no ETH act on it)`
	},
	sponsorRules: {
		label: () => 'Change the gas-sponsorship budget',
		fields: ['budget', 'periodDays'],
		needs: 'paymaster',
		build: (f, ctx) => ({
			action: {
				kind: 'sponsorRules',
				paymaster: need(ctx.paymaster ?? null, 'No gas-sponsorship paymaster on this network'),
				union: ctx.union,
				budgetPerMember: parseBudget(f.budget),
				period: parsePeriodDays(f.periodDays)
			}
		}),
		encode: (a) => [call(a.paymaster, encodeFunctionData({ abi: unionPaymasterAbi, functionName: 'setRules', args: [a.union, a.budgetPerMember, a.period] }))],
		decode: (c, ctx) => {
			const d = same(c.target, ctx.paymaster ?? null) ? decoded(unionPaymasterAbi, c) : null;
			return d?.functionName === 'setRules' && same(d.args[0] as Address, ctx.union)
				? { kind: 'sponsorRules', paymaster: c.target, union: ctx.union, budgetPerMember: d.args[1] as bigint, period: Number(d.args[2]) }
				: null;
		},
		describe: (a) =>
			a.budgetPerMember === 0n
				? 'Stop paying members’ gas (a budget of 0): every member pays their own'
				: `Pay each trusted member’s gas up to ${formatTokenAmount(a.budgetPerMember)} ETH every ${periodWords(a.period)}`
	},
	sponsorAllowed: {
		label: () => 'Choose which actions gas sponsorship covers',
		fields: ['sponsorContract', 'sponsorFunctions', 'allow'],
		needs: 'paymaster',
		build: (f, ctx) => {
			const paymaster = need(ctx.paymaster ?? null, 'No gas-sponsorship paymaster on this network');
			const { target, selectors } = allowListChange(f.sponsorContract, f.sponsorFunctions, sponsorableAddresses(ctx));
			return { action: { kind: 'sponsorAllowed', paymaster, union: ctx.union, target, selectors, allowed: f.allow } };
		},
		encode: (a) => [call(a.paymaster, encodeFunctionData({ abi: unionPaymasterAbi, functionName: 'setAllowed', args: [a.union, a.target, a.selectors, a.allowed] }))],
		decode: (c, ctx) => {
			const d = same(c.target, ctx.paymaster ?? null) ? decoded(unionPaymasterAbi, c) : null;
			return d?.functionName === 'setAllowed' && same(d.args[0] as Address, ctx.union)
				? { kind: 'sponsorAllowed', paymaster: c.target, union: ctx.union, target: d.args[1] as Address, selectors: [...(d.args[2] as readonly Hex[])], allowed: d.args[3] as boolean }
				: null;
		},
		describe: (a, ctx) => {
			const contract = SPONSORABLE_CONTRACTS.find((k) => same(a.target, sponsorableAddresses(ctx)[k] ?? null));
			const where = contract ? CONTRACT_LABELS[contract] : ctx.name(a.target);
			const what = a.selectors.map((s) => {
				const name = sponsorableName(s);
				return name ? (FUNCTION_LABELS[name] ?? name).toLowerCase() : s;
			});
			return `${a.allowed ? 'Pay members’ gas for' : 'Stop paying members’ gas for'} ${what.join(', ')} on ${where}`;
		}
	},
	raw: {
		label: () => 'Raw call (experts)',
		fields: ['target', 'value', 'data'],
		build: (f) => {
			const target = addr(f.target, 'The target');
			const data = f.data.trim();
			if (!isHex(data)) throw new Error('Calldata must be 0x-prefixed hex');
			const value = parseTokenAmount(f.value.trim() || '0');
			if (value === null) throw new Error('Value must be a number (ETH)');
			return { action: { kind: 'raw', target, value, data } };
		},
		encode: (a) => [{ target: a.target, value: a.value, data: a.data }],
		// Any call at all: the last resort when no other kind reads it.
		decode: (c) => ({ kind: 'raw', target: c.target, value: c.value, data: c.data }),
		describe: (a, ctx) => {
			const value = a.value > 0n ? ` sending ${formatTokenAmount(a.value)} ETH` : '';
			return `Call ${ctx.name(a.target)}${value} with ${a.data.length > 12 ? `${a.data.slice(0, 10)}…` : a.data}`;
		}
	}
};

/**
 * Kinds the timelock can carry out while the founder is still the union's steward: payments and calls of its
 * own, and the paymaster's, which takes the union's steward or its timelock (everything else on the union needs
 * the steward's powers handed over first).
 */
export const TIMELOCK_CAN_BEFORE_HANDOVER: ReadonlySet<ActionKind> = new Set<ActionKind>(['pay', 'payEth', 'raw', 'fundRound', 'sponsorTopUp', 'sponsorRules', 'sponsorAllowed']);

/** Kinds in the order the builder offers them (those whose contract this network has). */
export function builderKinds(ctx: UnionContext): { kind: ActionKind; label: string }[] {
	return (Object.keys(ACTIONS) as ActionKind[]).flatMap((kind) => {
		const entry: ActionEntry<ActionKind> = ACTIONS[kind] as unknown as ActionEntry<ActionKind>;
		if (!entry.label || (entry.needs && !ctx[entry.needs])) return [];
		return [{ kind, label: entry.label(ctx) }];
	});
}

function entryOf<K extends ActionKind>(kind: K): ActionEntry<K> {
	return ACTIONS[kind] as ActionEntry<K>;
}

/** The action the form describes, with its one-line summary; throws a sentence on bad input. */
export function buildAction(kind: ActionKind, form: ActionFormValues, ctx: BuildContext & WordsContext): { action: ProposalAction; summary: string; charterText?: string } {
	const built = entryOf(kind).build(form, ctx);
	return { ...built, summary: describeAction(built.action, ctx) };
}

export function encodeAction(action: ProposalAction): Call[] {
	return (entryOf(action.kind).encode as (a: ProposalAction) => Call[])(action);
}

export function describeAction(action: ProposalAction, ctx: WordsContext): string {
	return (entryOf(action.kind).describe as (a: ProposalAction, c: WordsContext) => string)(action, ctx);
}

/** The action one on-chain call came from: the first kind that reads it, else a raw call. */
export function decodeCall(c: Call, ctx: UnionContext): ProposalAction {
	for (const kind of Object.keys(ACTIONS) as ActionKind[]) {
		if (kind === 'raw') continue;
		const action = (entryOf(kind).decode as (c: Call, ctx: UnionContext) => ProposalAction | null)(c, ctx);
		if (action) return action;
	}
	return { kind: 'raw', target: c.target, value: c.value, data: c.data };
}

// What the connected wallet offers beyond eth_sendTransaction (EIP-5792): whether it takes a batch of calls in
// one request (`wallet_sendCalls`), whether it runs them atomically (`atomic`), and whether it can have a
// paymaster web service pay for them (ERC-7677 `paymasterService`). Asked once per session for the member's
// address and chain; a wallet without the method (4200, -32601, …) or with nothing for this chain offers none,
// and the site keeps its one-transaction-per-call path. Dependency-free: no viem, so it costs nothing to ask.
import type { Address } from '$lib/config';

/** How a wallet runs a batch (EIP-5792 v2 `atomic.status`; `ready`: it can upgrade the account, via EIP-7702, on request). */
export type AtomicStatus = 'supported' | 'ready' | 'unsupported';

export interface WalletCallsSupport {
	/** The wallet takes `wallet_sendCalls` for this account on this chain. */
	sendCalls: boolean;
	atomic: AtomicStatus;
	/** The wallet calls an ERC-7677 paymaster web service given in `capabilities.paymasterService`. */
	paymasterService: boolean;
}

export const NO_CALLS_SUPPORT: WalletCallsSupport = Object.freeze({ sendCalls: false, atomic: 'unsupported', paymasterService: false });

/** The provider surface this module needs (any EIP-1193 provider has it). */
export interface RequestProvider {
	request(args: { method: string; params?: unknown }): Promise<unknown>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The entry of `raw` for `chainId`: keyed by hex (v2: `0x7a69`, any case or leading zeros) or, in some older wallets, decimal. */
function entryFor(raw: Obj, chainId: number): Obj | undefined {
	for (const [key, value] of Object.entries(raw)) {
		if (!isObj(value)) continue;
		const id = /^0x[0-9a-f]+$/i.test(key) ? Number.parseInt(key.slice(2), 16) : /^[0-9]+$/.test(key) ? Number(key) : Number.NaN;
		if (id === chainId) return value;
	}
	return undefined;
}

function supported(v: unknown): boolean {
	return isObj(v) && v.supported === true;
}

/**
 * Reads a `wallet_getCapabilities` answer for `chainId`. EIP-5792 v2 keys capabilities by hex chain id, with
 * `0x0` for those of every chain (a chain's own entry wins), `atomic: { status }` and
 * `paymasterService: { supported }`; wallets built on the earlier draft answer `atomicBatch: { supported }`.
 * A wallet lists only chains where it can send calls (MetaMask leaves out chains where atomic is neither
 * supported nor ready), so no entry means no `wallet_sendCalls` here.
 */
export function parseCapabilities(raw: unknown, chainId: number): WalletCallsSupport {
	if (!isObj(raw)) return NO_CALLS_SUPPORT;
	const all = chainId === 0 ? undefined : entryFor(raw, 0);
	const own = entryFor(raw, chainId);
	if (!all && !own) return NO_CALLS_SUPPORT;
	const caps: Obj = { ...all, ...own };
	const atomicRaw = caps.atomic;
	const status = isObj(atomicRaw) ? atomicRaw.status : undefined;
	const atomic: AtomicStatus =
		status === 'supported' || status === 'ready' ? status : status === undefined && supported(caps.atomicBatch) ? 'supported' : 'unsupported';
	return { sendCalls: true, atomic, paymasterService: supported(caps.paymasterService) };
}

/** Codes by which a wallet says it has no such method (EIP-1193 4200, JSON-RPC -32601 / -32004) or will not answer it (4100). */
const UNSUPPORTED_CODES = new Set([4200, -32601, -32004, 4100]);

function codeOf(e: unknown): number | undefined {
	return isObj(e) && typeof e.code === 'number' ? e.code : undefined;
}

/** Whether `e` is a wallet saying it does not offer the method asked for. */
export function isMethodUnsupported(e: unknown): boolean {
	const code = codeOf(e);
	if (code !== undefined && UNSUPPORTED_CODES.has(code)) return true;
	const message = e instanceof Error ? e.message : isObj(e) && typeof e.message === 'string' ? e.message : '';
	return /not (supported|implemented|available)|does not exist|unsupported method|method not found/i.test(message);
}

const hex = (n: number): string => `0x${n.toString(16)}`;

/**
 * Asks the wallet (no cache; see `walletCallsSupport`). Any failure reads as no support: the member still
 * acts, one transaction per call. A wallet on the first draft refuses the chain-id list (-32602) and is asked
 * with the address alone.
 */
export async function queryCallsSupport(provider: RequestProvider, account: Address, chainId: number): Promise<WalletCallsSupport> {
	try {
		return parseCapabilities(await provider.request({ method: 'wallet_getCapabilities', params: [account, [hex(chainId)]] }), chainId);
	} catch (e) {
		if (codeOf(e) !== -32602) return NO_CALLS_SUPPORT;
	}
	try {
		return parseCapabilities(await provider.request({ method: 'wallet_getCapabilities', params: [account] }), chainId);
	} catch {
		return NO_CALLS_SUPPORT;
	}
}

const cache = new WeakMap<RequestProvider, Map<string, Promise<WalletCallsSupport>>>();

/** `queryCallsSupport`, asked once per provider, account and chain for the page's life. */
export function walletCallsSupport(provider: RequestProvider, account: Address, chainId: number): Promise<WalletCallsSupport> {
	let byKey = cache.get(provider);
	if (!byKey) cache.set(provider, (byKey = new Map()));
	const key = `${account.toLowerCase()}:${chainId}`;
	let answer = byKey.get(key);
	if (!answer) byKey.set(key, (answer = queryCallsSupport(provider, account, chainId)));
	return answer;
}

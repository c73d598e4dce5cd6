// EIP-5792 (issue 15): what a wallet's wallet_getCapabilities answer means for this chain, in the shapes wallets
// really send (v2 keyed by hex chain id with 0x0 for every chain, MetaMask leaving chains out, Coinbase's
// paymasterService, the earlier draft's atomicBatch), how refusals read, and the sentences for a batch that
// failed after the wallet took it.
import { describe, expect, it } from 'vitest';
import { AtomicityNotSupportedError, MethodNotFoundRpcError, MethodNotSupportedRpcError, UnknownRpcError, UserRejectedRequestError } from 'viem';
import { batchFailureSentence, isBatchNotOffered, paymasterCapability, type BatchCall } from '$lib/chain/calls';
import { NO_CALLS_SUPPORT, parseCapabilities, queryCallsSupport, walletCallsSupport, type RequestProvider } from '$lib/wallet/capabilities';
import { describeChainError } from '$lib/chain/errors';
import { ConfigError, parseConfig } from '$lib/config';

const ANVIL = 31337; // 0x7a69
const BASE = 8453; // 0x2105
const member = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' as const;

describe('parseCapabilities', () => {
	it('reads an EIP-5792 v2 answer keyed by hex chain id', () => {
		const raw = { '0x7a69': { atomic: { status: 'supported' }, paymasterService: { supported: true } } };
		expect(parseCapabilities(raw, ANVIL)).toEqual({ sendCalls: true, atomic: 'supported', paymasterService: true });
	});

	it('reads MetaMask’s EIP-7702 answer: atomic ready until the account is upgraded', () => {
		expect(parseCapabilities({ '0x7a69': { atomic: { status: 'ready' } } }, ANVIL)).toEqual({ sendCalls: true, atomic: 'ready', paymasterService: false });
	});

	it('treats a chain the wallet leaves out as no wallet_sendCalls there', () => {
		expect(parseCapabilities({ '0xaa36a7': { atomic: { status: 'ready' } } }, ANVIL)).toEqual(NO_CALLS_SUPPORT);
		expect(parseCapabilities({}, ANVIL)).toEqual(NO_CALLS_SUPPORT);
	});

	it('merges the 0x0 entry (every chain) under the chain’s own, which wins', () => {
		const raw = { '0x0': { paymasterService: { supported: true }, atomic: { status: 'unsupported' } }, '0x7a69': { atomic: { status: 'supported' } } };
		expect(parseCapabilities(raw, ANVIL)).toEqual({ sendCalls: true, atomic: 'supported', paymasterService: true });
		expect(parseCapabilities({ '0x0': { atomic: { status: 'unsupported' } } }, BASE)).toEqual({ sendCalls: true, atomic: 'unsupported', paymasterService: false });
	});

	it('matches hex keys in any case or with leading zeros, and the decimal keys of some older wallets', () => {
		expect(parseCapabilities({ '0x7A69': { atomic: { status: 'supported' } } }, ANVIL).atomic).toBe('supported');
		expect(parseCapabilities({ '0x00007a69': { atomic: { status: 'supported' } } }, ANVIL).atomic).toBe('supported');
		expect(parseCapabilities({ '8453': { atomic: { status: 'supported' } } }, BASE).atomic).toBe('supported');
	});

	it('reads the earlier draft’s atomicBatch, and Coinbase’s shape with unsupported atomicity', () => {
		expect(parseCapabilities({ '0x2105': { atomicBatch: { supported: true }, paymasterService: { supported: true } } }, BASE)).toEqual({
			sendCalls: true,
			atomic: 'supported',
			paymasterService: true
		});
		expect(parseCapabilities({ '0x2105': { atomic: { status: 'unsupported' }, paymasterService: { supported: false } } }, BASE)).toEqual({
			sendCalls: true,
			atomic: 'unsupported',
			paymasterService: false
		});
	});

	it('ignores answers that are not capability objects', () => {
		expect(parseCapabilities(null, ANVIL)).toEqual(NO_CALLS_SUPPORT);
		expect(parseCapabilities([{ atomic: { status: 'supported' } }], ANVIL)).toEqual(NO_CALLS_SUPPORT);
		expect(parseCapabilities({ '0x7a69': 'supported' }, ANVIL)).toEqual(NO_CALLS_SUPPORT);
		expect(parseCapabilities({ '0x7a69': { atomic: { status: 'maybe' } } }, ANVIL).atomic).toBe('unsupported');
	});
});

/** A wallet answering wallet_getCapabilities with `answer` (a value, or an error to throw), counting requests. */
function fakeWallet(answer: (params: unknown) => unknown): RequestProvider & { calls: unknown[] } {
	const calls: unknown[] = [];
	return {
		calls,
		async request({ method, params }) {
			calls.push(params);
			if (method !== 'wallet_getCapabilities') throw Object.assign(new Error('unexpected'), { code: 4200 });
			const out = answer(params);
			if (out instanceof Error) throw out;
			return out;
		}
	};
}

const rpcError = (code: number, message: string): Error => Object.assign(new Error(message), { code });

describe('queryCallsSupport', () => {
	it('asks for the member’s address and the configured chain, in hex', async () => {
		const wallet = fakeWallet(() => ({ '0x7a69': { atomic: { status: 'supported' } } }));
		expect(await queryCallsSupport(wallet, member, ANVIL)).toEqual({ sendCalls: true, atomic: 'supported', paymasterService: false });
		expect(wallet.calls).toEqual([[member, ['0x7a69']]]);
	});

	it.each([
		[4200, 'The Provider does not support the requested method'],
		[-32601, 'Method not found'],
		[4100, 'The requested account and/or method has not been authorized by the user'],
		[-32603, 'Internal error']
	])('reads a wallet’s %i refusal as no support', async (code, message) => {
		expect(await queryCallsSupport(fakeWallet(() => rpcError(code, message)), member, ANVIL)).toEqual(NO_CALLS_SUPPORT);
	});

	it('asks a first-draft wallet that refuses the chain list (-32602) again with the address alone', async () => {
		const wallet = fakeWallet((params) =>
			Array.isArray(params) && params.length === 2 ? rpcError(-32602, 'Invalid params') : { '0x7a69': { atomicBatch: { supported: true } } }
		);
		expect(await queryCallsSupport(wallet, member, ANVIL)).toEqual({ sendCalls: true, atomic: 'supported', paymasterService: false });
		expect(wallet.calls).toEqual([[member, ['0x7a69']], [member]]);
	});

	it('asks once per session for an account and chain (walletCallsSupport)', async () => {
		const wallet = fakeWallet(() => ({ '0x7a69': { atomic: { status: 'ready' } } }));
		await walletCallsSupport(wallet, member, ANVIL);
		await walletCallsSupport(wallet, member.toLowerCase() as `0x${string}`, ANVIL);
		expect(wallet.calls).toHaveLength(1);
		await walletCallsSupport(wallet, member, BASE);
		expect(wallet.calls).toHaveLength(2);
	});
});

describe('isBatchNotOffered', () => {
	it('reads the refusals that leave the act to plain transactions', () => {
		expect(isBatchNotOffered(rpcError(5700, 'Unsupported non-optional capability'))).toBe(true);
		expect(isBatchNotOffered(rpcError(5710, 'Unsupported chain id'))).toBe(true);
		expect(isBatchNotOffered(rpcError(5740, 'Batch too large'))).toBe(true);
		expect(isBatchNotOffered(rpcError(-32601, 'Method not found'))).toBe(true);
		expect(isBatchNotOffered(new MethodNotSupportedRpcError(new Error('no')))).toBe(true);
		expect(isBatchNotOffered(new MethodNotFoundRpcError(new Error('no')))).toBe(true);
		expect(isBatchNotOffered(new AtomicityNotSupportedError(new Error('no')))).toBe(true);
		expect(isBatchNotOffered(new UnknownRpcError(new Error('this request method is not supported')))).toBe(true);
	});

	it('does not fall back when the member said no, or the wallet failed otherwise', () => {
		expect(isBatchNotOffered(rpcError(4001, 'User rejected the request.'))).toBe(false);
		expect(isBatchNotOffered(new UserRejectedRequestError(new Error('rejected')))).toBe(false);
		expect(isBatchNotOffered(rpcError(5750, 'Atomic-ready wallet rejected upgrade'))).toBe(false);
		expect(isBatchNotOffered(rpcError(-32000, 'execution reverted'))).toBe(false);
	});

	it('a rejected batch reads as write.ts’s sentence', () => {
		const ctx = { rpcUrl: 'http://127.0.0.1:8545', chainId: ANVIL, chainName: 'Local anvil' };
		expect(describeChainError(new UserRejectedRequestError(new Error('rejected')), ctx)).toBe('You rejected the request in your wallet');
		expect(describeChainError(rpcError(4001, 'User rejected the request.'), ctx)).toBe('You rejected the request in your wallet');
	});
});

const calls: BatchCall[] = [
	{ to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data: '0x', label: 'the approval' },
	{ to: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', data: '0x', label: 'the pledge' }
];

describe('batchFailureSentence', () => {
	it('says nothing happened when the wallet did not get the calls on-chain (400)', () => {
		expect(batchFailureSentence(400, calls, [], null)).toBe('Your wallet did not send the calls; nothing happened on-chain. Try again');
	});

	it('gives the decoded reason for a batch that reverted entirely (500)', () => {
		expect(batchFailureSentence(500, calls, [{ status: 'reverted' }], 'The campaign has ended')).toBe(
			'The transaction was included but reverted: The campaign has ended'
		);
		expect(batchFailureSentence(500, calls, [{ status: 'reverted' }], null)).toBe('The transaction was included but reverted');
	});

	it('names what landed and what reverted when a non-atomic wallet got only part through (600)', () => {
		expect(batchFailureSentence(600, calls, [{ status: 'success' }, { status: 'reverted' }], 'Pledging is closed')).toBe(
			'Only part of it went through: the approval landed, the pledge reverted: Pledging is closed'
		);
		// a wallet that says 500 but whose receipts show one call through is still a partial failure
		expect(batchFailureSentence(500, calls, [{ status: 'success' }, { status: 'reverted' }], null)).toBe(
			'Only part of it went through: the approval landed, the pledge reverted'
		);
	});
});

describe('paymasterCapability', () => {
	it('passes the ERC-7677 service URL, and its context only when config.json gives one', () => {
		expect(paymasterCapability({ url: 'https://pm.example.org/rpc', context: null })).toEqual({ url: 'https://pm.example.org/rpc' });
		expect(paymasterCapability({ url: 'https://pm.example.org/rpc', context: { policyId: 'union-42' } })).toEqual({
			url: 'https://pm.example.org/rpc',
			context: { policyId: 'union-42' }
		});
	});
});

describe('config.json paymasterService', () => {
	const base = {
		chain: { id: ANVIL, name: 'Local anvil', rpcUrl: 'http://127.0.0.1:8545' },
		contracts: { unionFactory: '0x5FbDB2315678afecb367f032d93F642f64180aa3', deployBlock: 0 },
		ceramic: { url: 'http://127.0.0.1:7007', models: { profile: 'kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god9' } },
		ipfs: { gateway: 'http://127.0.0.1:8080', uploadUrl: 'http://127.0.0.1:5001/api/v0/add' }
	};

	it('is off unless named, and keeps its URL and context when it is', () => {
		expect(parseConfig(base).paymasterService).toBeNull();
		expect(parseConfig({ ...base, paymasterService: { url: 'https://pm.example.org/rpc/', context: { policyId: 'p' } } }).paymasterService).toEqual({
			url: 'https://pm.example.org/rpc',
			context: { policyId: 'p' }
		});
	});

	it('names the wrong field', () => {
		expect(() => parseConfig({ ...base, paymasterService: { url: 'ftp://pm.example.org' } })).toThrow(ConfigError);
		expect(() => parseConfig({ ...base, paymasterService: { url: 'https://pm.example.org', context: 'policy' } })).toThrow(
			'config.json: paymasterService.context must be an object'
		);
	});
});

import { describe, expect, it } from 'vitest';
import {
	BaseError,
	CallExecutionError,
	ChainMismatchError,
	ContractFunctionExecutionError,
	ContractFunctionRevertedError,
	HttpRequestError,
	TransactionExecutionError,
	UserRejectedRequestError,
	defineChain,
	encodeErrorResult
} from 'viem';
import { unionAbi, unionFactoryAbi } from '$lib/chain/abi';
import { contractErrorSentence, describeChainError, toChainActionError } from '$lib/chain/errors';
import { contractErrorsAbi } from '$lib/chain/abi/generated';
import { contractErrorSentences } from '$lib/contractErrors';

const ctx = { rpcUrl: 'http://127.0.0.1:8545', chainId: 31337, chainName: 'Local anvil' };
const union = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0' as const;
const alice = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' as const;

/** What viem throws when simulateContract hits a custom-error revert (here: `leave()`, no args). */
function revertedCall(data: `0x${string}`, abi: typeof unionAbi | typeof unionFactoryAbi = unionAbi): ContractFunctionExecutionError {
	const cause = new ContractFunctionRevertedError({ abi, data, functionName: 'leave' });
	return new ContractFunctionExecutionError(cause, { abi: unionAbi, functionName: 'leave', args: [], contractAddress: union, sender: alice });
}

describe('describeChainError', () => {
	it('decodes a used invite', () => {
		const data = encodeErrorResult({ abi: unionAbi, errorName: 'Union_InviteUsed', args: [alice, 7n] });
		expect(describeChainError(revertedCall(data), ctx)).toBe('This invite was already used');
	});

	it('decodes "already a member"', () => {
		const data = encodeErrorResult({ abi: unionAbi, errorName: 'Union_AlreadyMember', args: [alice] });
		expect(describeChainError(revertedCall(data), ctx)).toBe('You are already a member');
	});

	it('decodes an expired invite and a factory error', () => {
		const expired = encodeErrorResult({ abi: unionAbi, errorName: 'Union_InviteExpired', args: [1n, 2n] });
		expect(describeChainError(revertedCall(expired), ctx)).toBe('This invite has expired');
		const cliff = encodeErrorResult({ abi: unionFactoryAbi, errorName: 'UnionFactory_CliffAfterEnd', args: [10n, 5n] });
		expect(describeChainError(revertedCall(cliff, unionFactoryAbi), ctx)).toBe('The vesting cliff must not be longer than the vesting period');
	});

	it('decodes raw revert data nested in a wallet error', () => {
		const data = encodeErrorResult({ abi: unionAbi, errorName: 'Union_NotSteward', args: [alice, union] });
		const walletError = { code: -32603, message: 'execution reverted', data: { data } };
		expect(describeChainError(walletError, ctx)).toBe('Only the union’s steward can do this');
	});

	it('explains a rejection in the wallet', () => {
		const rejected = new UserRejectedRequestError(new Error('User denied transaction signature.'));
		const wrapped = new TransactionExecutionError(rejected, { account: { address: alice, type: 'json-rpc' }, chain: undefined });
		expect(describeChainError(wrapped, ctx)).toBe('You rejected the request in your wallet');
		expect(describeChainError({ code: 4001, message: 'User rejected' }, ctx)).toBe('You rejected the request in your wallet');
	});

	it('explains a wallet on the wrong chain', () => {
		const chain = defineChain({ id: 31337, name: 'Local anvil', nativeCurrency: { name: 'E', symbol: 'E', decimals: 18 }, rpcUrls: { default: { http: ['x'] } } });
		const err = new ChainMismatchError({ chain, currentChainId: 1 });
		expect(describeChainError(err, ctx)).toBe('Your wallet is on a different network; switch it to Local anvil (chain 31337)');
	});

	it('says which RPC cannot be reached', () => {
		const http = new HttpRequestError({ url: ctx.rpcUrl, body: { method: 'eth_call' }, details: 'fetch failed' });
		const call = new CallExecutionError(http, {});
		expect(describeChainError(call, ctx)).toBe('Cannot reach the chain at http://127.0.0.1:8545');
		expect(describeChainError(new TypeError('Failed to fetch'), ctx)).toBe('Cannot reach the chain at http://127.0.0.1:8545');
	});

	it('falls back to viem’s short message for other errors', () => {
		expect(describeChainError(new BaseError('Something odd happened.'), ctx)).toBe('Something odd happened.');
	});

	it('keeps the decoded error name on the wrapped error', () => {
		const data = encodeErrorResult({ abi: unionAbi, errorName: 'Union_InviteUsed', args: [alice, 1n] });
		const e = toChainActionError(revertedCall(data), ctx);
		expect(e.errorName).toBe('Union_InviteUsed');
		expect(e.message).toBe('This invite was already used');
	});
});

describe('contractErrorSentence', () => {
	it('turns an unknown error name into words', () => {
		expect(contractErrorSentence('Union_SomethingNewHappened')).toBe('The contract refused: something new happened');
	});
});

describe('provider refusals in words', () => {
	it('a 429 on any read is a rate limit, not viem’s “Request exceeds defined limit.”', async () => {
		const { LimitExceededRpcError, RpcRequestError } = await import('viem');
		const rpc = new RpcRequestError({ body: { method: 'eth_call' }, error: { code: -32005, message: 'Request exceeds defined limit.' }, status: 429, url: ctx.rpcUrl });
		expect(describeChainError(new LimitExceededRpcError(rpc), ctx)).toBe('The chain provider is rate-limiting this site and still refused. Wait a minute and try again.');
	});

	it('range words count only on an eth_getLogs request (a write that says “limit exceeded” is not about events)', () => {
		const write = new BaseError('Transaction failed.', { details: 'gas limit exceeded' });
		expect(describeChainError(write, ctx)).toBe('Transaction failed.');
		const logs = new HttpRequestError({ url: ctx.rpcUrl, body: { method: 'eth_getLogs' }, details: 'query returned more than 10000 results', status: 200 });
		expect(describeChainError(logs, ctx)).toMatch(/^The chain provider refused to send this many events at once/);
	});

	it('a 5xx says the provider is having trouble', () => {
		const err = new HttpRequestError({ url: ctx.rpcUrl, body: { method: 'eth_blockNumber' }, details: '<html>502 Bad Gateway</html>', status: 502 });
		expect(describeChainError(err, ctx)).toBe('The chain provider is having trouble (HTTP 502) and failed. Try again later.');
	});
});

describe('the contract-error tables', () => {
	// Read from the generated ABI, so a contract that gains an error without a sentence fails here.
	const names = [...new Set(contractErrorsAbi.map((e) => e.name))];
	const table: Readonly<Record<string, string>> = contractErrorSentences;

	it('have a sentence for every custom error of every contract', () => {
		const missing = names.filter((n) => !Object.hasOwn(table, n) || table[n].trim() === '');
		expect(missing, `errors without a sentence: ${missing.join(', ')}`).toEqual([]);
	});

	it('name only errors the contracts have', () => {
		const known = new Set<string>(names);
		expect(Object.keys(table).filter((n) => !known.has(n))).toEqual([]);
	});

	it('are looked up by exact name', () => {
		for (const n of names) expect(contractErrorSentence(n)).toBe(table[n]);
		expect(contractErrorSentence('Escrow_NotClientX')).toBe('The contract refused: not client x');
		expect(contractErrorSentence('Courses_NotAuthor')).toBe('Only the course’s author can do this');
	});
});

// A member's call, sponsored by their union (issue 15): wrapped in an ERC-4337 v0.8 user operation of the
// shared relay account, signed by the member's own wallet with eth_signTypedData_v4 (the EntryPoint v0.8
// user-operation hash is an EIP-712 digest), sent to the bundler named in config.json, and waited for.
// No key and no server of ours: the bundler is public infrastructure, the paymaster's rules are on-chain.
// Framework-free so the vitest suite drives it against the real local bundler.
import {
	concat,
	decodeErrorResult,
	encodeFunctionData,
	pad,
	parseEventLogs,
	toHex,
	type Address,
	type Hex,
	type PublicClient,
	type TransactionReceipt
} from 'viem';
import {
	formatUserOperationRequest,
	getUserOperationTypedData,
	type GetUserOperationTypedDataReturnType,
	type UserOperation
} from 'viem/account-abstraction';
// relative imports: the stack's vitest suite loads this module without SvelteKit's $lib alias
import { unionPaymasterAbi, unionRelayAccountAbi } from '../chain/abi/generated';
import { contractErrorSentence as registeredSentence, decodeRevertData } from '../chain/errors';
import { padGas } from '../chain/gas';
import { causeChain } from '../rpc/causeChain';
import { sponsorErrors } from './errors';

/** The sponsorship sentences are this module's own; other contracts' come from the registered tables. */
function contractErrorSentence(name: string): string {
	return name in sponsorErrors ? sponsorErrors[name as keyof typeof sponsorErrors] : registeredSentence(name);
}

export interface SponsorSetup {
	bundlerUrl: string;
	entryPoint: Address;
	relayAccount: Address;
	paymaster: Address;
	chainId: number;
}

/** The member's call as it would be sent directly: `data` to `target`, for `union`'s sponsorship. */
export interface SponsoredCall {
	member: Address;
	union: Address;
	target: Address;
	data: Hex;
}

export type UserOpTypedData = GetUserOperationTypedDataReturnType;
/** Signs the user operation's EIP-712 typed data as the member (a wallet's eth_signTypedData_v4). */
export type UserOpSigner = (typedData: UserOpTypedData) => Promise<Hex>;

export interface SponsoredResult {
	userOpHash: Hex;
	transactionHash: Hex;
	receipt: TransactionReceipt;
	/** Wei the union's sponsorship balance paid (the paymaster's `Sponsored` event). */
	charged: bigint;
}

/** The union refused to sponsor, or the bundler refused the operation: `message` is the sentence. */
export class SponsorError extends Error {
	readonly errorName: string | undefined;
	constructor(message: string, options: { cause?: unknown; errorName?: string } = {}) {
		super(message, { cause: options.cause });
		this.name = 'SponsorError';
		this.errorName = options.errorName;
	}
}

export interface SponsorObserver {
	signing?(): void;
	/** The bundler accepted the user operation. */
	submitted?(userOpHash: Hex): void;
}

const ENTRY_POINT_ABI = [
	{
		type: 'function',
		name: 'getNonce',
		stateMutability: 'view',
		inputs: [
			{ name: 'sender', type: 'address' },
			{ name: 'key', type: 'uint192' }
		],
		outputs: [{ name: 'nonce', type: 'uint256' }]
	},
	{
		type: 'error',
		name: 'FailedOp',
		inputs: [
			{ name: 'opIndex', type: 'uint256' },
			{ name: 'reason', type: 'string' }
		]
	},
	{
		type: 'error',
		name: 'FailedOpWithRevert',
		inputs: [
			{ name: 'opIndex', type: 'uint256' },
			{ name: 'reason', type: 'string' },
			{ name: 'inner', type: 'bytes' }
		]
	}
] as const;

/** Gas for the relay account's validation (decode, ecrecover) and the paymaster's (union reads, invite). */
const VERIFICATION_GAS = 80_000n;
const PAYMASTER_VERIFICATION_GAS = 150_000n;
const POST_OP_GAS = 45_000n;
const RECEIPT_TIMEOUT_MS = 60_000;

/**
 * Builds, signs, sends and waits for `call` as a sponsored user operation. The call is first run as the relay
 * would run it (`eth_call` from the relay account with the member appended), so a call that would revert is
 * refused with the contract's own sentence before the wallet is asked to sign.
 */
export async function sendSponsored(
	client: PublicClient,
	setup: SponsorSetup,
	call: SponsoredCall,
	sign: UserOpSigner,
	observer: SponsorObserver = {}
): Promise<SponsoredResult> {
	const rules = await client.readContract({
		address: setup.paymaster,
		abi: unionPaymasterAbi,
		functionName: 'rulesOf',
		args: [call.union]
	});
	if (rules.budgetPerMember === 0n) throw refusal('UnionPaymaster_NotSponsoring');
	const forwarded = concat([call.data, call.member]);
	let callGas: bigint;
	try {
		callGas = await client.estimateGas({ account: setup.relayAccount, to: call.target, data: forwarded });
	} catch (e) {
		const name = findErrorName(e);
		throw new SponsorError(name ? contractErrorSentence(name) : 'This action would fail; nothing was sent', { cause: e, errorName: name });
	}
	const [nonce, head, fees] = await Promise.all([
		client.readContract({
			address: setup.entryPoint,
			abi: ENTRY_POINT_ABI,
			functionName: 'getNonce',
			args: [setup.relayAccount, BigInt(call.member)]
		}),
		client.getBlock({ blockTag: 'latest' }),
		gasPrice(client, setup.bundlerUrl)
	]);
	const periodIndex = head.timestamp / BigInt(rules.period);
	const callData = encodeFunctionData({
		abi: unionRelayAccountAbi,
		functionName: 'relay',
		args: [call.member, call.union, call.target, call.data]
	});
	const op: UserOperation<'0.8'> = {
		sender: setup.relayAccount,
		nonce,
		callData,
		// the relay's own call and event on top of the target's
		callGasLimit: padGas(callGas) + 15_000n,
		verificationGasLimit: VERIFICATION_GAS,
		preVerificationGas: 0n,
		maxFeePerGas: fees.maxFeePerGas,
		maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
		paymaster: setup.paymaster,
		paymasterVerificationGasLimit: PAYMASTER_VERIFICATION_GAS,
		paymasterPostOpGasLimit: POST_OP_GAS,
		paymasterData: pad(toHex(periodIndex), { size: 6 }),
		signature: '0x'
	};
	op.preVerificationGas = await preVerificationGas(setup, op);

	observer.signing?.();
	const typedData = getUserOperationTypedData({ chainId: setup.chainId, entryPointAddress: setup.entryPoint, userOperation: op });
	const signature = await sign(typedData);
	const userOpHash = (await bundlerRpc(setup.bundlerUrl, 'eth_sendUserOperation', [
		formatUserOperationRequest({ ...op, signature }),
		setup.entryPoint
	])) as Hex;
	observer.submitted?.(userOpHash);

	const opReceipt = await waitForUserOp(setup.bundlerUrl, userOpHash);
	const transactionHash = opReceipt.receipt.transactionHash;
	const receipt = await client.waitForTransactionReceipt({ hash: transactionHash });
	const [sponsored] = parseEventLogs({ abi: unionPaymasterAbi, logs: receipt.logs, eventName: 'Sponsored' }).filter(
		(l) => l.args.member.toLowerCase() === call.member.toLowerCase()
	);
	if (!opReceipt.success) {
		const name = opReceipt.reason ? decodeRevertData(opReceipt.reason) : undefined;
		const paid = sponsored ? ` (the union paid ${sponsored.args.charged} wei of gas for the attempt)` : '';
		throw new SponsorError(`${name ? contractErrorSentence(name) : 'The sponsored action was included but reverted'}${paid}`, {
			errorName: name
		});
	}
	return { userOpHash, transactionHash, receipt, charged: sponsored?.args.charged ?? BigInt(opReceipt.actualGasCost) };
}

/** The bundler's gas price (alto's pimlico_getUserOperationGasPrice), else the node's. */
async function gasPrice(client: PublicClient, bundlerUrl: string): Promise<{ maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }> {
	try {
		const r = (await bundlerRpc(bundlerUrl, 'pimlico_getUserOperationGasPrice', [])) as {
			fast: { maxFeePerGas: Hex; maxPriorityFeePerGas: Hex };
		};
		return { maxFeePerGas: BigInt(r.fast.maxFeePerGas), maxPriorityFeePerGas: BigInt(r.fast.maxPriorityFeePerGas) };
	} catch {
		const f = await client.estimateFeesPerGas();
		return { maxFeePerGas: f.maxFeePerGas, maxPriorityFeePerGas: f.maxPriorityFeePerGas };
	}
}

/**
 * The bundler's preVerificationGas for `op` (its own formula for calldata and bundle overhead), asked with a
 * placeholder signature of the right length; the gas limits we chose stay. Falls back to a generous constant.
 */
async function preVerificationGas(setup: SponsorSetup, op: UserOperation<'0.8'>): Promise<bigint> {
	const dummy: Hex = `0x${'ff'.repeat(64)}1c`;
	try {
		const r = (await bundlerRpc(setup.bundlerUrl, 'eth_estimateUserOperationGas', [
			formatUserOperationRequest({ ...op, signature: dummy }),
			setup.entryPoint
		])) as { preVerificationGas: Hex };
		return (BigInt(r.preVerificationGas) * 11n) / 10n;
	} catch (e) {
		// a refusal by the paymaster's rules shows here first: say it before the wallet is asked
		const name = findErrorName(e);
		if (name?.startsWith('UnionPaymaster_')) throw refusal(name, e);
		return 60_000n;
	}
}

interface UserOpReceipt {
	success: boolean;
	reason?: Hex;
	actualGasCost: Hex;
	receipt: { transactionHash: Hex };
}

async function waitForUserOp(bundlerUrl: string, userOpHash: Hex): Promise<UserOpReceipt> {
	const until = Date.now() + RECEIPT_TIMEOUT_MS;
	while (Date.now() < until) {
		const r = (await bundlerRpc(bundlerUrl, 'eth_getUserOperationReceipt', [userOpHash])) as UserOpReceipt | null;
		if (r) return r;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new SponsorError(`The bundler accepted the sponsored action but it was not included within ${RECEIPT_TIMEOUT_MS / 1000} s`);
}

class BundlerRpcError extends Error {
	constructor(
		message: string,
		readonly data: unknown
	) {
		super(message);
		this.name = 'BundlerRpcError';
	}
}

async function bundlerRpc(url: string, method: string, params: unknown[]): Promise<unknown> {
	let res: Response;
	try {
		res = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params })
		});
	} catch (e) {
		throw new SponsorError(`The gas sponsor's bundler at ${url} cannot be reached; pay the gas yourself or try later`, { cause: e });
	}
	const body = (await res.json()) as { result?: unknown; error?: { message: string; data?: unknown } };
	if (body.error) {
		const err = new BundlerRpcError(body.error.message, body.error.data);
		if (method === 'eth_sendUserOperation') {
			const name = findErrorName(err);
			if (name) throw refusal(name, err);
			throw new SponsorError(`The bundler refused the sponsored action: ${body.error.message}`, { cause: err });
		}
		throw err;
	}
	return body.result;
}

function refusal(name: string, cause?: unknown): SponsorError {
	return new SponsorError(contractErrorSentence(name), { cause, errorName: name });
}

/** The first contract error decodable from any hex blob in an error (message, data, causes). */
export function findErrorName(err: unknown): string | undefined {
	const texts: string[] = [];
	for (const link of causeChain(err)) {
		const o = link as { message?: unknown; data?: unknown; details?: unknown };
		for (const v of [o.message, o.details, o.data]) {
			if (typeof v === 'string') texts.push(v);
			else if (v !== undefined && v !== null) texts.push(JSON.stringify(v));
		}
	}
	for (const text of texts) {
		for (const blob of text.match(/0x[0-9a-fA-F]{8,}/g) ?? []) {
			const name = decodeName(blob as Hex);
			if (name) return name;
		}
	}
	return undefined;
}

function decodeName(data: Hex): string | undefined {
	try {
		const outer = decodeErrorResult({ abi: ENTRY_POINT_ABI, data });
		if (outer.errorName === 'FailedOpWithRevert') return decodeRevertData(outer.args[2]);
		return undefined;
	} catch {
		return decodeRevertData(data);
	}
}

// One act, several calls, one wallet request (EIP-5792, issue 15): where the wallet offers `wallet_sendCalls`,
// an approval and the call that spends it (a pledge, an enrolment, a deal's funding) go together — atomically
// when the wallet says it can (`atomicRequired`), else in order as the wallet sends them. Like write.ts:
// simulate first (eth_simulateV1, the calls in sequence, so the second sees the first's approval and a custom
// error is decoded before the wallet opens), then the wallet, then its status polled to receipts; every
// failure reads as the sentence write.ts would give. Without EIP-5792 `planBatch` answers null and the caller
// keeps its one-transaction-per-call path.
import {
	encodeFunctionData,
	type Abi,
	type Address,
	type ContractFunctionArgs,
	type ContractFunctionName,
	type EncodeFunctionDataParameters,
	type Hex,
	type TransactionReceipt
} from 'viem';
import { getCallsStatus, sendCalls, simulateCalls, waitForCallsStatus } from 'viem/actions';
import { getConfig } from '$lib/config';
import { causeChain } from '$lib/rpc/causeChain';
import type { PaymasterServiceConfig } from '$lib/config/types';
import { isMethodUnsupported, walletCallsSupport, type RequestProvider } from '$lib/wallet/capabilities';
import { getPublicClient, getWalletClient } from './client';
import { ChainActionError, describeChainError, toChainActionError } from './errors';
import { errorContext, type ContractCall, type Signer, type TxObserver, type TxResult } from './write';

/** A contract call encoded for a batch, with the words that name it in a failure ("the approval"). */
export interface BatchCall {
	to: Address;
	data: Hex;
	value?: bigint;
	label: string;
}

/** Encodes a typed contract call (checked against its ABI here, at the caller) for `writeCalls`. */
export function batchCall<
	const abi extends Abi,
	functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
	const args extends ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>
>(label: string, call: ContractCall<abi, functionName, args>): BatchCall {
	const { address, abi, functionName, args } = call as unknown as { address: Address; abi: Abi; functionName: string; args?: readonly unknown[] };
	const value = (call as { value?: bigint }).value;
	return { to: address, data: encodeFunctionData({ abi, functionName, args } as EncodeFunctionDataParameters), ...(value ? { value } : {}), label };
}

/** How a batch goes: atomically or not, and through which ERC-7677 paymaster service, if any. */
export interface BatchPlan {
	atomic: boolean;
	paymasterService: PaymasterServiceConfig | null;
}

/**
 * Whether `signer`'s wallet can take this act as one request now: it offers `wallet_sendCalls` for the account
 * on the configured chain, and someone pays the gas — the account holds ETH, or config.json names an ERC-7677
 * paymaster service and the wallet supports `paymasterService` (otherwise a member with 0 ETH keeps the
 * union's signature relay, sponsor/). Null: use the usual path.
 */
export async function planBatch(signer: Signer): Promise<BatchPlan | null> {
	const { chain, paymasterService } = getConfig();
	const support = await walletCallsSupport(signer.provider as RequestProvider, signer.account, chain.id);
	if (!support.sendCalls) return null;
	const service = paymasterService && support.paymasterService ? paymasterService : null;
	if (!service) {
		const client = await getPublicClient();
		if ((await client.getBalance({ address: signer.account })) === 0n) return null;
	}
	return { atomic: support.atomic !== 'unsupported', paymasterService: service };
}

/** The ERC-7677 capability as `wallet_sendCalls` takes it: the service URL, and the context it asks for. */
export function paymasterCapability(service: PaymasterServiceConfig): { url: string; context?: Record<string, unknown> } {
	return service.context ? { url: service.url, context: service.context } : { url: service.url };
}

/**
 * Codes by which a wallet refuses a batch before sending anything: EIP-5792's unsupported capability, chain,
 * size and atomicity (5700, 5710, 5740, 5760), and no such method (EIP-1193 4200, JSON-RPC -32601 / -32004).
 */
const NOT_OFFERED = new Set([5700, 5710, 5740, 5760, 4200, -32601, -32004]);

function rpcCode(e: unknown): number | undefined {
	for (const link of causeChain(e, 6)) {
		const code = (link as { code?: unknown }).code;
		if (typeof code === 'number') return code;
	}
	return undefined;
}

/** Whether a `wallet_sendCalls` refusal means "not this way" (the act can still go as plain transactions). */
export function isBatchNotOffered(e: unknown): boolean {
	const code = rpcCode(e);
	if (code !== undefined && NOT_OFFERED.has(code)) return true;
	// The member's no (4001, or declining the account upgrade, 5750) is an answer, not a missing feature.
	if (code === 4001 || code === 5750) return false;
	// A wallet that answers in words only ("this request method is not supported").
	return causeChain(e, 6).some(isMethodUnsupported);
}

/** Status codes of `wallet_getCallsStatus` (EIP-5792 v2) after the wallet stopped waiting. */
export type FinalStatusCode = 200 | 400 | 500 | 600 | number;

/**
 * The sentence for a batch the wallet reports failed: `statusCode` (400 not sent, 500 reverted entirely,
 * 600 partly), the receipts it gave, and what a fresh simulation now says (the reason, when it still fails).
 */
export function batchFailureSentence(
	statusCode: FinalStatusCode,
	calls: readonly BatchCall[],
	receipts: readonly { status: 'success' | 'reverted' }[],
	reason: string | null
): string {
	const why = reason ? `: ${reason}` : '';
	if (statusCode >= 400 && statusCode < 500) return 'Your wallet did not send the calls; nothing happened on-chain. Try again';
	if (statusCode === 600 || (receipts.some((r) => r.status === 'success') && receipts.some((r) => r.status === 'reverted'))) {
		// Non-atomic wallets send one transaction per call, in order: the receipts line up with the calls.
		const done = receipts.flatMap((r, i) => (r.status === 'success' && calls[i] ? [calls[i].label] : []));
		const failed = receipts.findIndex((r) => r.status === 'reverted');
		const failedLabel = calls[failed]?.label ?? 'a later call';
		return `Only part of it went through: ${done.join(' and ') || 'some calls'} landed, ${failedLabel} reverted${why}`;
	}
	return `The transaction was included but reverted${why}`;
}

/** Why `calls` would fail now, from a simulation of them in order (null when they would succeed). */
async function simulationFailure(account: Address, calls: readonly BatchCall[]): Promise<unknown> {
	const client = await getPublicClient();
	const { results } = await simulateCalls(client, { account, calls: calls.map(({ to, data, value }) => ({ to, data, value })) });
	const failed = results.find((r) => r.status === 'failure');
	return failed ? (failed.error ?? new ChainActionError('The calls would revert')) : null;
}

const CALLS_TIMEOUT_MS = 120_000;

/**
 * Sends `calls` as one `wallet_sendCalls` per `plan` and waits for their receipts. Returns null when the wallet
 * turns the batch down as something it does not offer (nothing was sent: the caller uses its usual path);
 * throws a ChainActionError with write.ts's sentences for a rejection, a wrong chain or a revert. The result's
 * `receipt` is the last call's (for a wallet running them atomically, the one transaction's, every log in it).
 */
export async function writeCalls(
	signer: Signer,
	calls: readonly BatchCall[],
	plan: BatchPlan,
	observer: TxObserver = {}
): Promise<(TxResult & { receipts: TransactionReceipt[] }) | null> {
	const ctx = errorContext();
	try {
		const [publicClient, wallet] = await Promise.all([getPublicClient(), getWalletClient(signer.provider, signer.account)]);
		const walletChain = await wallet.getChainId();
		if (walletChain !== ctx.chainId) {
			throw new ChainActionError(`Your wallet is on chain ${walletChain}; switch it to ${ctx.chainName} (chain ${ctx.chainId})`);
		}
		const failure = await simulationFailure(signer.account, calls);
		if (failure) throw failure;
		observer.batched?.(calls.length, plan.atomic);
		observer.signing?.();
		let id: string;
		try {
			({ id } = await sendCalls(wallet, {
				account: signer.account,
				calls: calls.map(({ to, data, value }) => ({ to, data, value })),
				forceAtomic: plan.atomic,
				...(plan.paymasterService ? { capabilities: { paymasterService: paymasterCapability(plan.paymasterService) } } : {})
			}));
		} catch (e) {
			if (isBatchNotOffered(e)) return null;
			if (rpcCode(e) === 5750) throw new ChainActionError('You declined the account upgrade your wallet asked for; nothing was sent', { cause: e });
			throw e;
		}
		let status: Awaited<ReturnType<typeof getCallsStatus>>;
		try {
			status = await waitForCallsStatus(wallet, { id, timeout: CALLS_TIMEOUT_MS, pollingInterval: 500 });
		} catch (e) {
			if (e instanceof Error && e.name === 'WaitForCallsStatusTimeoutError') {
				throw new ChainActionError('Your wallet has not reported the calls as included after two minutes; check your wallet before trying again', { cause: e });
			}
			throw e;
		}
		if (status.status !== 'success') {
			const still = await simulationFailure(signer.account, calls).catch(() => null);
			const reason = still ? describeChainError(still, ctx) : null;
			throw new ChainActionError(batchFailureSentence(status.statusCode, calls, status.receipts ?? [], reason));
		}
		const hashes = [...new Set((status.receipts ?? []).map((r) => r.transactionHash))];
		const last = hashes.at(-1);
		if (!last) throw new ChainActionError('Your wallet reported the calls done but gave no transaction');
		observer.pending?.(last);
		const receipts = await Promise.all(hashes.map((hash) => publicClient.waitForTransactionReceipt({ hash })));
		const receipt = receipts[receipts.length - 1];
		if (receipts.some((r) => r.status !== 'success')) throw new ChainActionError('The transaction was included but reverted');
		return { hash: last, receipt, receipts };
	} catch (e) {
		throw toChainActionError(e, ctx);
	}
}

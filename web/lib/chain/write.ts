// The one path every contract write takes: simulate (so custom errors are decoded before the
// wallet pops up), ask the wallet to sign, wait for the receipt, and report progress on the way.
import type {
	Abi,
	Address,
	ContractFunctionArgs,
	ContractFunctionName,
	EIP1193Provider,
	Hash,
	PublicClient,
	SimulateContractParameters,
	TransactionReceipt
} from 'viem';
import { getConfig } from '$lib/config';
import { getPublicClient, getWalletClient, type ConnectedWalletClient } from './client';
import { ChainActionError, toChainActionError, type ErrorContext } from './errors';
import { padGas } from './gas';
// Registers every feature's contract-error sentences with errors.ts. Every chain call passes through
// read.ts or write.ts, both reached only through lazy imports: from the root layout the tables pulled
// viem's error classes and every contract's error ABI into the first load (~20 KB gzip).
import '$lib/contractErrors';

/** Who is writing: the connected wallet's provider and account. */
export interface Signer {
	provider: EIP1193Provider;
	account: Address;
}

/** Progress callbacks a UI passes in; all optional. */
export interface TxObserver {
	/** The wallet has been asked to sign. */
	signing?(): void;
	/** The transaction was broadcast. */
	pending?(hash: Hash): void;
	/** The action goes as a user operation the union's paymaster pays for (sponsor/write.ts). */
	sponsored?(): void;
	/** Wei of gas the union's sponsorship balance paid, once included. */
	paidByUnion?(wei: bigint): void;
	/** The act goes as `calls` calls in one wallet request (EIP-5792, chain/calls.ts), atomically or in order. */
	batched?(calls: number, atomic: boolean): void;
}

export interface TxResult {
	hash: Hash;
	receipt: TransactionReceipt;
}

export interface WriteContext {
	wallet: ConnectedWalletClient;
	publicClient: PublicClient;
	account: Address;
}

export function errorContext(): ErrorContext {
	const { chain } = getConfig();
	return { rpcUrl: chain.rpcUrl, chainId: chain.id, chainName: chain.name };
}

/**
 * Runs one contract write. `send` simulates and submits (so viem types the call from the ABI)
 * and returns the hash; failures are rethrown as ChainActionError with a readable message.
 */
export async function executeWrite(
	signer: Signer,
	send: (ctx: WriteContext) => Promise<Hash>,
	observer: TxObserver = {}
): Promise<TxResult> {
	try {
		const [publicClient, wallet] = await Promise.all([getPublicClient(), getWalletClient(signer.provider, signer.account)]);
		const walletChain = await wallet.getChainId();
		if (walletChain !== getConfig().chain.id) {
			const { chain } = getConfig();
			throw new ChainActionError(`Your wallet is on chain ${walletChain}; switch it to ${chain.name} (chain ${chain.id})`);
		}
		observer.signing?.();
		const hash = await send({ wallet, publicClient, account: signer.account });
		observer.pending?.(hash);
		const receipt = await publicClient.waitForTransactionReceipt({ hash });
		if (receipt.status !== 'success') throw new ChainActionError('The transaction was included but reverted');
		return { hash, receipt };
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

/** A contract call as the actions describe it; the signer supplies account and chain. */
export type ContractCall<
	abi extends Abi,
	functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
	args extends ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>
> = Omit<SimulateContractParameters<abi, functionName, args>, 'account' | 'chain'>;

/**
 * The usual write: simulate (decoding a revert before the wallet opens), estimate with headroom
 * (see padGas), then sign and send through executeWrite.
 */
export function writeContract<
	const abi extends Abi,
	functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
	const args extends ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>
>(signer: Signer, call: ContractCall<abi, functionName, args>, observer?: TxObserver): Promise<TxResult> {
	return executeWrite(
		signer,
		async ({ wallet, publicClient, account }) => {
			// The call was type-checked against its ABI at the caller; from here on one shape serves every
			// contract (viem cannot relate the generic Omit<> back to its parameter type).
			const params = { ...call, account } as unknown as SimulateContractParameters;
			const { request } = await publicClient.simulateContract(params);
			const gas = padGas(await publicClient.estimateContractGas(request));
			return wallet.writeContract({ ...request, gas });
		},
		observer
	);
}

// Which path a member's write takes (issue 15): with ETH on the chain, the usual transaction (chain/write.ts);
// with none, and where config.json names a bundler and the union sponsors, a user operation the union's
// paymaster pays for — the member only signs. The observer hears which one (`sponsored`) and what the union
// paid (`paidByUnion`), so the page can say so.
import { encodeFunctionData, type Abi, type Address, type ContractFunctionArgs, type ContractFunctionName, type EncodeFunctionDataParameters } from 'viem';
import { getConfig } from '$lib/config';
import { getPublicClient, getWalletClient } from '$lib/chain/client';
import { ChainActionError, toChainActionError } from '$lib/chain/errors';
import { errorContext, writeContract, type ContractCall, type Signer, type TxObserver, type TxResult } from '$lib/chain/write';
import { sendSponsored, SponsorError } from './userOp';

/** Whether `account` would be sponsored for a write now: sponsorship configured and no ETH to pay with. */
export async function wouldBeSponsored(account: Address): Promise<boolean> {
	if (!getConfig().sponsorship) return false;
	const client = await getPublicClient();
	return (await client.getBalance({ address: account })) === 0n;
}

/**
 * `call` for `union`'s member: paid directly when the account holds ETH (or the call sends value), else as a
 * sponsored user operation. Refusals read as sentences (not trusted, budget spent, …) saying the member can
 * pay the gas themselves.
 */
export async function writeForUnion<
	const abi extends Abi,
	functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
	const args extends ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>
>(signer: Signer, union: Address, call: ContractCall<abi, functionName, args>, observer: TxObserver = {}): Promise<TxResult> {
	const sponsorship = getConfig().sponsorship;
	const value = (call as { value?: bigint }).value;
	if (!sponsorship || (value !== undefined && value > 0n) || !(await wouldBeSponsored(signer.account))) {
		return writeContract(signer, call, observer);
	}
	observer.sponsored?.();
	try {
		const [client, wallet] = await Promise.all([getPublicClient(), getWalletClient(signer.provider, signer.account)]);
		const data = encodeFunctionData({ abi: call.abi, functionName: call.functionName, args: call.args } as EncodeFunctionDataParameters);
		const result = await sendSponsored(
			client,
			{ ...sponsorship, chainId: getConfig().chain.id },
			{ member: signer.account, union, target: call.address, data },
			(typedData) => wallet.signTypedData({ ...typedData, account: signer.account }),
			{ signing: () => observer.signing?.(), submitted: () => undefined }
		);
		observer.pending?.(result.transactionHash);
		observer.paidByUnion?.(result.charged);
		return { hash: result.transactionHash, receipt: result.receipt };
	} catch (e) {
		if (e instanceof SponsorError) throw new ChainActionError(e.message, { cause: e, errorName: e.errorName });
		throw toChainActionError(e, errorContext());
	}
}

// ERC-2612 permits for the union token: one signature (no gas) that lets a contract take an amount in
// the same transaction that uses it, instead of a separate approve. Escrow deals and crowdfund pledges
// both fund through fundWithPermit below.
import { parseSignature, type Address, type Hex } from 'viem';
import { unionTokenAbi } from './abi/generated';
import { getPublicClient, getWalletClient } from './client';
import { ChainActionError, toChainActionError } from './errors';
import { read } from './read';
import { chainNow } from './time';
import { batchCall, planBatch, writeCalls, type BatchCall } from './calls';
import { errorContext, writeContract, type Signer, type TxObserver, type TxResult } from './write';

export interface PermitSignature {
	deadline: bigint;
	v: number;
	r: Hex;
	s: Hex;
}

/** How long a permit stays usable: long enough for a slow wallet, short enough to be harmless if leaked. */
const PERMIT_LIFETIME_S = 3600n;

/**
 * Asks the wallet to sign a permit letting `spender` take `value` of `token` from the signer, valid for
 * an hour of chain time. Throws a ChainActionError (a refusal reads as a rejected signature).
 */
export async function signPermit(signer: Signer, token: Address, spender: Address, value: bigint): Promise<PermitSignature> {
	try {
		const client = await getPublicClient();
		const [domain, nonce, now] = await Promise.all([
			client.readContract({ address: token, abi: unionTokenAbi, functionName: 'eip712Domain' }),
			client.readContract({ address: token, abi: unionTokenAbi, functionName: 'nonces', args: [signer.account] }),
			chainNow()
		]);
		const [, name, version, chainId, verifyingContract] = domain;
		const deadline = now + PERMIT_LIFETIME_S;
		const wallet = await getWalletClient(signer.provider, signer.account);
		const signature = await wallet.signTypedData({
			account: signer.account,
			domain: { name, version, chainId, verifyingContract },
			types: {
				Permit: [
					{ name: 'owner', type: 'address' },
					{ name: 'spender', type: 'address' },
					{ name: 'value', type: 'uint256' },
					{ name: 'nonce', type: 'uint256' },
					{ name: 'deadline', type: 'uint256' }
				]
			},
			primaryType: 'Permit',
			message: { owner: signer.account, spender, value, nonce, deadline }
		});
		const { v, yParity, r, s } = parseSignature(signature);
		return { deadline, v: v !== undefined ? Number(v) : yParity + 27, r, s };
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

/**
 * The steps of a funded call: a permit signature, an approval (fallback), then the call itself; or, with an
 * EIP-5792 wallet, `batch`: the approval and the call in one wallet request.
 */
export type FundingStep = 'permit' | 'approve' | 'send' | 'batch';

export interface FundingObserver extends TxObserver {
	/** Which step runs now. */
	step?(step: FundingStep): void;
}

/** How the tokens were authorised. */
export type FundedVia = 'permit' | 'approve' | 'allowance' | 'batch';

/** A call that takes `amount` of `token` from the signer into `spender` (a pledge, a deal). */
export interface FundedCall {
	token: Address;
	spender: Address;
	amount: bigint;
	/** The call, taking the tokens under an allowance. */
	send(observer: TxObserver): Promise<TxResult>;
	/** The same call carrying a permit, in one transaction. */
	sendWithPermit(permit: PermitSignature, observer: TxObserver): Promise<TxResult>;
	/** `send`'s call encoded (chain/calls.ts batchCall), to go after the approval in one EIP-5792 request. */
	batch?: BatchCall;
}

async function permitOrNull(signer: Signer, token: Address, spender: Address, value: bigint): Promise<PermitSignature | null> {
	try {
		return await signPermit(signer, token, spender, value);
	} catch (e) {
		// A refusal is the member's answer: do not silently fall back to an approval they did not ask for.
		if (e instanceof ChainActionError && /rejected/i.test(e.message)) throw e;
		return null;
	}
}

/** The approval of `amount` of `token` for `spender`, encoded for a batch. */
export function approvalCall(token: Address, spender: Address, amount: bigint): BatchCall {
	return batchCall('the approval', { address: token, abi: unionTokenAbi, functionName: 'approve', args: [spender, amount] });
}

/**
 * The one permit-or-allowance flow: an allowance that already covers the amount is used as it is; a wallet
 * that takes EIP-5792 batches (and can pay: see planBatch) gets the approval and the call as one request;
 * otherwise one permit signature (no gas) and the call with it; a wallet that cannot sign a permit
 * gets an `approve` and then the call — clearly labelled steps through `observer.step`.
 */
export async function fundWithPermit(signer: Signer, call: FundedCall, observer: FundingObserver = {}): Promise<{ result: TxResult; via: FundedVia }> {
	const allowance = await read(({ client }) =>
		client.readContract({ address: call.token, abi: unionTokenAbi, functionName: 'allowance', args: [signer.account, call.spender] })
	);
	if (allowance >= call.amount) {
		observer.step?.('send');
		return { result: await call.send(observer), via: 'allowance' };
	}
	const plan = call.batch ? await planBatch(signer) : null;
	if (plan && call.batch) {
		observer.step?.('batch');
		const result = await writeCalls(signer, [approvalCall(call.token, call.spender, call.amount), call.batch], plan, observer);
		if (result) return { result, via: 'batch' };
	}
	observer.step?.('permit');
	observer.signing?.();
	const permit = await permitOrNull(signer, call.token, call.spender, call.amount);
	if (permit) {
		observer.step?.('send');
		return { result: await call.sendWithPermit(permit, observer), via: 'permit' };
	}
	observer.step?.('approve');
	await writeContract(signer, { address: call.token, abi: unionTokenAbi, functionName: 'approve', args: [call.spender, call.amount] }, observer);
	observer.step?.('send');
	return { result: await call.send(observer), via: 'approve' };
}

// ERC-2612 permits for the union token: one signature (no gas) that lets a contract take an amount in
// the same transaction that uses it, instead of a separate approve. Escrow deals and crowdfund pledges
// both fund this way.
import { parseSignature, type Address, type Hex } from 'viem';
import { unionTokenAbi } from './abi/generated';
import { getPublicClient, getWalletClient } from './client';
import { toChainActionError } from './errors';
import { chainNow } from './time';
import { errorContext, type Signer } from './write';

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

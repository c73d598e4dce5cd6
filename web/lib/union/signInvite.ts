// Sign an invite voucher with the wallet (EIP-712 typed data). No transaction: the invitee
// redeems it with joinWithInvite. The local digest is checked against the contract's
// hashInvite so a domain mismatch is caught here, not when the invitee pays gas.
import { hashTypedData, type Address, type TypedDataDomain } from 'viem';
import { unionAbi } from '../chain/abi';
import { getConfig } from '$lib/config';
import { getPublicClient, getWalletClient } from '../chain/client';
import { toChainActionError, ChainActionError } from '../chain/errors';
import { errorContext, type Signer } from '../chain/write';
import { encodeInvite, INVITE_TYPES, randomNonce, ZERO_ADDRESS, type SignedInvite } from './invite';

export interface SignInviteParams {
	union: Address;
	/** Zero address (default) = anyone holding the link. */
	invitee?: Address;
	/** Seconds the invite stays valid; default 7 days. */
	validForSeconds?: number;
}

export interface SignInviteResult {
	voucher: SignedInvite;
	code: string;
}

/** The union's EIP-712 domain, read from ERC-5267 eip712Domain(). */
export async function inviteDomain(union: Address): Promise<TypedDataDomain> {
	const client = await getPublicClient();
	const [, name, version, chainId, verifyingContract] = await client.readContract({
		address: union,
		abi: unionAbi,
		functionName: 'eip712Domain'
	});
	return { name, version, chainId, verifyingContract };
}

export async function signInvite(signer: Signer, p: SignInviteParams): Promise<SignInviteResult> {
	try {
		const client = await getPublicClient();
		const [domain, wallet, block] = await Promise.all([
			inviteDomain(p.union),
			getWalletClient(signer.provider, signer.account),
			client.getBlock()
		]);
		// Chain time, not the laptop clock: on a local chain the two can differ by days.
		const invite = {
			inviter: signer.account,
			invitee: p.invitee ?? ZERO_ADDRESS,
			nonce: randomNonce(),
			deadline: block.timestamp + BigInt(p.validForSeconds ?? 7 * 24 * 3600)
		};
		const onChainDigest = await client.readContract({ address: p.union, abi: unionAbi, functionName: 'hashInvite', args: [invite] });
		const localDigest = hashTypedData({ domain, types: INVITE_TYPES, primaryType: 'Invite', message: invite });
		if (onChainDigest !== localDigest) throw new ChainActionError('The union’s invite format differs from what this site signs; the invite would be refused');
		const signature = await wallet.signTypedData({ account: signer.account, domain, types: INVITE_TYPES, primaryType: 'Invite', message: invite });
		const voucher: SignedInvite = { chainId: getConfig().chain.id, union: p.union, invite, signature };
		return { voucher, code: encodeInvite(voucher) };
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

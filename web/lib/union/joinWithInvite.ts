// Union.joinWithInvite: redeem a member's signed invite voucher. An open invite's link carries a claim key;
// it signs the redeemer's address (EIP-712 InviteClaim), so nobody who copies the pending transaction can
// redeem the invite for themselves.
import type { Address, Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { unionAbi } from '../chain/abi';
import type { Signer, TxObserver, TxResult } from '../chain/write';
import { writeForUnion } from '../sponsor/write';
import { CLAIM_TYPES, type SignedInvite } from './invite';

/** The claim key's signature over the redeemer (empty for an invite that names its invitee). */
export async function claimSignature(voucher: SignedInvite, redeemer: Address): Promise<Hex> {
	if (!voucher.claimSecret) return '0x';
	const key = privateKeyToAccount(voucher.claimSecret);
	return key.signTypedData({
		domain: { name: 'Network Union', version: '1', chainId: voucher.chainId, verifyingContract: voucher.union },
		types: CLAIM_TYPES,
		primaryType: 'InviteClaim',
		message: { redeemer }
	});
}

export async function joinWithInvite(signer: Signer, union: Address, voucher: SignedInvite, observer?: TxObserver): Promise<TxResult> {
	const claim = await claimSignature(voucher, signer.account);
	return writeForUnion(
		signer,
		union,
		{ address: union, abi: unionAbi, functionName: 'joinWithInvite', args: [voucher.invite, voucher.signature, claim] },
		observer
	);
}

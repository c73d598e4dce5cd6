// Everything that would make joinWithInvite revert, checked before the member is asked to sign.
import type { Address } from 'viem';
import { getConfig } from '$lib/config';
import { unionAbi } from '../chain/abi';
import { offlineInviteProblem, type InviteProblem, type SignedInvite } from './invite';
import { read } from '$lib/chain/read';

export async function checkInvite(voucher: SignedInvite, union: Address, account: Address | null): Promise<InviteProblem | null> {
	return read(async ({ client }) => {
		const block = await client.getBlock();
		const offline = offlineInviteProblem(voucher, { chainId: getConfig().chain.id, union, nowSeconds: block.timestamp, account });
		if (offline) return offline;
		const { inviter, nonce } = voucher.invite;
		const [used, inviterIsMember, digest, alreadyMember] = await Promise.all([
			client.readContract({ address: union, abi: unionAbi, functionName: 'inviteUsed', args: [inviter, nonce] }),
			client.readContract({ address: union, abi: unionAbi, functionName: 'isMember', args: [inviter] }),
			client.readContract({ address: union, abi: unionAbi, functionName: 'hashInvite', args: [voucher.invite] }),
			account ? client.readContract({ address: union, abi: unionAbi, functionName: 'isMember', args: [account] }) : Promise.resolve(false)
		]);
		if (used) return 'used';
		if (!inviterIsMember) return 'inviter-not-member';
		// verifyHash covers EOAs and smart-contract wallets (ERC-1271), like the contract's SignatureChecker.
		const valid = await client.verifyHash({ address: inviter, hash: digest, signature: voucher.signature });
		if (!valid) return 'bad-signature';
		if (alreadyMember) return 'already-member';
		return null;
	});
}

// Reads one account's trust standing in a union from the contract: trust, vouches, the union's
// threshold k, who vouched (Backed logs naming the account as leader, each confirmed with isVouching),
// the grant and the account's votes now.
import type { Address } from 'viem';
import { unionAbi, unionTokenAbi } from '../chain/abi/generated';
import { read } from '$lib/chain/read';
import type { TrustStanding } from './trust';

export async function trustStanding(union: Address, account: Address): Promise<TrustStanding> {
	return read(async ({ client, events }) => {
		const u = { address: union, abi: unionAbi } as const;
		const [isMember, trusted, vouches, params, granted, token, logs] = await Promise.all([
			client.readContract({ ...u, functionName: 'isMember', args: [account] }),
			client.readContract({ ...u, functionName: 'isTrusted', args: [account] }),
			client.readContract({ ...u, functionName: 'vouchesOf', args: [account] }),
			client.readContract({ ...u, functionName: 'trustParams' }),
			client.readContract({ ...u, functionName: 'hasReceivedGrant', args: [account] }),
			client.readContract({ ...u, functionName: 'token' }),
			events((range) => client.getContractEvents({ ...u, eventName: 'Backed', args: { leader: account }, ...range, strict: true }))
		]);
		const backers = [...new Set(logs.map((l) => l.args.backer.toLowerCase() as Address))];
		const [vouching, votes] = await Promise.all([
			Promise.all(backers.map((b) => client.readContract({ ...u, functionName: 'isVouching', args: [b, account] }))),
			client.readContract({ address: token, abi: unionTokenAbi, functionName: 'getVotes', args: [account] })
		]);
		return {
			isMember,
			trusted,
			vouches: Number(vouches),
			threshold: Number(params.vouchThreshold),
			vouchers: backers.filter((_, i) => vouching[i]),
			granted,
			votes
		};
	});
}

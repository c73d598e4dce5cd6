// A union's governance: its governor (found from the factory's UnionCreated log), settings, treasury and the
// connected member's voting power, read in one batched round trip.
import { erc20Abi, type Address } from 'viem';
import { unionAbi, unionFactoryAbi, unionGovernorAbi, unionTimelockAbi, unionTokenAbi } from '../chain/abi/generated';
import { factoryAddress } from '$lib/chain/contracts';
import { read } from '$lib/chain/read';

export interface GovernanceInfo {
	union: Address;
	governor: Address;
	token: Address;
	timelock: Address;
	steward: Address;
	founder: Address;
	tokenSymbol: string;
	/** Seconds (the token's clock is the timestamp). */
	votingDelay: bigint;
	votingPeriod: bigint;
	timelockDelay: bigint;
	proposalThreshold: bigint;
	quorumPercent: bigint;
	/** The quorum base: every delegated vote now. */
	delegatedSupply: bigint;
	treasuryTokens: bigint;
	treasuryEth: bigint;
	/** True once the founder handed the steward's powers to the timelock. */
	governed: boolean;
}

const governors = new Map<string, Promise<Address>>();

/** The union's governor, from the factory's creation event (the union itself does not store it). */
export function governorOf(union: Address): Promise<Address> {
	const key = union.toLowerCase();
	let found = governors.get(key);
	if (!found) {
		found = read(async ({ client, events }) => {
			const logs = await events((range) =>
				client.getContractEvents({
					address: factoryAddress(),
					abi: unionFactoryAbi,
					eventName: 'UnionCreated',
					args: { union },
					...range,
					strict: true
				})
			);
			const log = logs[0];
			if (!log) throw new Error(`No union created by this site's factory lives at ${union}`);
			return log.args.governor;
		});
		found.catch(() => governors.delete(key));
		governors.set(key, found);
	}
	return found;
}

export async function governanceInfo(union: Address): Promise<GovernanceInfo> {
	return read(async ({ client }) => {
		const governor = await governorOf(union);
		const [token, timelock, steward, founder] = await Promise.all([
			client.readContract({ address: union, abi: unionAbi, functionName: 'token' }),
			client.readContract({ address: union, abi: unionAbi, functionName: 'timelock' }),
			client.readContract({ address: union, abi: unionAbi, functionName: 'steward' }),
			client.readContract({ address: union, abi: unionAbi, functionName: 'founder' })
		]);
		const g = { address: governor, abi: unionGovernorAbi } as const;
		const [votingDelay, votingPeriod, proposalThreshold, quorumPercent, timelockDelay, tokenSymbol, delegatedSupply, treasuryTokens, treasuryEth] =
			await Promise.all([
				client.readContract({ ...g, functionName: 'votingDelay' }),
				client.readContract({ ...g, functionName: 'votingPeriod' }),
				client.readContract({ ...g, functionName: 'proposalThreshold' }),
				client.readContract({ ...g, functionName: 'quorumNumerator' }),
				client.readContract({ address: timelock, abi: unionTimelockAbi, functionName: 'getMinDelay' }),
				client.readContract({ address: token, abi: erc20Abi, functionName: 'symbol' }),
				client.readContract({ address: token, abi: unionTokenAbi, functionName: 'delegatedSupply' }),
				client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [timelock] }),
				client.getBalance({ address: timelock })
			]);
		return {
			union,
			governor,
			token,
			timelock,
			steward,
			founder,
			tokenSymbol,
			votingDelay,
			votingPeriod,
			timelockDelay,
			proposalThreshold,
			quorumPercent,
			delegatedSupply,
			treasuryTokens,
			treasuryEth,
			governed: steward.toLowerCase() === timelock.toLowerCase()
		};
	});
}

export interface VotingPower {
	balance: bigint;
	votes: bigint;
	/** Zero address when the account never delegated. */
	delegate: Address;
}

export async function votingPower(token: Address, account: Address): Promise<VotingPower> {
	return read(async ({ client }) => {
		const t = { address: token, abi: unionTokenAbi } as const;
		const [balance, votes, delegate] = await Promise.all([
			client.readContract({ ...t, functionName: 'balanceOf', args: [account] }),
			client.readContract({ ...t, functionName: 'getVotes', args: [account] }),
			client.readContract({ ...t, functionName: 'delegates', args: [account] })
		]);
		return { balance, votes, delegate };
	});
}

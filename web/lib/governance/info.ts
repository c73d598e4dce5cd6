// A union's governance: its governor (found from the factory's UnionCreated log), settings, treasury and the
// connected member's voting power, read in one batched round trip.
import { erc20Abi, type Address } from 'viem';
import { getConfig } from '$lib/config';
import { unionAbi, unionFactoryAbi, unionGovernorAbi, unionTimelockAbi, unionTokenAbi } from '../chain/abi/generated';
import { getPublicClient } from '../chain/client';
import { toChainActionError } from '../chain/errors';
import { errorContext } from '../chain/write';
import { chunkedEvents } from '../sync/chunkedEvents';

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
		found = (async () => {
			const client = await getPublicClient();
			const { unionFactory, deployBlock } = getConfig().contracts;
			const logs = await chunkedEvents(client, BigInt(deployBlock), (range) =>
				client.getContractEvents({
					address: unionFactory,
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
		})();
		found.catch(() => governors.delete(key));
		governors.set(key, found);
	}
	return found;
}

export async function governanceInfo(union: Address): Promise<GovernanceInfo> {
	try {
		const client = await getPublicClient();
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
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

export interface VotingPower {
	balance: bigint;
	votes: bigint;
	/** Zero address when the account never delegated. */
	delegate: Address;
}

export async function votingPower(token: Address, account: Address): Promise<VotingPower> {
	try {
		const client = await getPublicClient();
		const t = { address: token, abi: unionTokenAbi } as const;
		const [balance, votes, delegate] = await Promise.all([
			client.readContract({ ...t, functionName: 'balanceOf', args: [account] }),
			client.readContract({ ...t, functionName: 'getVotes', args: [account] }),
			client.readContract({ ...t, functionName: 'delegates', args: [account] })
		]);
		return { balance, votes, delegate };
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

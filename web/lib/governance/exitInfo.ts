// What the proposal page needs for an exit (ragequit): whether the connected member may exit under a queued
// proposal, how much, and what the treasury holds now. The ERC-20s the timelock holds are found from the
// Transfer logs that name it as recipient (any contract), then read with balanceOf; the union's own token is
// left out, as ragequit refuses it.
import { erc20Abi, parseAbiItem, type Address } from 'viem';
import { unionGovernorAbi, unionTokenAbi, unionAbi } from '../chain/abi/generated';
import { read } from '$lib/chain/read';
import { exitTokenList, type ExitEligibility, type TreasuryHoldings } from './exitShare';
import { ProposalState } from './proposals';

const transferEvent = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)');

export interface ExitToken {
	address: Address;
	symbol: string;
	balance: bigint;
}

export interface ExitInfo extends ExitEligibility {
	/** The member's union tokens now (an exit burns from these). */
	balance: bigint;
	holdings: Omit<TreasuryHoldings, 'tokens'> & { tokens: ExitToken[] };
}

export interface ExitContracts {
	union: Address;
	governor: Address;
	timelock: Address;
	token: Address;
}

/** ERC-20s (other than the union's token) the timelock holds a balance of now, in ragequit's order. */
async function treasuryTokens(c: ExitContracts): Promise<ExitToken[]> {
	return read(async ({ client, events }) => {
		const logs = await events((range) => client.getLogs({ event: transferEvent, args: { to: c.timelock }, ...range, strict: true }));
		const candidates = exitTokenList(
			logs.map((l) => l.address),
			c.token
		);
		const found = await Promise.all(
			candidates.map(async (address) => {
				try {
					const [balance, symbol] = await Promise.all([
						client.readContract({ address, abi: erc20Abi, functionName: 'balanceOf', args: [c.timelock] }),
						client.readContract({ address, abi: erc20Abi, functionName: 'symbol' })
					]);
					return { address, symbol, balance };
				} catch {
					// A contract that logs Transfer but is not an ERC-20 (an NFT, say) has nothing to pay out.
					return null;
				}
			})
		);
		return found.filter((t): t is ExitToken => t !== null && t.balance > 0n);
	});
}

export async function exitInfo(c: ExitContracts, proposalId: bigint, account: Address): Promise<ExitInfo> {
	const tokens = await treasuryTokens(c);
	return read(async ({ client }) => {
		const g = { address: c.governor, abi: unionGovernorAbi } as const;
		const t = { address: c.token, abi: unionTokenAbi } as const;
		const [state, snapshot, votedFor, isMember, alreadyExited, balance, totalSupply, timelockUnionTokens, eth] = await Promise.all([
			client.readContract({ ...g, functionName: 'state', args: [proposalId] }),
			client.readContract({ ...g, functionName: 'proposalSnapshot', args: [proposalId] }),
			client.readContract({ ...g, functionName: 'votedFor', args: [proposalId, account] }),
			client.readContract({ address: c.union, abi: unionAbi, functionName: 'isMember', args: [account] }),
			client.readContract({ ...g, functionName: 'exited', args: [proposalId, account] }),
			client.readContract({ ...t, functionName: 'balanceOf', args: [account] }),
			client.readContract({ ...t, functionName: 'totalSupply' }),
			client.readContract({ ...t, functionName: 'balanceOf', args: [c.timelock] }),
			client.getBalance({ address: c.timelock })
		]);
		const votesAtSnapshot = await client.readContract({ ...t, functionName: 'getPastVotes', args: [account, snapshot] });
		return {
			queued: state === ProposalState.Queued,
			isMember,
			votedFor,
			votesAtSnapshot,
			alreadyExited,
			balance,
			holdings: { totalSupply, timelockUnionTokens, eth, tokens }
		};
	});
}

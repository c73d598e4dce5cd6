// A union's current settings: one multicall beside the code check, then the token's symbol.
import { erc20Abi, type Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { admissionRuleFrom, type AdmissionRule } from './types';
import { read } from '$lib/chain/read';

export interface UnionDetails {
	address: Address;
	name: string;
	charterCid: string;
	admissionRule: AdmissionRule;
	steward: Address;
	founder: Address;
	token: Address;
	timelock: Address;
	tokenSymbol: string;
	memberCount: bigint;
	joinGrant: bigint;
}

/** The union's settings the page shows, in order: one Multicall3 aggregate (see below). */
const FIELDS = ['name', 'charterCid', 'admissionRule', 'steward', 'founder', 'token', 'timelock', 'memberCount', 'joinGrant'] as const;

/**
 * Two round trips: the code check and the nine settings together (one JSON-RPC batch: eth_getCode
 * and one eth_call of Multicall3's aggregate3, run deployless — the bytecode rides in the call, so no
 * chain needs a Multicall3 deployed), then the token's symbol, whose address comes from the first.
 */
export async function unionDetails(union: Address): Promise<UnionDetails> {
	return read(async ({ client }) => {
		const [code, results] = await Promise.all([
			client.getCode({ address: union }),
			client.multicall({ deployless: true, contracts: FIELDS.map((functionName) => ({ address: union, abi: unionAbi, functionName })) })
		]);
		if (!code || code === '0x') throw new Error(`No union exists at ${union} on this network`);
		const values = results.map((r) => {
			if (r.status === 'failure') throw r.error;
			return r.result;
		});
		const [name, charterCid, admissionRule, steward, founder, token, timelock, memberCount, joinGrant] = values;
		const tokenSymbol = await client.readContract({ address: token as Address, abi: erc20Abi, functionName: 'symbol' });
		return {
			address: union,
			name: name as string,
			charterCid: charterCid as string,
			admissionRule: admissionRuleFrom(Number(admissionRule)),
			steward: steward as Address,
			founder: founder as Address,
			token: token as Address,
			timelock: timelock as Address,
			tokenSymbol,
			memberCount: memberCount as bigint,
			joinGrant: joinGrant as bigint
		};
	});
}

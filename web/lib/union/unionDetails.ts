// A union's current settings, read in one batched round trip.
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

export async function unionDetails(union: Address): Promise<UnionDetails> {
	return read(async ({ client }) => {
		const code = await client.getCode({ address: union });
		if (!code || code === '0x') throw new Error(`No union exists at ${union} on this network`);
		const get = <N extends 'name' | 'charterCid' | 'admissionRule' | 'steward' | 'founder' | 'token' | 'timelock' | 'memberCount' | 'joinGrant'>(
			functionName: N
		) => client.readContract({ address: union, abi: unionAbi, functionName });
		const [name, charterCid, admissionRule, steward, founder, token, timelock, memberCount, joinGrant] = await Promise.all([
			get('name'),
			get('charterCid'),
			get('admissionRule'),
			get('steward'),
			get('founder'),
			get('token'),
			get('timelock'),
			get('memberCount'),
			get('joinGrant')
		]);
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

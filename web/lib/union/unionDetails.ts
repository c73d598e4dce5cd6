// A union's current settings, read in one batched round trip.
import { erc20Abi, type Address } from 'viem';
import { unionAbi } from '../chain/abi';
import { getPublicClient } from '../chain/client';
import { toChainActionError } from '../chain/errors';
import { admissionRuleFrom, type AdmissionRule } from './types';
import { errorContext } from '../chain/write';

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
	try {
		const client = await getPublicClient();
		const code = await client.getCode({ address: union });
		if (!code || code === '0x') throw new Error(`No union exists at ${union} on this network`);
		const read = <N extends 'name' | 'charterCid' | 'admissionRule' | 'steward' | 'founder' | 'token' | 'timelock' | 'memberCount' | 'joinGrant'>(
			functionName: N
		) => client.readContract({ address: union, abi: unionAbi, functionName });
		const [name, charterCid, admissionRule, steward, founder, token, timelock, memberCount, joinGrant] = await Promise.all([
			read('name'),
			read('charterCid'),
			read('admissionRule'),
			read('steward'),
			read('founder'),
			read('token'),
			read('timelock'),
			read('memberCount'),
			read('joinGrant')
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
	} catch (e) {
		throw toChainActionError(e, errorContext());
	}
}

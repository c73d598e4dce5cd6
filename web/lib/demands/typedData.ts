// The EIP-712 typed data a member signs to commit to a demand. One definition serves the wallet prompt, the
// contract check (Demands.sol builds the same digest) and the offline bundle verifier.
import type { Address, Hex } from 'viem';

export const DOMAIN_NAME = 'Network Union Demands';
export const DOMAIN_VERSION = '1';

export interface CommitmentDomain {
	name: string;
	version: string;
	chainId: number;
	verifyingContract: Address;
}

export const COMMITMENT_TYPES = {
	Commitment: [
		{ name: 'union', type: 'address' },
		{ name: 'demandId', type: 'uint256' },
		{ name: 'member', type: 'address' },
		{ name: 'textCid', type: 'string' },
		{ name: 'nonce', type: 'uint256' }
	]
} as const;

export interface CommitmentMessage {
	union: Address;
	demandId: bigint;
	member: Address;
	textCid: string;
	nonce: bigint;
}

export function commitmentDomain(chainId: number, demands: Address): CommitmentDomain {
	return { name: DOMAIN_NAME, version: DOMAIN_VERSION, chainId, verifyingContract: demands };
}

/** What `signTypedData` / `verifyTypedData` take. */
export function commitmentTypedData(domain: CommitmentDomain, message: CommitmentMessage) {
	return { domain, types: COMMITMENT_TYPES, primaryType: 'Commitment' as const, message };
}

export interface SignedCommitment {
	member: Address;
	nonce: bigint;
	signature: Hex;
}

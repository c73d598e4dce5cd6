// Addresses of the contracts from config.json, with one error type for a network that lacks one. The
// shared contracts (one deployment for every union) may be absent: `configured` returns null and the
// page hides the feature; `contractAddress` is for code that cannot go on without it.
import type { Address } from 'viem';
import { getConfig } from '$lib/config';
import type { ContractsConfig } from '$lib/config/types';
import { ChainActionError } from './errors';

/** The shared contracts config.json may leave out. */
export type SharedContract = { [K in keyof ContractsConfig]: ContractsConfig[K] extends Address | null ? (null extends ContractsConfig[K] ? K : never) : never }[keyof ContractsConfig];

const NAMES: Record<SharedContract, string> = {
	arbiters: 'arbiter registry',
	escrow: 'escrow contract',
	crowdfund: 'crowdfunding contract',
	demands: 'collective-demands contract',
	courses: 'courses contract'
};

/** Thrown where a feature needs a shared contract this network has not deployed. */
export class ContractNotConfiguredError extends ChainActionError {
	readonly contract: SharedContract;
	constructor(contract: SharedContract) {
		super(`This network has no ${NAMES[contract]} (config.json contracts.${contract})`);
		this.name = 'ContractNotConfiguredError';
		this.contract = contract;
	}
}

/** The configured address, or null where this network has none. */
export function configured(contract: SharedContract): Address | null {
	return getConfig().contracts[contract];
}

/** The configured address; ContractNotConfiguredError where this network has none. */
export function contractAddress(contract: SharedContract): Address {
	const address = configured(contract);
	if (!address) throw new ContractNotConfiguredError(contract);
	return address;
}

/** The union factory (every network has one). */
export function factoryAddress(): Address {
	return getConfig().contracts.unionFactory;
}

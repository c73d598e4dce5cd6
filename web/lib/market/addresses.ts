// Addresses of the shared market contracts from config.json; null on a network without them (the
// pages then hide the feature instead of failing).
import type { Address } from 'viem';
import { getConfig } from '$lib/config';
import { ChainActionError } from '../chain/errors';

export function escrowAddress(): Address | null {
	return getConfig().contracts.escrow;
}

export function arbitersAddress(): Address | null {
	return getConfig().contracts.arbiters;
}

export function requireEscrow(): Address {
	const a = escrowAddress();
	if (!a) throw new ChainActionError('This network has no escrow contract (config.json contracts.escrow)');
	return a;
}

export function requireArbiters(): Address {
	const a = arbitersAddress();
	if (!a) throw new ChainActionError('This network has no arbiter registry (config.json contracts.arbiters)');
	return a;
}

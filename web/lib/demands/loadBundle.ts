// Builds a demand's bundle from the chain (the demand record and its Committed logs).
import { getConfig } from '$lib/config';
import { makeBundle, type DemandBundle } from './bundle';
import { demandsAddress, getDemand, liveCommitments } from './read';
import { commitmentDomain } from './typedData';

export async function loadBundle(id: bigint): Promise<DemandBundle> {
	const [demand, commitments] = await Promise.all([getDemand(id), liveCommitments(id)]);
	return makeBundle({
		domain: commitmentDomain(getConfig().chain.id, demandsAddress()),
		demand,
		commitments
	});
}

/** Pretty JSON for download, named after the demand. */
export function bundleFile(bundle: DemandBundle): { name: string; text: string } {
	return { name: `demand-${bundle.demand.id}-bundle.json`, text: `${JSON.stringify(bundle, null, 2)}\n` };
}

// The union a page under u/[union=address]/ is about. The route's matcher (web/params/address.ts)
// and the layout have already checked the parameter, so pages read it without parsing it again.
import { page } from '$app/state';
import type { Address } from 'viem';

export function routeUnion(): Address {
	return page.params.union as Address;
}

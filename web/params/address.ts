// The `[union=address]` route matcher: a union's pages exist only for a 0x address (hash routing
// runs matchers in the client router like any other). A URL with anything else matches no route,
// and the root error page says it is not a union address.
import type { ParamMatcher } from '@sveltejs/kit';
import type { Address } from 'viem';

export const match = ((param: string): param is Address => /^0x[0-9a-fA-F]{40}$/.test(param)) satisfies ParamMatcher;

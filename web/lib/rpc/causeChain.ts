// The links of an error's cause chain, outermost first. viem wraps a node's or a wallet's error two or
// three times, wallets nest theirs in `cause`, fetch adds its own: the code, revert data or words a caller
// looks for can sit at any depth. Bounded, since nothing stops a chain from looping.

/** The error and each `cause` below it that is an object, at most `maxDepth` of them. */
export function causeChain(error: unknown, maxDepth = 8): object[] {
	const links: object[] = [];
	for (let e = error; links.length < maxDepth && typeof e === 'object' && e !== null; e = (e as { cause?: unknown }).cause) {
		links.push(e);
	}
	return links;
}

/** What the chain ends in when its last cause is not an object (a thrown string, say), within `maxDepth` links. */
export function primitiveCause(error: unknown, maxDepth = 8): string | undefined {
	const links = causeChain(error, maxDepth);
	// The walk stopped at its bound, not at the chain's end.
	if (links.length === maxDepth) return undefined;
	// Past the last object link: nothing, null, or a primitive (the walk takes every object).
	const end = links.length === 0 ? error : (links[links.length - 1] as { cause?: unknown }).cause;
	return end === undefined || end === null ? undefined : String(end);
}

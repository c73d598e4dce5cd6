// Gas headroom for every write, from the site and from our scripts alike. Dependency-free so Node
// scripts can import it too.

/**
 * Gas limit with headroom. Estimates run against a pending block that can share the previous
 * block's timestamp; ERC20Votes then updates a checkpoint in place (cheap) where the mined
 * transaction, a second later, pushes a new one (~20k more) and would run out of gas.
 */
export function padGas(estimate: bigint): bigint {
	return estimate + estimate / 4n + 30_000n;
}

// Uniswap V2 arithmetic in bigint, exactly as UniswapV2Library computes it, so the page can quote,
// show price impact and derive the minimum it will accept without a round trip per keystroke.
// The router is the authority: it enforces the minimum the member accepted, whatever the page quoted.

const FEE_NUMERATOR = 997n; // 0.3 % fee: UniswapV2Library.getAmountOut uses 997/1000
const FEE_DENOMINATOR = 1000n;
export const BPS = 10_000n;

/** Output of a swap of `amountIn` against reserves (UniswapV2Library.getAmountOut). 0 when a reserve is empty. */
export function getAmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
	if (amountIn <= 0n || reserveIn <= 0n || reserveOut <= 0n) return 0n;
	const amountInWithFee = amountIn * FEE_NUMERATOR;
	return (amountInWithFee * reserveOut) / (reserveIn * FEE_DENOMINATOR + amountInWithFee);
}

/**
 * Price impact in basis points: how much less than the pool's current (mid) price the trade gets,
 * leaving the 0.3 % fee out (as Uniswap's own interface does): 1 − out / (in·0.997 · reserveOut/reserveIn).
 */
export function priceImpactBps(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
	const out = getAmountOut(amountIn, reserveIn, reserveOut);
	if (out === 0n) return 0n;
	// mid-price output after fee, scaled by reserveIn·1000 to stay in integers
	const midScaled = amountIn * FEE_NUMERATOR * reserveOut;
	const outScaled = out * reserveIn * FEE_DENOMINATOR;
	return ((midScaled - outScaled) * BPS) / midScaled;
}

/** The least output accepted at `slippageBps` tolerance: floor(out · (1 − slippage)). */
export function minimumOut(amountOut: bigint, slippageBps: bigint): bigint {
	if (slippageBps < 0n || slippageBps > BPS) throw new RangeError('slippage must be between 0 % and 100 %');
	return (amountOut * (BPS - slippageBps)) / BPS;
}

/** "0.5" (percent) → 50 bps; null when not a number in [0, 50] % (more is almost surely a typo). */
export function parseSlippagePercent(text: string): bigint | null {
	const t = text.trim();
	if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
	const [whole, frac = ''] = t.split('.');
	const bps = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
	return bps <= 5_000n ? bps : null;
}

/** Amount of B that matches `amountA` at the pool's ratio (UniswapV2Library.quote), for adding liquidity. */
export function quote(amountA: bigint, reserveA: bigint, reserveB: bigint): bigint {
	if (amountA <= 0n || reserveA <= 0n || reserveB <= 0n) return 0n;
	return (amountA * reserveB) / reserveA;
}

/** What burning `liquidity` LP tokens returns of one reserve (UniswapV2Pair.burn, protocol fee off). */
export function shareOf(liquidity: bigint, reserve: bigint, totalSupply: bigint): bigint {
	if (totalSupply <= 0n) return 0n;
	return (liquidity * reserve) / totalSupply;
}

/** Unix seconds `minutes` from `nowSeconds`: the router's `deadline`. */
export function deadlineFrom(nowSeconds: bigint, minutes: number): bigint {
	return nowSeconds + BigInt(Math.max(1, Math.round(minutes * 60)));
}

/** bps → "0.50 %". */
export function formatBps(bps: bigint): string {
	const sign = bps < 0n ? '-' : '';
	const abs = bps < 0n ? -bps : bps;
	return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')} %`;
}

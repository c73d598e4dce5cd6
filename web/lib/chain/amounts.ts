// Token amounts typed by people ("1000", "0.5") ↔ 18-decimal integers, without loading viem.
export const DECIMALS = 18;

/** Parses a non-negative decimal string into wei-like units; null if malformed. */
export function parseTokenAmount(text: string, decimals = DECIMALS): bigint | null {
	const t = text.trim().replace(/[_,\s]/g, '');
	const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
	if (!m) return null;
	const frac = m[2] ?? '';
	if (frac.length > decimals) return null;
	return BigInt(m[1]!) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
}

/** Formats units for display, trimming trailing zeros ("1000", "0.5"). */
export function formatTokenAmount(units: bigint, decimals = DECIMALS): string {
	const base = 10n ** BigInt(decimals);
	const whole = units / base;
	const frac = (units % base).toString().padStart(decimals, '0').replace(/0+$/, '');
	return frac ? `${whole}.${frac}` : whole.toString();
}

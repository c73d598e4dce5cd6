// Durations and countdowns in words a member reads at a glance ("2 d 3 h", "in 5 min").
export function duration(seconds: bigint | number): string {
	let s = Math.max(0, Math.floor(Number(seconds)));
	const d = Math.floor(s / 86_400);
	s -= d * 86_400;
	const h = Math.floor(s / 3600);
	s -= h * 3600;
	const m = Math.floor(s / 60);
	s -= m * 60;
	if (d) return h ? `${d} d ${h} h` : `${d} d`;
	if (h) return m ? `${h} h ${m} min` : `${h} h`;
	if (m) return s ? `${m} min ${s} s` : `${m} min`;
	return `${s} s`;
}

/** Percentage (0..100, one decimal) of `part` in `whole`, for progress bars. */
export function percent(part: bigint, whole: bigint): number {
	if (whole <= 0n) return part > 0n ? 100 : 0;
	const p = Number((part * 1000n) / whole) / 10;
	return Math.min(100, p);
}

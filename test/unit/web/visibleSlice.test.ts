import { describe, expect, it } from 'vitest';
import { visibleSlice } from '$lib/ui/leaders/visibleSlice';

describe('visibleSlice (the leaders list draws only the rows on screen)', () => {
	const base = { viewport: 844, rowHeight: 52, total: 100_000 };

	it('at the top: the rows on screen and the overscan below, the rest as padding', () => {
		const s = visibleSlice({ ...base, scrolledBy: 0 });
		expect(s.start).toBe(0);
		expect(s.end).toBe(Math.ceil(844 / 52) + 1 + 20);
		expect(s.before).toBe(0);
		expect(s.after).toBe((100_000 - s.end) * 52);
	});

	it('scrolled to row 50,000: starts 20 rows above it, draws at most a few dozen', () => {
		const s = visibleSlice({ ...base, scrolledBy: 50_000 * 52 + 10 });
		expect(s.start).toBe(50_000 - 20);
		expect(s.end - s.start).toBeLessThanOrEqual(60);
		expect(s.end).toBeGreaterThan(50_000 + 844 / 52);
		expect(s.before + (s.end - s.start) * 52 + s.after).toBe(100_000 * 52);
	});

	it('at the bottom: ends at the last row with no padding after', () => {
		const s = visibleSlice({ ...base, scrolledBy: 100_000 * 52 - 844 });
		expect(s.end).toBe(100_000);
		expect(s.after).toBe(0);
	});

	it('the list further down the page than the viewport reaches: only overscan rows', () => {
		const s = visibleSlice({ ...base, scrolledBy: -2_000 });
		expect(s.start).toBe(0);
		expect(s.end).toBe(1 + 20);
	});

	it('a short (or filtered) list is drawn whole', () => {
		expect(visibleSlice({ ...base, total: 7, scrolledBy: 0 })).toEqual({ start: 0, end: 7, before: 0, after: 0 });
		expect(visibleSlice({ ...base, total: 0, scrolledBy: 0 })).toEqual({ start: 0, end: 0, before: 0, after: 0 });
	});
});

// Which rows of a long fixed-height list to draw: the ones on screen plus `overscan` either side,
// with the heights of the rows left out above and below (as padding, so the scrollbar and the
// page's length stay those of the whole list). 100k leaders then cost a few dozen DOM rows.

export interface SliceInput {
	/** How far the list's top has scrolled above the viewport's top (negative: list starts lower). */
	scrolledBy: number;
	/** Viewport height in px. */
	viewport: number;
	rowHeight: number;
	total: number;
	/** Rows drawn beyond each edge of the viewport (default 20). */
	overscan?: number;
}

export interface Slice {
	/** First row drawn (inclusive) and last (exclusive). */
	start: number;
	end: number;
	/** Padding in px standing in for the rows not drawn. */
	before: number;
	after: number;
}

export function visibleSlice({ scrolledBy, viewport, rowHeight, total, overscan = 20 }: SliceInput): Slice {
	if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, before: 0, after: 0 };
	const first = Math.floor(Math.max(0, scrolledBy) / rowHeight);
	const onScreen = Math.ceil(Math.max(0, viewport + Math.min(0, scrolledBy)) / rowHeight) + 1;
	const start = Math.min(total, Math.max(0, first - overscan));
	const end = Math.min(total, Math.max(start, first + onScreen + overscan));
	return { start, end, before: start * rowHeight, after: (total - end) * rowHeight };
}

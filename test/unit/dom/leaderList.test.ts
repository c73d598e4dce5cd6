// @vitest-environment jsdom
// The windowed leaders list in a DOM: 100k leaders draw a few dozen rows; scrolling shows the rows
// at that position; filtering shows the matching rows (their ranks kept).
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import LeaderList from '$lib/ui/leaders/LeaderList.svelte';
import type { LeaderScore } from '$lib/leaders/rank/supportRank';
import { tableRows, type LeaderTable } from '$lib/leaders/rank/table';

const ROW = 52;
const union = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0' as const;
const leaders: LeaderScore[] = Array.from({ length: 100_000 }, (_, i) => ({
	address: `0x${(0x100000 + i).toString(16).padStart(40, '0')}`,
	score: 1 / (i + 2),
	backers: 100_000 - i,
	backing: 1,
	seed: i < 6
}));

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
	if (app) unmount(app);
	app = null;
	document.body.innerHTML = '';
});

/** jsdom has no layout: the list's top is placed by hand, as if the page had scrolled by `y`. */
function scrollTo(list: HTMLElement, y: number): void {
	list.getBoundingClientRect = () => ({ top: -y, bottom: 0, left: 0, right: 0, height: 0, width: 0, x: 0, y: -y, toJSON: () => ({}) });
	window.dispatchEvent(new Event('scroll'));
	flushSync();
}

const ranks = (): number[] => [...document.querySelectorAll<HTMLElement>('[data-testid="leader-item"]')].map((li) => Number(li.dataset.rank));

describe('LeaderList at 100k leaders', { timeout: 60_000 }, () => {
	it('draws a few dozen rows, and the rows at the scroll position after scrolling', () => {
		Object.defineProperty(window, 'innerHeight', { value: 844, configurable: true });
		app = mount(LeaderList, { target: document.body, props: { union, leaders, profiles: undefined } });
		flushSync();
		const list = document.querySelector<HTMLElement>('[data-testid="leader-list"]');
		if (!list) throw new Error('no list');
		scrollTo(list, 0);
		expect(ranks()[0]).toBe(1);
		expect(ranks().length).toBeLessThanOrEqual(60);

		scrollTo(list, 50_000 * ROW);
		const shown = ranks();
		expect(shown.length).toBeLessThanOrEqual(60);
		expect(shown).toContain(50_001); // the row at the top of the screen
		expect(shown[0]).toBe(50_001 - 20);
		// Padding keeps the list its full length.
		expect(parseFloat(list.style.paddingTop) + shown.length * ROW + parseFloat(list.style.paddingBottom)).toBe(100_000 * ROW);
	});

	it('filters to the matching rows, keeping their ranks', () => {
		app = mount(LeaderList, { target: document.body, props: { union, leaders, profiles: undefined } });
		flushSync();
		const input = document.querySelector<HTMLInputElement>('[data-testid="leaders-filter"]');
		if (!input) throw new Error('no filter');
		input.value = leaders[77_777].address.slice(-6);
		input.dispatchEvent(new Event('input'));
		flushSync();
		const list = document.querySelector<HTMLElement>('[data-testid="leader-list"]');
		if (list) scrollTo(list, 0);
		expect(ranks()).toEqual([77_778]);
		input.value = 'no such member';
		input.dispatchEvent(new Event('input'));
		flushSync();
		expect(document.querySelector('[data-testid="leaders-no-match"]')?.textContent).toContain('No member matches');
	});

	it('reports exactly the rows it draws, so only their profiles are read', () => {
		Object.defineProperty(window, 'innerHeight', { value: 844, configurable: true });
		const reported: string[][] = [];
		app = mount(LeaderList, { target: document.body, props: { union, leaders, profiles: undefined, onshown: (a: string[]) => reported.push(a) } });
		flushSync();
		const list = document.querySelector<HTMLElement>('[data-testid="leader-list"]');
		if (!list) throw new Error('no list');
		const drawn = (): string[] => [...document.querySelectorAll<HTMLElement>('[data-testid="leader-item"]')].map((li) => li.dataset.address ?? '');
		scrollTo(list, 0);
		expect(reported.at(-1)).toEqual(drawn());
		expect(reported.at(-1)?.length).toBeLessThanOrEqual(60);
		scrollTo(list, 30_000 * ROW);
		expect(reported.at(-1)).toEqual(drawn());
		expect(reported.at(-1)).toContain(leaders[30_000].address);
		expect(reported.at(-1)).not.toContain(leaders[0].address);
		// Never the whole list: every report is a window of it.
		expect(Math.max(...reported.map((r) => r.length))).toBeLessThanOrEqual(60);
	});

	it('shows a profile name for a drawn row once its profile is given', () => {
		const profiles = new Map([[leaders[0].address, { status: 'found' as const, profile: { name: 'Ada' } }]]);
		app = mount(LeaderList, { target: document.body, props: { union, leaders, profiles } });
		flushSync();
		expect(document.querySelector('[data-testid="leader-name"]')?.textContent).toBe('Ada');
	});

	it('draws the rank worker\'s typed table the same way: rows at the scroll position, filtered rows with their ranks', () => {
		// The snapshot's address table in another order than the ranking (order maps rank → address index).
		const addresses = [...leaders].reverse().map((l) => l.address);
		const n = leaders.length;
		const table: LeaderTable = {
			addresses,
			order: Int32Array.from({ length: n }, (_, r) => n - 1 - r),
			scores: Float64Array.from(leaders, (l) => l.score),
			backers: Int32Array.from(leaders, (l) => l.backers),
			backing: Int32Array.from(leaders, (l) => l.backing),
			seed: Uint8Array.from(leaders, (l) => (l.seed ? 1 : 0))
		};
		Object.defineProperty(window, 'innerHeight', { value: 844, configurable: true });
		app = mount(LeaderList, { target: document.body, props: { union, leaders: tableRows(table), profiles: undefined } });
		flushSync();
		const list = document.querySelector<HTMLElement>('[data-testid="leader-list"]');
		if (!list) throw new Error('no list');
		scrollTo(list, 40_000 * ROW);
		const items = [...document.querySelectorAll<HTMLElement>('[data-testid="leader-item"]')];
		expect(items.length).toBeLessThanOrEqual(60);
		const at = items.find((li) => li.dataset.rank === '40001');
		expect(at?.dataset.address).toBe(leaders[40_000].address);
		expect(Number(at?.dataset.backers)).toBe(leaders[40_000].backers);
		expect(Number(at?.dataset.score)).toBe(leaders[40_000].score);
		const input = document.querySelector<HTMLInputElement>('[data-testid="leaders-filter"]');
		if (!input) throw new Error('no filter');
		input.value = leaders[12_345].address.slice(-6);
		input.dispatchEvent(new Event('input'));
		flushSync();
		scrollTo(list, 0);
		expect(ranks()).toEqual([12_346]);
		expect(list.dataset.total).toBe('1');
	});
});

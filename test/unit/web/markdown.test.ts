// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '$lib/markdown/render';

function dom(html: string): HTMLElement {
	const div = document.createElement('div');
	div.innerHTML = html;
	return div;
}

describe('renderMarkdown', () => {
	it('renders ordinary markdown', () => {
		const el = dom(renderMarkdown('# Charter\n\nWe **decide** together.'));
		expect(el.querySelector('h1')?.textContent).toBe('Charter');
		expect(el.querySelector('strong')?.textContent).toBe('decide');
	});

	it('drops script tags', () => {
		const html = renderMarkdown('Hello <script>window.pwned = 1</script> world');
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toContain('pwned');
	});

	it('strips event handlers such as onerror', () => {
		const el = dom(renderMarkdown('<img src="x.png" onerror="alert(1)"> <a href="https://a.org" onclick="alert(2)">a</a>'));
		expect(el.querySelector('img')?.hasAttribute('onerror')).toBe(false);
		expect(el.querySelector('a')?.hasAttribute('onclick')).toBe(false);
	});

	it('removes javascript: links, in markdown and in raw HTML', () => {
		const el = dom(renderMarkdown('[click](javascript:alert(1)) <a href="JaVaScRiPt:alert(2)">raw</a>'));
		for (const a of el.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').not.toMatch(/javascript/i);
	});

	it('opens links in a new tab without an opener', () => {
		const a = dom(renderMarkdown('[site](https://example.org)')).querySelector('a');
		expect(a?.getAttribute('href')).toBe('https://example.org');
		expect(a?.getAttribute('target')).toBe('_blank');
		expect(a?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
	});

	it('drops iframes, forms and inline styles', () => {
		const html = renderMarkdown('<iframe src="https://evil"></iframe><form action="x"><input></form><p style="position:fixed">x</p>');
		expect(html).not.toMatch(/<iframe|<form|<input|style=/i);
	});
});

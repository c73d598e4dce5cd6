// @vitest-environment jsdom
// Posts and replies are rendered with renderMarkdown's IPFS-only image mode: the payloads a hostile
// member can put in a post must come out inert, and images may only come from IPFS.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '$lib/markdown/render';

const GATEWAY = 'http://127.0.0.1:8080';
const CID = 'bafkreidbnmlfcqeqeuq6atyhfdmb5hvdxuzarqqc34c2emjxv2tpxvpw5y';

function post(markdown: string): HTMLElement {
	const div = document.createElement('div');
	div.innerHTML = renderMarkdown(markdown, undefined, { ipfsGateway: GATEWAY });
	return div;
}

describe('renderMarkdown for posts', () => {
	it('keeps an <img onerror> payload as an image without the handler and without its source', () => {
		const el = post('Look <img src=x onerror="window.__xss = 1"> here');
		const img = el.querySelector('img');
		expect(img).not.toBeNull();
		expect(img?.hasAttribute('onerror')).toBe(false);
		expect(img?.hasAttribute('src')).toBe(false);
		expect(el.innerHTML).not.toContain('__xss');
	});

	it('drops <script>, inline event handlers on any tag, and javascript: URLs', () => {
		const el = post('<script>window.__xss = 2</script><p onclick="x()">p</p><a href="javascript:alert(1)">a</a><svg onload="x()"></svg>');
		expect(el.querySelector('script, svg')).toBeNull();
		expect(el.querySelector('p')?.hasAttribute('onclick')).toBe(false);
		expect(el.querySelector('a')?.getAttribute('href') ?? '').not.toMatch(/javascript/i);
		expect(el.innerHTML).not.toContain('__xss');
	});

	it('shows ipfs:// images through the gateway, lazily and without a referrer', () => {
		const img = post(`![a chart](ipfs://${CID})`).querySelector('img');
		expect(img?.getAttribute('src')).toBe(`${GATEWAY}/ipfs/${CID}`);
		expect(img?.getAttribute('alt')).toBe('a chart');
		expect(img?.getAttribute('loading')).toBe('lazy');
		expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
	});

	it('drops images from any other server (no tracking pixels)', () => {
		const el = post('![pixel](https://tracker.example/p.gif) <img src="http://tracker.example/q.gif">');
		for (const img of el.querySelectorAll('img')) expect(img.hasAttribute('src')).toBe(false);
	});

	it('still allows remote images where no gateway is given (charters)', () => {
		const div = document.createElement('div');
		div.innerHTML = renderMarkdown('![logo](https://example.org/logo.png)');
		expect(div.querySelector('img')?.getAttribute('src')).toBe('https://example.org/logo.png');
	});

	it('opens links in a new tab with noopener, noreferrer and nofollow', () => {
		const a = post('[site](https://example.org) and <a href="https://b.example" target="_self" rel="opener">b</a>').querySelectorAll('a');
		expect(a).toHaveLength(2);
		for (const link of a) {
			expect(link.getAttribute('target')).toBe('_blank');
			expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
		}
	});
});

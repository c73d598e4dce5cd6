// Charter markdown → safe HTML. marked renders, DOMPurify removes anything executable, and every
// link opens in a new tab without giving the target page a handle on ours.
import { Marked } from 'marked';
import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';

const marked = new Marked({ gfm: true, breaks: false, async: false });

let purifier: Purifier | null = null;

/** DOMPurify bound to a window; `win` lets tests pass a jsdom window. */
function getPurifier(win?: Window): Purifier {
	if (win) return configure(DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]));
	if (!purifier) purifier = configure(DOMPurify);
	return purifier;
}

function configure(p: Purifier): Purifier {
	p.addHook('afterSanitizeAttributes', (node) => {
		if (node.tagName === 'A' && node.hasAttribute('href')) {
			node.setAttribute('target', '_blank');
			node.setAttribute('rel', 'noopener noreferrer');
		}
	});
	return p;
}

/** Renders untrusted markdown to HTML that is safe to put in {@html}. */
export function renderMarkdown(markdown: string, win?: Window): string {
	const html = marked.parse(markdown) as string;
	return getPurifier(win).sanitize(html, {
		// Charters are prose: no forms, frames, styles or embedded media that can phone home.
		FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
		FORBID_ATTR: ['style'],
		ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|ipfs:|#|\.{0,2}\/)/i,
		ADD_ATTR: ['target']
	});
}

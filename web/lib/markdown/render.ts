// Untrusted markdown (charters, posts, replies) → safe HTML. marked renders, DOMPurify removes
// anything executable, and every link opens in a new tab without giving the target page a handle on
// ours (noopener noreferrer) or lending it our reputation (nofollow). With `ipfsGateway` set (posts),
// images may only come from IPFS: `ipfs://<cid>` is shown through the gateway and any other source
// is dropped, so a post cannot load a tracking pixel from a server its author watches.
import { Marked } from 'marked';
import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';

const marked = new Marked({ gfm: true, breaks: false, async: false });

let purifier: Purifier | null = null;

export interface RenderOptions {
	/** Gateway base (e.g. http://127.0.0.1:8080): allow only ipfs:// images, shown through it. */
	ipfsGateway?: string;
}

// DOMPurify's hooks are per instance, not per call; sanitize is synchronous, so the options of the
// call in progress can sit here for the hook to read.
let current: RenderOptions = {};

const IPFS_IMAGE = /^ipfs:\/\/([a-zA-Z0-9]{46,100})(\/[\w.\-/]*)?$/;

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
			node.setAttribute('rel', 'noopener noreferrer nofollow');
		}
		if (node.tagName === 'IMG' && current.ipfsGateway !== undefined) {
			const m = IPFS_IMAGE.exec(node.getAttribute('src') ?? '');
			if (m) node.setAttribute('src', `${current.ipfsGateway}/ipfs/${m[1]}${m[2] ?? ''}`);
			else node.removeAttribute('src');
			node.setAttribute('loading', 'lazy');
			node.setAttribute('referrerpolicy', 'no-referrer');
		}
	});
	return p;
}

/** Renders untrusted markdown to HTML that is safe to put in {@html}. */
export function renderMarkdown(markdown: string, win?: Window, options: RenderOptions = {}): string {
	const html = marked.parse(markdown) as string;
	current = options;
	try {
		return sanitize(getPurifier(win), html);
	} finally {
		current = {};
	}
}

function sanitize(p: Purifier, html: string): string {
	return p.sanitize(html, {
		// Charters are prose: no forms, frames, styles or embedded media that can phone home.
		FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
		FORBID_ATTR: ['style'],
		ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|ipfs:|#|\.{0,2}\/)/i,
		ADD_ATTR: ['target', 'loading', 'referrerpolicy']
	});
}

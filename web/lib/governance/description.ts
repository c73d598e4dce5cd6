// A proposal's on-chain description: a one-line title, then the IPFS address of its markdown body.
// The title keeps lists readable without a gateway; the body lives on IPFS as the issue asks.
export interface ParsedDescription {
	title: string;
	cid: string | null;
}

const IPFS_LINE = /^ipfs:\/\/([A-Za-z0-9]+)\s*$/m;

/** The markdown stored on IPFS as proposal.md: the title as a heading, then the body. */
export function proposalBody(title: string, body: string): string {
	return `# ${title.trim()}\n\n${body}`;
}

/** "Pay Ada for the website\n\nipfs://bafy…" */
export function formatDescription(title: string, cid: string): string {
	const oneLine = title.replace(/\s+/g, ' ').trim();
	return `${oneLine}\n\nipfs://${cid}`;
}

/** Title (first line) and body CID (an `ipfs://` line) of any description, including foreign ones. */
export function parseDescription(description: string): ParsedDescription {
	const first = description.split('\n', 1)[0]?.replace(/^#+\s*/, '').trim() ?? '';
	const match = IPFS_LINE.exec(description);
	return { title: first || '(untitled proposal)', cid: match ? match[1] : null };
}

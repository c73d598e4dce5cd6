// A campaign's description: a small JSON document on IPFS whose CID the contract records in
// CampaignCreated (the chain keeps only the CID; the words live on IPFS, content-addressed, so
// nobody can change them after pledges came in).

export interface CampaignDescription {
	version: 1;
	title: string;
	/** Markdown. */
	body: string;
	/** CIDs of images on IPFS. */
	images: string[];
}

export const TITLE_MAX = 120;
export const BODY_MAX = 20_000;

export function validateDescription(d: { title: string; body: string }): string[] {
	const problems: string[] = [];
	if (!d.title.trim()) problems.push('Give the campaign a title');
	else if (d.title.trim().length > TITLE_MAX) problems.push(`The title can be at most ${TITLE_MAX} characters`);
	if (!d.body.trim()) problems.push('Describe what the money pays for');
	else if (d.body.length > BODY_MAX) problems.push(`The description can be at most ${BODY_MAX} characters`);
	return problems;
}

/** Parses a fetched description; throws a readable error for anything else. */
export function parseDescription(text: string): CampaignDescription {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		throw new Error('The campaign description on IPFS is not valid JSON');
	}
	if (typeof raw !== 'object' || raw === null) throw new Error('The campaign description on IPFS has the wrong shape');
	const o = raw as Record<string, unknown>;
	if (typeof o.title !== 'string' || typeof o.body !== 'string') throw new Error('The campaign description on IPFS has no title or text');
	const images = Array.isArray(o.images) ? o.images.filter((i): i is string => typeof i === 'string') : [];
	return { version: 1, title: o.title.slice(0, TITLE_MAX), body: o.body.slice(0, BODY_MAX), images };
}

/** Uploads the description; returns its CID. */
export async function publishDescription(d: { title: string; body: string }, onProgress?: (f: number) => void): Promise<string> {
	const doc: CampaignDescription = { version: 1, title: d.title.trim(), body: d.body, images: [] };
	const { uploadText } = await import('$lib/ipfs/upload');
	const result = await uploadText(JSON.stringify(doc), 'campaign.json', onProgress);
	return result.cid;
}

export async function fetchDescription(cid: string): Promise<CampaignDescription> {
	const { fetchText } = await import('$lib/ipfs/gateway');
	return parseDescription(await fetchText(cid, { timeoutMs: 15_000 }));
}

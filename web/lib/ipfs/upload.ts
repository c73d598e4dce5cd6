// Upload bytes through the configured Kubo-style endpoint (POST /api/v0/add, multipart).
// XMLHttpRequest rather than fetch because only XHR reports upload progress in browsers.
import { getConfig } from '$lib/config';

export interface UploadResult {
	cid: string;
	size: number;
	name: string;
}

export class IpfsError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'IpfsError';
	}
}

/** Parses the NDJSON body of /api/v0/add; the last line is the root (the file itself here). */
export function parseAddResponse(body: string): UploadResult {
	const lines = body
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
	const last = lines.at(-1);
	if (!last) throw new IpfsError('The IPFS upload endpoint returned an empty answer');
	let parsed: unknown;
	try {
		parsed = JSON.parse(last);
	} catch {
		throw new IpfsError('The IPFS upload endpoint returned something that is not JSON');
	}
	const o = parsed as { Hash?: unknown; Size?: unknown; Name?: unknown };
	if (typeof o.Hash !== 'string' || o.Hash === '') throw new IpfsError('The IPFS upload endpoint did not return a CID');
	return { cid: o.Hash, size: Number(o.Size ?? 0), name: typeof o.Name === 'string' ? o.Name : '' };
}

export function addUrl(uploadUrl: string): string {
	const url = new URL(uploadUrl);
	// CIDv1 + raw leaves so small files are one raw block the app can verify by hash.
	url.searchParams.set('cid-version', '1');
	url.searchParams.set('raw-leaves', 'true');
	url.searchParams.set('pin', 'true');
	return url.href;
}

/**
 * Uploads one file; `onProgress` gets a 0..1 fraction while the body is sent.
 * Resolves with the CID the endpoint reports.
 */
export function uploadFile(file: Blob, name: string, onProgress?: (fraction: number) => void): Promise<UploadResult> {
	const { uploadUrl } = getConfig().ipfs;
	const form = new FormData();
	form.append('file', file, name);
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', addUrl(uploadUrl));
		xhr.timeout = 60_000;
		xhr.upload.onprogress = (ev) => {
			if (ev.lengthComputable && onProgress) onProgress(ev.loaded / ev.total);
		};
		xhr.onload = () => {
			if (xhr.status < 200 || xhr.status >= 300) {
				reject(new IpfsError(`The IPFS upload endpoint refused the file (HTTP ${xhr.status})`));
				return;
			}
			try {
				onProgress?.(1);
				resolve(parseAddResponse(xhr.responseText));
			} catch (e) {
				reject(e);
			}
		};
		xhr.onerror = () => reject(new IpfsError(`Cannot reach the IPFS upload endpoint at ${new URL(uploadUrl).origin}`));
		xhr.ontimeout = () => reject(new IpfsError('The IPFS upload took too long and was stopped'));
		xhr.send(form);
	});
}

/** Uploads a UTF-8 text (e.g. a charter in markdown). */
export function uploadText(text: string, name: string, onProgress?: (fraction: number) => void): Promise<UploadResult> {
	return uploadFile(new Blob([text], { type: 'text/plain;charset=utf-8' }), name, onProgress);
}

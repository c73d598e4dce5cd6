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

export interface DirectoryFile {
	/** Path inside the directory, '/'-separated, no leading slash. */
	path: string;
	file: Blob;
}

export interface UploadProgress {
	/** Bytes of the request body sent so far (multipart framing included). */
	loaded: number;
	total: number;
	/** Path of the file the sent bytes have reached, by position in the body. */
	currentPath: string | null;
	/** Files whose bytes are all sent. */
	filesDone: number;
	filesTotal: number;
}

export interface DirectoryResult {
	/** CID of the wrapping directory. */
	cid: string;
	/** CID of each file, by path. */
	files: Map<string, string>;
}

/** Every NDJSON line of /api/v0/add (file lines, folder lines, and the wrapper, Name "", last). */
export function parseAddLines(body: string): UploadResult[] {
	return body
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)
		.map((l) => parseAddResponse(l));
}

/**
 * Which file the upload has reached: files go into the body in order, so the byte offset maps to a file.
 * Multipart headers are ignored (a few hundred bytes per file), which only shifts the boundary slightly.
 */
export function progressAt(loaded: number, total: number, sizes: readonly number[], paths: readonly string[]): UploadProgress {
	const framing = Math.max(0, total - sizes.reduce((a, b) => a + b, 0));
	const perFile = sizes.length ? framing / sizes.length : 0;
	let offset = 0;
	let filesDone = 0;
	let currentPath: string | null = null;
	for (let i = 0; i < sizes.length; i++) {
		const end = offset + sizes[i]! + perFile;
		if (loaded >= end) filesDone++;
		else if (currentPath === null) currentPath = paths[i]!;
		offset = end;
	}
	return { loaded, total, currentPath, filesDone, filesTotal: sizes.length };
}

/**
 * Adds files as ONE UnixFS directory (wrap-with-directory) through the configured Kubo-style endpoint —
 * the pinning endpoint in production, the local node in development — reporting byte and file progress.
 */
export function uploadDirectory(files: readonly DirectoryFile[], onProgress?: (p: UploadProgress) => void, timeoutMs = 10 * 60_000): Promise<DirectoryResult> {
	if (files.length === 0) return Promise.reject(new IpfsError('Nothing to upload'));
	const { uploadUrl } = getConfig().ipfs;
	const form = new FormData();
	// Kubo reads the path from the filename; encode it so '/' survives every multipart parser.
	for (const f of files) form.append('file', f.file, encodeURIComponent(f.path));
	const url = new URL(addUrl(uploadUrl));
	url.searchParams.set('wrap-with-directory', 'true');
	const sizes = files.map((f) => f.file.size);
	const paths = files.map((f) => f.path);
	return new Promise((resolve, reject) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', url.href);
		xhr.timeout = timeoutMs;
		xhr.upload.onprogress = (ev) => {
			if (ev.lengthComputable && onProgress) onProgress(progressAt(ev.loaded, ev.total, sizes, paths));
		};
		xhr.onload = () => {
			if (xhr.status < 200 || xhr.status >= 300) {
				reject(new IpfsError(`The IPFS upload endpoint refused the course (HTTP ${xhr.status}): ${xhr.responseText.slice(0, 200)}`));
				return;
			}
			try {
				const lines = parseAddLines(xhr.responseText);
				const root = lines.find((l) => l.name === '');
				if (!root) throw new IpfsError('The IPFS upload endpoint did not return the directory CID');
				const byPath = new Map<string, string>();
				for (const l of lines) if (l.name !== '') byPath.set(l.name, l.cid);
				const missing = paths.find((p) => !byPath.has(p));
				if (missing) throw new IpfsError(`The IPFS upload endpoint did not add ${missing}`);
				const total = sizes.reduce((a, b) => a + b, 0);
				onProgress?.({ loaded: total, total, currentPath: null, filesDone: files.length, filesTotal: files.length });
				resolve({ cid: root.cid, files: byPath });
			} catch (e) {
				reject(e);
			}
		};
		xhr.onerror = () => reject(new IpfsError(`Cannot reach the IPFS upload endpoint at ${new URL(uploadUrl).origin}`));
		xhr.ontimeout = () => reject(new IpfsError('The IPFS upload took too long and was stopped'));
		xhr.send(form);
	});
}

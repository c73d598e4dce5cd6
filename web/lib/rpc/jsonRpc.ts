// JSON-RPC over fetch for the directory's reads, without viem's client (~100 KB gzip). Failures are
// errors whose fields (status, headers, code, message, name) are the ones sync/errors.ts reads along
// a cause chain, so a refusal is classified the same as through viem: a 429 is a rate limit, "more
// than 10000 results" a range, a timeout a TimeoutError, a dropped connection unreachable.

export interface RpcCall {
	method: string;
	params: readonly unknown[];
}

export interface RpcOptions {
	/** Give up on one HTTP request after this long (viem's transport in chain/client.ts: 15 s). */
	timeoutMs?: number;
	/** Refuse bigger answers, as viem does (10 MB): the range walk then asks for fewer blocks. */
	maxResponseBytes?: number;
	fetchFn?: typeof fetch;
}

/** The node answered the call with a JSON-RPC error object. */
export class RpcResponseError extends Error {
	override name = 'RpcResponseError';
	constructor(
		readonly code: number,
		message: string,
		readonly data?: unknown
	) {
		super(message);
	}
}

/** The HTTP request failed: a non-2xx status, an unreachable host, or an answer that is not JSON-RPC. */
export class RpcHttpError extends Error {
	override name = 'RpcHttpError';
	constructor(
		message: string,
		readonly url: string,
		readonly status?: number,
		readonly headers?: Headers,
		options?: { cause?: unknown }
	) {
		super(message, options);
	}
}

/** No answer within timeoutMs (named as viem names it: the range walk asks for fewer blocks). */
export class RpcTimeoutError extends Error {
	override name = 'TimeoutError';
	readonly shortMessage = 'The request took too long to respond.';
}

let nextId = 1;

/** One call. */
export async function rpcCall<T>(url: string, call: RpcCall, options: RpcOptions = {}): Promise<T> {
	const [result] = await rpcBatch<[T]>(url, [call], options);
	return result;
}

/** Several calls in one HTTP request (a JSON-RPC batch); the first failed call throws. */
export async function rpcBatch<T extends unknown[]>(url: string, calls: readonly RpcCall[], options: RpcOptions = {}): Promise<T> {
	const ids = calls.map(() => nextId++);
	const body = calls.length === 1 ? request(ids[0], calls[0]) : calls.map((c, i) => request(ids[i], c));
	const text = await post(url, JSON.stringify(body), options);
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new RpcHttpError(`The answer from ${url} is not JSON`, url);
	}
	const answers = Array.isArray(parsed) ? parsed : [parsed];
	return ids.map((id) => {
		const answer = answers.find((a): a is Answer => isAnswer(a) && a.id === id);
		if (!answer) {
			// A single error without our id (some providers answer a refused batch so).
			const other = answers.find(isAnswer);
			if (other?.error) throw new RpcResponseError(other.error.code, other.error.message, other.error.data);
			throw new RpcHttpError(`The answer from ${url} has no result for call ${id}`, url);
		}
		if (answer.error) throw new RpcResponseError(answer.error.code, answer.error.message, answer.error.data);
		return answer.result;
	}) as T;
}

interface Answer {
	id: unknown;
	result?: unknown;
	error?: { code: number; message: string; data?: unknown };
}

function isAnswer(a: unknown): a is Answer {
	if (typeof a !== 'object' || a === null || !('id' in a)) return false;
	const e = (a as { error?: unknown }).error;
	return e === undefined || (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'number' && typeof (e as { message?: unknown }).message === 'string');
}

const request = (id: number, c: RpcCall) => ({ jsonrpc: '2.0', id, method: c.method, params: c.params });

async function post(url: string, body: string, options: RpcOptions): Promise<string> {
	const doFetch = options.fetchFn ?? fetch;
	const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
	let res: Response;
	try {
		res = await doFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: timeout });
	} catch (e) {
		if (timeout.aborted) throw new RpcTimeoutError(`No answer from ${url} within ${options.timeoutMs ?? 15_000} ms`, { cause: e });
		throw new RpcHttpError(`HTTP request to ${url} failed`, url, undefined, undefined, { cause: e });
	}
	const text = await readCapped(res, options.maxResponseBytes ?? 10 * 1024 * 1024, url).catch((e: unknown) => {
		if (timeout.aborted) throw new RpcTimeoutError(`No answer from ${url} within ${options.timeoutMs ?? 15_000} ms`, { cause: e });
		throw e;
	});
	if (!res.ok) {
		// A JSON-RPC error in a non-2xx body (a 429's {"code":-32005,…}) keeps its code and words.
		const inner = jsonRpcError(text);
		throw new RpcHttpError(`HTTP ${res.status} from ${url}${text ? `: ${text.slice(0, 200)}` : ''}`, url, res.status, res.headers, { cause: inner });
	}
	return text;
}

function jsonRpcError(text: string): RpcResponseError | undefined {
	try {
		const parsed: unknown = JSON.parse(text);
		const first = Array.isArray(parsed) ? parsed[0] : parsed;
		if (isAnswer(first) && first.error) return new RpcResponseError(first.error.code, first.error.message, first.error.data);
	} catch {
		// not JSON: the status and text say enough
	}
	return undefined;
}

/** The body as text, stopping past `max` bytes (a whole oversize answer is not worth holding). */
async function readCapped(res: Response, max: number, url: string): Promise<string> {
	const tooBig = () => new RpcHttpError(`HTTP response body exceeded the size limit (${max} bytes) from ${url}`, url, res.status, res.headers);
	if (Number(res.headers.get('content-length') ?? 0) > max) {
		await res.body?.cancel();
		throw tooBig();
	}
	if (!res.body) return res.text();
	const reader = res.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > max) {
			await reader.cancel();
			throw tooBig();
		}
		chunks.push(value);
	}
	const all = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		all.set(c, at);
		at += c.length;
	}
	return new TextDecoder().decode(all);
}

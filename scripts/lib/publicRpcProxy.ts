// A local JSON-RPC proxy in front of anvil that refuses what public providers refuse, so the sync can
// be tested and benchmarked against a provider's limits without the internet:
// - eth_getLogs over more than `maxBlockRange` blocks: "query exceeds max block range 2000" (-32602);
// - eth_getLogs answering more than `maxLogs` logs: "query returned more than 10000 results" (-32005,
//   Infura's code, which viem turns into "Request exceeds defined limit." — the same words as a 429),
//   found out cheaply as a provider would (reading stops once past the cap);
// - more than `ratePerSecond` calls a second (token bucket of `burst`): HTTP 429 with a JSON-RPC error
//   body {"code":-32005,"message":"Request exceeds defined limit."} and Retry-After: 1;
// - a result bigger than `maxResponseBytes` (10 MB): "Log response size exceeded." (Alchemy's words);
// - every `failEvery`-th HTTP request: 503 with an nginx-style text body (deterministic, not random,
//   so a test that asserts "some 5xx happened" cannot flake);
// - JSON-RPC batches up to `maxBatch` calls (each call costs one token); a bigger batch is refused.
// Loopback only, request bodies capped, upstream calls time out; close() drops every connection.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PublicRpcProxyOptions {
	/** The node behind the proxy (anvil). */
	upstream: string;
	/** 0 (default) picks a free port. */
	port?: number;
	maxBlockRange?: number;
	maxLogs?: number;
	/** Calls per second the bucket refills with; Infinity turns the rate limit off. */
	ratePerSecond?: number;
	/** Calls that may arrive at once before the rate applies. */
	burst?: number;
	maxResponseBytes?: number;
	/** Answer every Nth HTTP request with a 503 (0: never). */
	failEvery?: number;
	maxBatch?: number;
	/** Give up on the upstream after this long (answered as a 504). */
	upstreamTimeoutMs?: number;
}

/** What the proxy saw and refused, for tests to assert on and the bench to print. */
export interface ProxyCounters {
	/** HTTP requests received. */
	requests: number;
	/** JSON-RPC calls received (a batch counts each call). */
	calls: number;
	/** eth_getLogs calls received, refused ones included. */
	getLogs: number;
	/** eth_getLogs calls answered with logs. */
	getLogsServed: number;
	rangeRefused: number;
	tooManyResults: number;
	rateLimited: number;
	serverErrors: number;
	bodyTooLarge: number;
	batchRefused: number;
}

export interface PublicRpcProxy {
	url: string;
	port: number;
	readonly counters: ProxyCounters;
	/** [fromBlock, toBlock] of every eth_getLogs call that reached the range check. */
	readonly getLogsRanges: ReadonlyArray<readonly [number, number]>;
	close(): Promise<void>;
}

interface RpcCall {
	jsonrpc?: string;
	id?: number | string | null;
	method?: unknown;
	params?: unknown;
}

interface RpcReply {
	jsonrpc: '2.0';
	id: number | string | null;
	result?: unknown;
	error?: { code: number; message: string };
}

const MAX_REQUEST_BYTES = 1_000_000;

export async function startPublicRpcProxy(options: PublicRpcProxyOptions): Promise<PublicRpcProxy> {
	const maxBlockRange = options.maxBlockRange ?? 2_000;
	const maxLogs = options.maxLogs ?? 10_000;
	const rate = options.ratePerSecond ?? 25;
	const burst = options.burst ?? Math.max(1, Math.ceil(rate));
	const maxResponseBytes = options.maxResponseBytes ?? 10 * 1024 * 1024;
	const failEvery = options.failEvery ?? 0;
	const maxBatch = options.maxBatch ?? 100;
	const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 30_000;

	const counters: ProxyCounters = {
		requests: 0,
		calls: 0,
		getLogs: 0,
		getLogsServed: 0,
		rangeRefused: 0,
		tooManyResults: 0,
		rateLimited: 0,
		serverErrors: 0,
		bodyTooLarge: 0,
		batchRefused: 0
	};
	const getLogsRanges: Array<readonly [number, number]> = [];

	// Token bucket: `tokens` refills at `rate` a second up to `burst`.
	let tokens = burst;
	let refilledAt = performance.now();
	const take = (n: number): boolean => {
		if (!Number.isFinite(rate)) return true;
		const now = performance.now();
		tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * rate);
		refilledAt = now;
		if (tokens < n) return false;
		tokens -= n;
		return true;
	};

	let upstreamId = 0;
	const upstream = async (method: string, params: unknown): Promise<RpcReply> => {
		const res = await fetch(options.upstream, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ jsonrpc: '2.0', id: ++upstreamId, method, params: params ?? [] }),
			signal: AbortSignal.timeout(upstreamTimeoutMs)
		});
		return (await res.json()) as RpcReply;
	};

	const blockOf = async (tag: unknown): Promise<number> => {
		if (typeof tag === 'string' && /^0x[0-9a-f]+$/i.test(tag)) return Number(BigInt(tag));
		if (tag === 'earliest') return 0;
		// latest / safe / finalized / pending / missing all mean the head on anvil.
		const head = await upstream('eth_blockNumber', []);
		return Number(BigInt(String(head.result)));
	};

	// A provider stops reading once an answer passes its cap; anvil cannot, so the range is read in
	// pieces of 1, 2, 4… blocks and abandoned once past maxLogs. Without this a refusal of a dense
	// range would cost anvil the whole oversize answer (seconds at 50k logs) and the proxy, not the
	// sync, would set the pace.
	const getLogsUpTo = async (filter: { fromBlock?: unknown; toBlock?: unknown }, params: unknown): Promise<RpcReply | 'too many'> => {
		const from = await blockOf(filter.fromBlock ?? 'latest');
		const to = await blockOf(filter.toBlock ?? 'latest');
		const rest = (Array.isArray(params) ? params.slice(1) : []) as unknown[];
		const logs: unknown[] = [];
		for (let start = from, size = 1; start <= to; start += size, size *= 2) {
			const end = Math.min(to, start + size - 1);
			const piece = await upstream('eth_getLogs', [{ ...filter, fromBlock: `0x${start.toString(16)}`, toBlock: `0x${end.toString(16)}` }, ...rest]);
			if (!Array.isArray(piece.result)) return piece;
			logs.push(...(piece.result as unknown[]));
			if (logs.length > maxLogs) return 'too many';
		}
		return { jsonrpc: '2.0', id: null, result: logs };
	};

	const answer = async (call: RpcCall): Promise<RpcReply> => {
		const id = call.id ?? null;
		if (typeof call.method !== 'string') return { jsonrpc: '2.0', id, error: { code: -32600, message: 'invalid request' } };
		if (call.method === 'eth_getLogs') {
			counters.getLogs++;
			const [filter] = (Array.isArray(call.params) ? call.params : []) as [{ fromBlock?: unknown; toBlock?: unknown; blockHash?: unknown } | undefined];
			if (filter && filter.blockHash === undefined) {
				const from = await blockOf(filter.fromBlock ?? 'latest');
				const to = await blockOf(filter.toBlock ?? 'latest');
				getLogsRanges.push([from, to]);
				if (to - from + 1 > maxBlockRange) {
					counters.rangeRefused++;
					return { jsonrpc: '2.0', id, error: { code: -32602, message: `query exceeds max block range ${maxBlockRange}` } };
				}
			}
			const reply = filter && filter.blockHash === undefined ? await getLogsUpTo(filter, call.params) : await upstream('eth_getLogs', call.params);
			if (reply === 'too many' || (Array.isArray(reply.result) && reply.result.length > maxLogs)) {
				counters.tooManyResults++;
				return { jsonrpc: '2.0', id, error: { code: -32005, message: `query returned more than ${maxLogs} results` } };
			}
			if (reply.result !== undefined) counters.getLogsServed++;
			return { ...reply, id };
		}
		return { ...(await upstream(call.method, call.params)), id };
	};

	const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void => {
		res.writeHead(status, { 'content-type': 'application/json', ...headers });
		res.end(body);
	};

	const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		counters.requests++;
		const raw = await readBody(req);
		if (raw === null) return send(res, 413, JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'request entity too large' } }));
		if (failEvery > 0 && counters.requests % failEvery === 0) {
			counters.serverErrors++;
			res.writeHead(503, { 'content-type': 'text/html' });
			res.end('<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>');
			return;
		}
		let parsed: unknown;
		try {
			parsed = JSON.parse(raw);
		} catch {
			return send(res, 400, JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } }));
		}
		const batch = Array.isArray(parsed);
		const calls = (batch ? parsed : [parsed]) as RpcCall[];
		counters.calls += calls.length;
		if (batch && calls.length > maxBatch) {
			counters.batchRefused++;
			return send(res, 200, JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32600, message: `batch of ${calls.length} exceeds the limit of ${maxBatch}` } }));
		}
		if (!take(calls.length)) {
			counters.rateLimited++;
			const id = batch ? null : (calls[0]?.id ?? null);
			return send(res, 429, JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32005, message: 'Request exceeds defined limit.' } }), { 'retry-after': '1' });
		}
		let replies: RpcReply[];
		try {
			replies = await Promise.all(calls.map(answer));
		} catch {
			counters.serverErrors++;
			res.writeHead(504, { 'content-type': 'text/plain' });
			res.end('504 Gateway Timeout');
			return;
		}
		// A result over the size limit is replaced by the provider's refusal, as Alchemy does.
		const bodies = replies.map((r) => {
			const text = JSON.stringify(r);
			if (Buffer.byteLength(text) <= maxResponseBytes) return text;
			counters.bodyTooLarge++;
			return JSON.stringify({ jsonrpc: '2.0', id: r.id, error: { code: -32602, message: 'Log response size exceeded.' } });
		});
		send(res, 200, batch ? `[${bodies.join(',')}]` : bodies[0]);
	};

	const server = createServer((req, res) => {
		handle(req, res).catch(() => {
			if (!res.headersSent) send(res, 500, JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32603, message: 'internal error' } }));
			else res.destroy();
		});
	});
	server.keepAliveTimeout = 5_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	// A test or bench that forgets close() must not keep Node alive.
	server.unref();
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		counters,
		getLogsRanges,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			})
	};
}

/** The request body as text, or null once it passes MAX_REQUEST_BYTES (the rest is discarded). */
function readBody(req: IncomingMessage): Promise<string | null> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooBig = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_REQUEST_BYTES) tooBig = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

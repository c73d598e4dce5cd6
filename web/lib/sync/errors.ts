// How to react to a failed eth_getLogs. RPC providers refuse big queries in many wordings (geth
// "query returned more than 10000 results", Alchemy "Log response size exceeded", Infura -32005
// "query returned more than 10000 results", others "block range is too large", "exceed maximum
// block range", "limit exceeded", and viem's "HTTP response body exceeded the size limit"): those
// mean "ask for fewer blocks". Timeouts, dropped connections, 429 and 5xx mean "wait and ask
// again". Anything else is a real error.

const RANGE_PATTERNS = [
	/too many (results|logs|blocks)/i,
	/more than \d+ (results|logs)/i,
	/(block )?range (is )?too (large|wide|big)/i,
	/exceed(s|ed)? (the )?(max(imum)?|limit)/i,
	/limit exceeded/i,
	/response size (exceeded|is larger)/i,
	/max(imum)? block range/i,
	// viem's own cap on an HTTP response (10 MB by default): a range with too many logs.
	/response body exceeded the size limit/i
];

const TRANSIENT_PATTERNS = [
	/timed? ?out/i,
	/fetch failed/i,
	/network ?error/i,
	/socket hang up/i,
	/ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EAI_AGAIN/,
	/rate limit/i,
	/too many requests/i,
	/service unavailable|bad gateway|gateway timeout|internal server error/i
];

const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Messages, codes and statuses along an error's cause chain (viem nests the RPC error as cause). */
function chain(error: unknown): Array<{ text: string; code?: number; status?: number }> {
	const out: Array<{ text: string; code?: number; status?: number }> = [];
	let e: unknown = error;
	for (let depth = 0; e !== undefined && e !== null && depth < 8; depth++) {
		if (typeof e !== 'object') {
			out.push({ text: String(e) });
			break;
		}
		const o = e as { message?: unknown; details?: unknown; shortMessage?: unknown; code?: unknown; status?: unknown; cause?: unknown };
		out.push({
			text: [o.shortMessage, o.details, o.message].filter((v) => typeof v === 'string').join(' | '),
			code: typeof o.code === 'number' ? o.code : undefined,
			status: typeof o.status === 'number' ? o.status : undefined
		});
		e = o.cause;
	}
	return out;
}

/** The provider refused the query as too big: retry with a smaller block range. */
export function isRangeTooLargeError(error: unknown): boolean {
	return chain(error).some(({ text }) => RANGE_PATTERNS.some((p) => p.test(text)));
}

/**
 * Our own client gave up waiting (viem's TimeoutError, 10 s by default). For a multi-block range
 * this is the node being slow on a big answer (anvil returns ~3k logs/s), so the caller asks for
 * fewer blocks rather than repeating the same slow query; a one-block range is retried as transient.
 */
export function isClientTimeoutError(error: unknown): boolean {
	let e: unknown = error;
	for (let depth = 0; e !== null && typeof e === 'object' && depth < 8; depth++) {
		const o = e as { name?: unknown; shortMessage?: unknown; cause?: unknown };
		if (o.name === 'TimeoutError' || (typeof o.shortMessage === 'string' && /took too long to respond/i.test(o.shortMessage))) return true;
		e = o.cause;
	}
	return false;
}

/** A failure worth retrying unchanged after a pause. */
export function isTransientError(error: unknown): boolean {
	return chain(error).some(
		({ text, code, status }) =>
			(status !== undefined && TRANSIENT_STATUS.has(status)) || code === 429 || code === -32603 || TRANSIENT_PATTERNS.some((p) => p.test(text))
	);
}

/** The sync gave up: carries the block range it was fetching. */
export class SyncError extends Error {
	constructor(
		message: string,
		readonly fromBlock: number,
		readonly toBlock: number,
		options?: { cause?: unknown }
	) {
		super(message, options);
		this.name = 'SyncError';
	}
}

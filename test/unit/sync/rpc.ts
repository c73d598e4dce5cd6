// A viem client whose transport forwards to a real anvil but counts eth_getLogs calls and can
// inject provider failures (the chain and its logs stay real).
import { TimeoutError, createPublicClient, custom, type Chain, type PublicClient } from 'viem';

export interface RpcFaults {
	/** Refuse eth_getLogs spanning more than this many blocks, like a public RPC. */
	maxRange?: number;
	/** Fail this many eth_getLogs calls (the first ones) with a transient error. */
	transientFailures?: number;
	/** The transient failure's message (default: a gateway timeout). */
	transientMessage?: string;
	/** Answer ranges wider than this many blocks with viem's client-side TimeoutError. */
	timeoutAbove?: number;
}

export interface CountingClient {
	client: PublicClient;
	/** [fromBlock, toBlock] of every eth_getLogs call, refused ones included. */
	ranges: Array<[number, number]>;
}

export function countingClient(rpcUrl: string, chain: Chain, faults: RpcFaults = {}): CountingClient {
	const ranges: Array<[number, number]> = [];
	let transientLeft = faults.transientFailures ?? 0;
	let id = 0;
	const transport = custom(
		{
			async request({ method, params }: { method: string; params?: unknown }) {
				if (method === 'eth_getLogs') {
					const [filter] = params as [{ fromBlock: string; toBlock: string }];
					const from = Number(filter.fromBlock);
					const to = Number(filter.toBlock);
					ranges.push([from, to]);
					if (transientLeft > 0) {
						transientLeft--;
						throw Object.assign(new Error(faults.transientMessage ?? '504 Gateway Timeout'), { code: -32603 });
					}
					if (faults.timeoutAbove !== undefined && to - from + 1 > faults.timeoutAbove) {
						throw new TimeoutError({ body: { method }, url: rpcUrl });
					}
					if (faults.maxRange !== undefined && to - from + 1 > faults.maxRange) {
						// The shape geth-style providers answer with (JSON-RPC error, invalid params).
						throw Object.assign(new Error(`block range too large: ${to - from + 1} > ${faults.maxRange}`), { code: -32602 });
					}
				}
				const res = await fetch(rpcUrl, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params: params ?? [] })
				});
				const body = (await res.json()) as { result?: unknown; error?: { code: number; message: string } };
				if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code });
				return body.result;
			}
		},
		// No viem-level retries: the sync's own retry and halving are what is under test.
		{ retryCount: 0 }
	);
	return { client: createPublicClient({ chain, transport }), ranges };
}

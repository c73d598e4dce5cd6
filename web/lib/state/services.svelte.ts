// Reachability of the three services the app depends on, for the header banner.
// Probed at start-up (cheap requests, no libraries) and re-probed while something is down.
import { getConfig } from '$lib/config';

export type ServiceName = 'chain' | 'ceramic' | 'ipfs';
type Health = 'unknown' | 'up' | 'down';

const LABEL: Record<ServiceName, string> = { chain: 'the chain', ceramic: 'Ceramic (profiles)', ipfs: 'IPFS (files)' };

async function reachable(url: string, init: RequestInit = {}): Promise<Response | null> {
	try {
		return await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
	} catch {
		return null;
	}
}

class Services {
	#health = $state<Record<ServiceName, Health>>({ chain: 'unknown', ceramic: 'unknown', ipfs: 'unknown' });
	#chainProblem = $state<string | null>(null);
	#timer: ReturnType<typeof setTimeout> | null = null;

	health(name: ServiceName): Health {
		return this.#health[name];
	}

	/** One sentence per unreachable service. */
	get problems(): string[] {
		const { chain, ceramic, ipfs } = getConfig();
		const out: string[] = [];
		const where: Record<ServiceName, string> = { chain: chain.rpcUrl, ceramic: ceramic.url, ipfs: ipfs.gateway };
		for (const name of ['chain', 'ceramic', 'ipfs'] as const)
			if (this.#health[name] === 'down') out.push(`Cannot reach ${LABEL[name]} at ${where[name]}`);
		if (this.#chainProblem) out.push(this.#chainProblem);
		return out;
	}

	/** Lets a failing call flag its service without waiting for the next probe. */
	report(name: ServiceName, up: boolean): void {
		this.#health[name] = up ? 'up' : 'down';
		if (!up) this.#schedule();
	}

	async probe(): Promise<void> {
		const { chain, ceramic, ipfs } = getConfig();
		const [rpc, cer, gw] = await Promise.all([
			reachable(chain.rpcUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] })
			}),
			reachable(`${ceramic.url}/api/v0/node/healthcheck`),
			// Any HTTP answer means the gateway is there; bafkqaaa is the empty identity CID.
			reachable(`${ipfs.gateway}/ipfs/bafkqaaa`, { method: 'HEAD' })
		]);
		this.#health = { chain: rpc?.ok ? 'up' : 'down', ceramic: cer ? 'up' : 'down', ipfs: gw ? 'up' : 'down' };
		this.#chainProblem = null;
		if (rpc?.ok) {
			try {
				const body = (await rpc.json()) as { result?: string };
				const served = body.result ? Number.parseInt(body.result, 16) : NaN;
				if (served !== chain.id) this.#chainProblem = `The RPC at ${chain.rpcUrl} serves chain ${served}, but this site expects chain ${chain.id}`;
			} catch {
				this.#chainProblem = `The RPC at ${chain.rpcUrl} answered with something that is not JSON-RPC`;
			}
		}
		if (this.problems.length > 0) this.#schedule();
	}

	#schedule(): void {
		if (this.#timer || typeof window === 'undefined') return;
		this.#timer = setTimeout(() => {
			this.#timer = null;
			void this.probe();
		}, 15_000);
	}
}

export const services = new Services();

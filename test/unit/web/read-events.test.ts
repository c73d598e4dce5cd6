// read()'s context offers the feature readers one way to read events from the start block: in
// ranges a public provider accepts (sync/chunkedEvents.ts), never from the deploy block to the head
// in one eth_getLogs; and a provider that refuses for good reaches the member as a sentence.
import { describe, expect, it, vi } from 'vitest';
import { HttpRequestError } from 'viem';

const head = 25_499n;
const getBlockNumber = vi.fn(async () => head);

vi.mock('$lib/config', () => ({
	getConfig: () => ({
		chain: { id: 31337, name: 'Local anvil', rpcUrl: 'http://127.0.0.1:8545' },
		contracts: { deployBlock: 500 }
	})
}));
vi.mock('$lib/chain/client', () => ({ getPublicClient: async () => ({ getBlockNumber }) }));

const { read } = await import('$lib/chain/read');

describe('read() events', () => {
	it('walks from the deploy block to the head in bounded ranges, items in block order', async () => {
		const asked: Array<[bigint, bigint]> = [];
		const items = await read(({ events }) =>
			events(async ({ fromBlock, toBlock }) => {
				asked.push([fromBlock, toBlock]);
				return [fromBlock];
			})
		);
		expect(asked[0]![0]).toBe(500n);
		expect(asked.at(-1)![1]).toBe(head);
		expect(asked.length).toBeGreaterThan(1);
		for (const [from, to] of asked) expect(to - from).toBeLessThan(10_000n);
		for (let i = 1; i < asked.length; i++) expect(asked[i]![0]).toBe(asked[i - 1]![1] + 1n);
		expect(items).toEqual(asked.map(([from]) => from));
	});

	it('a provider that keeps refusing becomes a sentence, not its own text', async () => {
		const refusal = new HttpRequestError({ url: 'http://127.0.0.1:8545', body: { method: 'eth_getLogs' }, details: 'Too Many Requests', status: 429 });
		const failing = read(({ events }) =>
			events(
				async () => {
					throw refusal;
				},
				{ retry: { attempts: 2 }, sleep: async () => undefined }
			)
		);
		await expect(failing).rejects.toThrow(/rate-limiting this site/);
	});
});

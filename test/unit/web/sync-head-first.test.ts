// The sync asks for the chain head while its cache is still opening (issue 14: on the union page the
// IndexedDB open and cursor read came before the first request, ~70 ms on a cold load), and a cache
// that fails to open is the error reported even when the head read fails too.
import { describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { syncUnionLogs, type SyncClient } from '../../../web/lib/sync/syncLogs';
import { MemorySyncStore, type SyncStore } from '../../../web/lib/sync/store';

const union: Address = '0x2222222222222222222222222222222222222222';

/** A client whose head read resolves `onHead` and whose logs are empty. */
function client(onHead: () => void, head = 120n): { client: SyncClient; calls: string[] } {
	const calls: string[] = [];
	return {
		calls,
		client: {
			getChainId: async () => 31337,
			getBlockNumber: async () => {
				calls.push('eth_blockNumber');
				onHead();
				return head;
			},
			getLogs: (async () => {
				calls.push('eth_getLogs');
				return [];
			}) as unknown as Extract<SyncClient, { getLogs: unknown }>['getLogs']
		}
	};
}

describe('syncUnionLogs with a cache still opening', () => {
	it('sends the head read before the cache has opened, then syncs up to that head', async () => {
		let open!: (s: SyncStore) => void;
		const store = new Promise<SyncStore>((resolve) => (open = resolve));
		// The cache opens only once the head was asked for: a sync that waited for the cache first never ends.
		const c = client(() => open(new MemorySyncStore()));
		const result = await Promise.race([
			syncUnionLogs({ client: c.client, address: union, startBlock: 100, chainId: 31337, store }),
			new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the head read waited for the cache')), 2_000))
		]);
		expect(c.calls[0]).toBe('eth_blockNumber');
		expect(c.calls).toContain('eth_getLogs');
		expect(result.toBlock).toBe(120);
		expect(result.fromBlock).toBe(100);
	});

	it('reports the cache failing to open, not the head read failing beside it, and leaves no unhandled rejection', async () => {
		const unhandled: unknown[] = [];
		const onUnhandled = (e: unknown) => unhandled.push(e);
		process.on('unhandledRejection', onUnhandled);
		try {
			const failing: SyncClient = {
				getChainId: async () => 31337,
				getBlockNumber: async () => {
					throw new Error('execution reverted');
				},
				getLogs: (async () => []) as unknown as Extract<SyncClient, { getLogs: unknown }>['getLogs']
			};
			const store = Promise.reject(new Error('IndexedDB is blocked'));
			await expect(syncUnionLogs({ client: failing, address: union, startBlock: 100, chainId: 31337, store })).rejects.toThrow('IndexedDB is blocked');
			await new Promise((r) => setTimeout(r, 20));
			expect(unhandled).toEqual([]);
		} finally {
			process.off('unhandledRejection', onUnhandled);
		}
	});
});

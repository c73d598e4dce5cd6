// Grows a big backing history on anvil fast: members (random addresses, impersonated) join, then each
// backs the next `backsPerMember` members (a ring-like lattice), as real Union.join / Union.back
// transactions. Automine is off: transactions go in as JSON-RPC batches of `txPerBlock` with explicit
// nonces (in one batch anvil hands every call from one sender the same pending nonce) and one
// evm_mine per batch, so blocks hold `txPerBlock` logs (start anvil with --order fifo and a big
// --gas-limit). Used by the sync bench and the sync-through-a-public-RPC tests.
import { encodeFunctionData, type Address, type Hex } from 'viem';
import { unionAbi } from '../../web/lib/chain/abi/generated.ts';

export interface HistoryOptions {
	members: number;
	backsPerMember: number;
	/** Backed events to create (at most members · backsPerMember). */
	events: number;
	txPerBlock: number;
	/** Empty blocks mined after every full block (spreads history so block-range caps matter). */
	gapBlocks?: number;
	log?: (line: string) => void;
}

type Rpc = (calls: Array<{ method: string; params: unknown[] }>) => Promise<unknown[]>;

/** The members' addresses for `count` members (deterministic, so a cached chain matches them). */
export function historyMembers(count: number): Address[] {
	return Array.from({ length: count }, (_, i) => `0x${(0x100000 + i).toString(16).padStart(40, '0')}` as Address);
}

export async function createBackingHistory(url: string, union: Address, o: HistoryOptions): Promise<void> {
	const rpc = batchRpc(url);
	const gap = o.gapBlocks ?? 0;
	const accounts = historyMembers(o.members);
	await rpc([{ method: 'evm_setAutomine', params: [false] }, { method: 'anvil_autoImpersonateAccount', params: [true] }]);
	const join = encodeFunctionData({ abi: unionAbi, functionName: 'join' });
	for (let i = 0; i < o.members; i += o.txPerBlock) {
		const slice = accounts.slice(i, i + o.txPerBlock);
		await rpc(slice.map((a) => ({ method: 'anvil_setBalance', params: [a, '0x56bc75e2d63100000'] })));
		await rpc(slice.map((a) => ({ method: 'eth_sendTransaction', params: [{ from: a, to: union, data: join, gas: '0x7a120', nonce: '0x0' }] })));
		await mineAll(rpc, gap);
	}
	let batch: Array<{ method: string; params: unknown[] }> = [];
	let sent = 0;
	for (let k = 1; k <= o.backsPerMember && sent < o.events; k++) {
		// Round k: every member sends its k-th back (nonce k), so one batch never holds two txs of a sender.
		for (let i = 0; i < o.members && sent < o.events; i++, sent++) {
			const data = encodeFunctionData({ abi: unionAbi, functionName: 'back', args: [accounts[(i + k) % o.members]] });
			batch.push({ method: 'eth_sendTransaction', params: [{ from: accounts[i], to: union, data, gas: '0x30d40', nonce: `0x${k.toString(16)}` }] });
			if (batch.length === o.txPerBlock) {
				await rpc(batch);
				await mineAll(rpc, gap);
				batch = [];
				if ((sent + 1) % 20_000 === 0) o.log?.(`history: ${sent + 1} Backed created`);
			}
		}
	}
	if (batch.length > 0) {
		await rpc(batch);
		await mineAll(rpc, gap);
	}
	// A live chain moves on: leave the reorg window (12 blocks) behind the dense history, or every
	// reload would re-fetch the last blocks' events as if they were fresh.
	await rpc([{ method: 'anvil_mine', params: ['0x10'] }]);
	await rpc([{ method: 'evm_setAutomine', params: [true] }]);
}

/** JSON-RPC batches over fetch (viem's client would send them one by one). */
function batchRpc(url: string): Rpc {
	let id = 0;
	return async (calls) => {
		const body = calls.map((c) => ({ jsonrpc: '2.0', id: ++id, method: c.method, params: c.params }));
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const out = (await res.json()) as Array<{ result?: unknown; error?: { message: string } }>;
		const failed = out.find((r) => r.error);
		if (failed?.error) throw new Error(`${calls[0].method}: ${failed.error.message}`);
		return out.map((r) => r.result);
	};
}

/** Mines one block with everything pending, checks none of it reverted (first and last tx), then `gap` empty ones. */
async function mineAll(rpc: Rpc, gap: number): Promise<void> {
	await rpc([{ method: 'evm_mine', params: [] }]);
	const [block] = (await rpc([{ method: 'eth_getBlockByNumber', params: ['latest', false] }])) as Array<{ transactions: Hex[] }>;
	const ends = [block.transactions[0], block.transactions.at(-1)].filter((h): h is Hex => h !== undefined);
	const receipts = (await rpc(ends.map((h) => ({ method: 'eth_getTransactionReceipt', params: [h] })))) as Array<{ status: Hex }>;
	if (receipts.some((r) => r.status !== '0x1')) throw new Error(`a history transaction reverted in a block with ${block.transactions.length} txs`);
	if (gap > 0) await rpc([{ method: 'anvil_mine', params: [`0x${gap.toString(16)}`] }]);
}

// @vitest-environment node
// The directory's minimal reader (web/lib/rpc/, no viem client) on a real anvil with real unions: it
// lists exactly what viem's getContractEvents decodes (checksummed addresses, names in any script
// and length, blocks, log indices), through a provider that caps ranges and answers, rate-limits and
// fails every few requests too; and a wrong chain, an RPC that is down and a rate limit that does not
// let up each read as a sentence.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { getAbiItem, type Address, type Hex } from 'viem';
import { unionFactoryAbi } from '../../../web/lib/chain/abi/generated';
import { parseConfig, resetConfig } from '$lib/config';
import { listUnions, type UnionSummary } from '$lib/union/listUnions';
import { readEventLogs } from '$lib/rpc/eventLogs';
import { startPublicRpcProxy, type PublicRpcProxy, type PublicRpcProxyOptions } from '../../../scripts/lib/publicRpcProxy';
import { deployUnion, startAnvil, type Anvil, type UnionChain } from '../sync/localChain';
import { testPort } from '../ports.ts';
import { unionParams } from '../../../scripts/lib/unionParams.ts';

const PORT = Number(testPort(18675));
const NAMES = ['Bakers of Lyon', 'Ünïon des Travailleu·ses ✊ 労働組合', 'A union whose name is far longer than one 32-byte word of ABI data, to cross words', 'x', 'Night Shift', 'Dock 7'];
const retry = { attempts: 8, baseDelayMs: 20, maxDelayMs: 200 };
let anvil: Anvil;
let chain: UnionChain;
let factory: Address;
let expected: UnionSummary[];
const proxies: PublicRpcProxy[] = [];

async function proxy(options: Omit<PublicRpcProxyOptions, 'upstream'>): Promise<PublicRpcProxy> {
	const p = await startPublicRpcProxy({ upstream: anvil.rpcUrl, ...options });
	proxies.push(p);
	return p;
}

function configure(rpcUrl: string, chainId = 31337): void {
	resetConfig(
		parseConfig({
			chain: { id: chainId, name: chainId === 31337 ? 'Local anvil' : 'Ethereum', rpcUrl, blockExplorer: null },
			contracts: { unionFactory: factory, deployBlock: 0 },
			ceramic: { url: 'http://127.0.0.1:7007/', models: { profile: 'kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god9' } },
			ipfs: { gateway: 'http://127.0.0.1:8080', uploadUrl: 'http://127.0.0.1:5001/api/v0/add' },
			demo: { union: null }
		})
	);
}

const unionCreated = getAbiItem({ abi: unionFactoryAbi, name: 'UnionCreated' });

beforeAll(async () => {
	anvil = await startAnvil(PORT);
	chain = await deployUnion(anvil);
	const [first] = await chain.publicClient.getLogs({ event: unionCreated, fromBlock: 0n });
	factory = first.address;
	const founder = chain.wallets[0];
	for (const [i, name] of NAMES.entries()) {
		const hash = await founder.writeContract({
			address: factory,
			abi: unionFactoryAbi,
			functionName: 'createUnion',
			args: [unionParams({ name, charterCid: 'bafy-charter', tokenName: `Token ${i}`, tokenSymbol: `T${i}`, joinGrant: 10n ** 18n })]
		});
		expect((await chain.publicClient.waitForTransactionReceipt({ hash })).status).toBe('success');
		// Three unions close together (more than a 2-log answer may hold), then a stretch of empty
		// blocks wider than one 100-block range.
		if (i === 2) await chain.testClient.mine({ blocks: 250 });
	}
	const logs = await chain.publicClient.getContractEvents({ address: factory, abi: unionFactoryAbi, eventName: 'UnionCreated', fromBlock: 0n, toBlock: 'latest', strict: true });
	expected = logs.map((l) => ({ ...l.args, blockNumber: l.blockNumber })).reverse();
	expect(expected.map((u) => u.name)).toEqual(['Sync Test Union', ...NAMES].reverse());
}, 120_000);

afterAll(async () => {
	resetConfig();
	for (const p of proxies) await p.close();
	await anvil?.stop();
});

describe('the directory’s minimal reader', () => {
	it('decodes every UnionCreated log exactly as viem does', async () => {
		const viemLogs = await chain.publicClient.getContractEvents({ address: factory, abi: unionFactoryAbi, eventName: 'UnionCreated', fromBlock: 0n, toBlock: 'latest', strict: true });
		const ours = await readEventLogs({ rpcUrl: anvil.rpcUrl, chainId: 31337, address: factory, event: unionCreated, fromBlock: 0 });
		expect(ours.map((l) => ({ args: l.args, address: l.address, blockNumber: l.blockNumber, logIndex: l.logIndex, transactionHash: l.transactionHash }))).toEqual(
			viemLogs.map((l) => ({ args: l.args, address: l.address, blockNumber: l.blockNumber, logIndex: l.logIndex, transactionHash: l.transactionHash }))
		);
		// Checksummed, as viem returns them: links and cache keys built from them are the same strings.
		expect(ours[1].args.union).toMatch(/[A-F]/);
		expectTypeOf(ours[0].args.union).toEqualTypeOf<Address>();
		expectTypeOf(ours[0].args.name).toEqualTypeOf<string>();
		expectTypeOf(ours[0].transactionHash).toEqualTypeOf<Hex>();
	});

	it('lists the same unions, newest first', async () => {
		configure(anvil.rpcUrl);
		expect(await listUnions()).toEqual(expected);
	});

	it('lists the same unions through a provider that caps ranges and answers, rate-limits and fails', async () => {
		const p = await proxy({ maxBlockRange: 100, maxLogs: 2, ratePerSecond: 30, burst: 3, failEvery: 4 });
		configure(p.url);
		expect(await listUnions({ retry })).toEqual(expected);
		expect(p.counters.rangeRefused).toBeGreaterThan(0);
		expect(p.counters.tooManyResults).toBeGreaterThan(0);
		expect(p.counters.serverErrors).toBeGreaterThan(0);
		expect(p.counters.rateLimited).toBeGreaterThan(0);
	}, 60_000);
});

describe('the directory’s errors, in words', () => {
	it('refuses an RPC on another chain, naming both chains', async () => {
		configure(anvil.rpcUrl, 1);
		await expect(listUnions({ retry })).rejects.toThrow(`The chain at ${anvil.rpcUrl} is chain 31337, not Ethereum (chain 1) that this site's contracts live on`);
	});

	it('says the chain cannot be reached when nothing listens', async () => {
		const down = `http://127.0.0.1:${Number(testPort(18676))}`;
		configure(down);
		await expect(listUnions({ retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 10 } })).rejects.toThrow(`Cannot reach the chain at ${down}`);
	});

	it('says the provider refuses even one block’s events when it does', async () => {
		const p = await proxy({ maxLogs: 0, ratePerSecond: Infinity });
		configure(p.url);
		await expect(listUnions({ retry })).rejects.toThrow(/^The chain provider refused to send this many events at once, even for the smallest query \(block \d+\)/);
		expect(p.counters.tooManyResults).toBeGreaterThan(1);
	});

	it('says the provider is rate-limiting when it never lets up', async () => {
		const p = await proxy({ ratePerSecond: 0.001, burst: 1 });
		configure(p.url);
		const error = await listUnions({ retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 20 } }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toBe('The chain provider is rate-limiting this site and still refused. Wait a minute and try again.');
		expect(p.counters.rateLimited).toBeGreaterThanOrEqual(3);
	});
});

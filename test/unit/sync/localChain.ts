// A throwaway anvil with a real Union on it: the binary started directly on its own port, the
// implementations and UnionFactory deployed from forge's out/ artifacts, one Open union created.
// Used by the sync tests and by scripts/bench/sync.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	createPublicClient,
	createTestClient,
	createWalletClient,
	defineChain,
	http,
	parseEventLogs,
	type Address,
	type Hex,
	type PublicClient,
	type Transport,
	type WalletClient,
	type TestClient,
	type Chain,
	type Account
} from 'viem';
import { unionAbi, unionFactoryAbi } from '../../../web/lib/chain/abi/generated';
import { unionParams } from '../../../scripts/lib/unionParams.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ANVIL = resolve(ROOT, 'node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil');

export interface Anvil {
	rpcUrl: string;
	chain: Chain;
	stop(): Promise<void>;
}

/** `readyTimeoutMs`: how long anvil may take to answer (loading a big --load-state takes a while). */
export async function startAnvil(port: number, extraArgs: string[] = [], readyTimeoutMs = 10_000): Promise<Anvil> {
	const child: ChildProcess = spawn(ANVIL, ['--host', '127.0.0.1', '--port', String(port), '--chain-id', '31337', '--accounts', '20', ...extraArgs], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	const rpcUrl = `http://127.0.0.1:${port}`;
	for (let i = 0; ; i++) {
		if (child.exitCode !== null) throw new Error(`anvil exited: ${stderr}`);
		try {
			const res = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' });
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (i * 50 > readyTimeoutMs) throw new Error(`anvil did not start on ${rpcUrl}: ${stderr}`);
		await new Promise((r) => setTimeout(r, 50));
	}
	const chain = defineChain({ id: 31337, name: 'anvil', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, rpcUrls: { default: { http: [rpcUrl] } } });
	return {
		rpcUrl,
		chain,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}

async function artifact(name: string): Promise<Hex> {
	const json = JSON.parse(await readFile(resolve(ROOT, `out/${name}.sol/${name}.json`), 'utf8')) as { bytecode: { object: Hex } };
	return json.bytecode.object;
}

export type Wallet = WalletClient<Transport, Chain, Account>;

export interface UnionChain {
	publicClient: PublicClient;
	/** anvil_* / evm_* calls: mine, snapshot, revert, impersonate. */
	testClient: TestClient<'anvil', Transport, Chain>;
	/** One wallet client per unlocked anvil account (index 0 is the founder). */
	wallets: Wallet[];
	union: Address;
	/** Block of the createUnion transaction (the sync's start block). */
	createdBlock: number;
}

/** Deploys the five implementations + factory and creates an Open union founded by account 0. */
export async function deployUnion(anvil: Anvil): Promise<UnionChain> {
	const publicClient = createPublicClient({ chain: anvil.chain, transport: http(anvil.rpcUrl) });
	const testClient = createTestClient({ mode: 'anvil', chain: anvil.chain, transport: http(anvil.rpcUrl) });
	const addresses = await createWalletClient({ chain: anvil.chain, transport: http(anvil.rpcUrl) }).getAddresses();
	const wallets = addresses.map((a) => createWalletClient({ account: a, chain: anvil.chain, transport: http(anvil.rpcUrl) }));
	const founder = wallets[0];

	// Union and UnionGovernor take their ERC-2771 forwarder (issue 15): none here
	const withForwarder = new Set(['Union', 'UnionGovernor']);
	const deploy = async (name: string): Promise<Address> => {
		const code = await artifact(name);
		const bytecode = withForwarder.has(name) ? (`${code}${'0'.repeat(64)}` as Hex) : code;
		const hash = await founder.deployContract({ abi: [], bytecode });
		const receipt = await publicClient.waitForTransactionReceipt({ hash });
		if (!receipt.contractAddress) throw new Error(`${name} not deployed`);
		return receipt.contractAddress;
	};
	const impls = {
		union: await deploy('Union'),
		token: await deploy('UnionToken'),
		governor: await deploy('UnionGovernor'),
		timelock: await deploy('UnionTimelock'),
		vestingWallet: await deploy('UnionVestingWallet')
	};
	const hash = await founder.deployContract({ abi: unionFactoryAbi, bytecode: await artifact('UnionFactory'), args: [impls] });
	const factory = (await publicClient.waitForTransactionReceipt({ hash })).contractAddress;
	if (!factory) throw new Error('factory not deployed');

	const tx = await founder.writeContract({
		address: factory,
		abi: unionFactoryAbi,
		functionName: 'createUnion',
		args: [unionParams({ name: 'Sync Test Union', charterCid: 'bafy-charter', tokenName: 'Sync Token', tokenSymbol: 'SYN', joinGrant: 10n ** 18n })]
	});
	const receipt = await publicClient.waitForTransactionReceipt({ hash: tx });
	const [created] = parseEventLogs({ abi: unionFactoryAbi, eventName: 'UnionCreated', logs: receipt.logs });
	if (!created) throw new Error('UnionCreated missing');
	return { publicClient, testClient, wallets, union: created.args.union, createdBlock: Number(receipt.blockNumber) };
}

/** Sends a union call from `wallet` and waits for it to be mined. */
export async function unionCall(
	chain: UnionChain,
	wallet: Wallet,
	call: { functionName: 'join' | 'leave' } | { functionName: 'back' | 'unback'; leader: Address }
): Promise<void> {
	// Explicit gas: anvil's estimate can come out ~20k short for join, whose ERC20Votes checkpoint
	// is updated in place when estimated in the same second as the last block but pushed as a new
	// slot when mined a second later (the token's clock is the timestamp).
	const gas = 500_000n;
	const hash =
		call.functionName === 'back' || call.functionName === 'unback'
			? await wallet.writeContract({ address: chain.union, abi: unionAbi, functionName: call.functionName, args: [call.leader], gas })
			: await wallet.writeContract({ address: chain.union, abi: unionAbi, functionName: call.functionName, gas });
	const receipt = await chain.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 });
	if (receipt.status !== 'success') throw new Error(`${call.functionName} reverted`);
}

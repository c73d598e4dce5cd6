// Fork-free: the official Uniswap V2 artifacts from npm, deployed by scripts/stack/uniswap.ts on a
// throwaway anvil, swapped through with viem. Checks the init-code-hash link between the published
// periphery and core builds, our bigint math against the router, and that a swap missing its
// minimum is refused with the readable sentence the site shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPublicClient,
  createWalletClient,
  encodePacked,
  getContractAddress,
  http,
  keccak256,
  parseEther,
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type PublicClient,
  type WriteContractParameters,
} from 'viem';
import { startAnvil, type Anvil } from '../sync/localChain.ts';
import { testPort } from '../ports.ts';
import { tempDataDir } from '../stack/helpers.ts';
import { deployUniswap, type UniswapDeployment } from '../../../scripts/stack/uniswap.ts';
import { pairInitCodeHash, routerPush32Constants, uniswapArtifact } from '../../../scripts/lib/uniswapArtifacts.ts';
import { uniswapV2FactoryAbi, uniswapV2PairAbi, uniswapV2RouterAbi } from '../../../web/lib/swap/abi.ts';
import { getAmountOut, minimumOut } from '../../../web/lib/swap/math.ts';
import { describeChainError } from '../../../web/lib/chain/errors.ts';

/** The init code hash of the pair deployed on Ethereum mainnet (Uniswap's docs and SDK). */
const MAINNET_INIT_CODE_HASH = '0x96e8ac42782006f8894161745b24916fe9339b629bc3e7ca895b7c575c1d9c12';
const ctx = { rpcUrl: 'x', chainId: 31337, chainName: 'anvil' };
/**
 * Explicit gas: an estimate made in the same second as the last block skips the pair's price
 * accumulator writes (timeElapsed == 0) that the mined transaction, a second later, performs.
 */
const GAS = 5_000_000n; // the first addLiquidityETH also creates the pair (~2.5M)

let anvil: Anvil;
let client: PublicClient;
let uni: UniswapDeployment;
let token: Address;
let removeDir: () => Promise<void>;
let dataDir: string;
const [lp, trader, mover] = [
  '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
] as const satisfies readonly Address[];

function wallet(account: Address) {
  return createWalletClient({ account, chain: anvil.chain, transport: http(anvil.rpcUrl) });
}

async function mined(hash: `0x${string}`) {
  const r = await client.waitForTransactionReceipt({ hash });
  expect(r.status).toBe('success');
  return r;
}

type RouterWrite = ContractFunctionName<typeof uniswapV2RouterAbi, 'nonpayable' | 'payable'>;

/** A Router02 call from `from` with the explicit GAS, mined and checked to have succeeded. */
async function routerTx<const F extends RouterWrite>(
  from: Address,
  functionName: F,
  args: ContractFunctionArgs<typeof uniswapV2RouterAbi, 'nonpayable' | 'payable', F>,
  value?: bigint,
) {
  // Type-checked against the ABI at the caller; viem cannot follow a generic function name into writeContract,
  // so one shape from here on (as in scripts/lib/localChain.ts).
  const call = { address: uni.router, abi: uniswapV2RouterAbi, gas: GAS, functionName, args, value } as unknown as WriteContractParameters;
  return mined(await wallet(from).writeContract(call));
}

async function deadline(): Promise<bigint> {
  return (await client.getBlock()).timestamp + 600n;
}

beforeAll(async () => {
  anvil = await startAnvil(Number(testPort(38_645)));
  client = createPublicClient({ chain: anvil.chain, transport: http(anvil.rpcUrl) }) as PublicClient;
  ({ dir: dataDir, remove: removeDir } = await tempDataDir('uniswap'));
  uni = await deployUniswap(anvil.rpcUrl, dataDir, 31337);
});

afterAll(async () => {
  await anvil?.stop();
  await removeDir?.();
});

describe('published artifacts', () => {
  it("Router02 has v2-core's pair init code hash baked in (not mainnet's)", async () => {
    const hash = await pairInitCodeHash();
    const constants = await routerPush32Constants();
    expect(constants).toContain(hash);
    // The npm builds were compiled together; mainnet's pair bytecode (different metadata) hashes
    // differently, so an off-chain pairFor with the mainnet constant would be wrong here.
    expect(hash).not.toBe(MAINNET_INIT_CODE_HASH);
    expect(constants).not.toContain(MAINNET_INIT_CODE_HASH);
  });

  it('our ABI subset equals the published ABI entry for entry', async () => {
    for (const [name, subset] of [
      ['UniswapV2Router02', uniswapV2RouterAbi],
      ['UniswapV2Factory', uniswapV2FactoryAbi],
      ['UniswapV2Pair', uniswapV2PairAbi],
    ] as const) {
      const full = (await uniswapArtifact(name)).abi as Abi;
      for (const entry of subset) {
        const published = full.find((e) => e.type === entry.type && 'name' in e && e.name === entry.name);
        expect(published, `${name}.${entry.name}`).toEqual(entry);
      }
    }
  });
});

describe('deployed on anvil', () => {
  it('deployUniswap is idempotent and wires router → factory, WETH', async () => {
    expect(await deployUniswap(anvil.rpcUrl, dataDir, 31337)).toEqual(uni);
    expect(await client.readContract({ address: uni.router, abi: uniswapV2RouterAbi, functionName: 'factory' })).toBe(uni.factory);
    expect(await client.readContract({ address: uni.router, abi: uniswapV2RouterAbi, functionName: 'WETH' })).toBe(uni.weth);
  });

  it('adds liquidity at the pair address CREATE2 predicts with the init code hash', async () => {
    const { abi, bytecode } = await testToken();
    const hash = await wallet(lp).deployContract({ abi, bytecode, args: [parseEther('1000000')] });
    token = (await mined(hash)).contractAddress as Address;
    await mined(await wallet(lp).writeContract({ address: token, abi: erc20Abi, functionName: 'transfer', args: [trader, parseEther('1000')] }));
    await mined(await wallet(lp).writeContract({ address: token, abi: erc20Abi, functionName: 'approve', args: [uni.router, parseEther('10000')] }));
    await routerTx(lp, 'addLiquidityETH', [token, parseEther('10000'), 0n, 0n, lp, await deadline()], parseEther('10'));
    const pair = await client.readContract({ address: uni.factory, abi: uniswapV2FactoryAbi, functionName: 'getPair', args: [token, uni.weth] });
    const [t0, t1] = token.toLowerCase() < uni.weth.toLowerCase() ? [token, uni.weth] : [uni.weth, token];
    const predicted = getContractAddress({
      opcode: 'CREATE2',
      from: uni.factory,
      salt: keccak256(encodePacked(['address', 'address'], [t0, t1])),
      bytecodeHash: await pairInitCodeHash(),
    });
    expect(pair).toBe(predicted);
  });

  it('swaps tokens for ETH through the router for exactly what getAmountOut predicts', async () => {
    const amountIn = parseEther('100');
    const [reserveToken, reserveEth] = await reserves();
    const expected = getAmountOut(amountIn, reserveToken, reserveEth);
    const [, fromRouter] = await client.readContract({ address: uni.router, abi: uniswapV2RouterAbi, functionName: 'getAmountsOut', args: [amountIn, [token, uni.weth]] });
    expect(fromRouter).toBe(expected);

    await mined(await wallet(trader).writeContract({ address: token, abi: erc20Abi, functionName: 'approve', args: [uni.router, amountIn] }));
    const before = await client.getBalance({ address: trader });
    const r = await routerTx(trader, 'swapExactTokensForETH', [amountIn, minimumOut(expected, 50n), [token, uni.weth], trader, await deadline()]);
    const after = await client.getBalance({ address: trader });
    expect(after - before + r.gasUsed * r.effectiveGasPrice).toBe(expected);
  });

  it('refuses a swap whose minimum the moved price cannot meet, with a readable sentence', async () => {
    const amountIn = parseEther('50');
    const [reserveToken, reserveEth] = await reserves();
    const quoted = getAmountOut(amountIn, reserveToken, reserveEth);
    // Another account moves the price (sells tokens) after the trader's quote.
    await mined(await wallet(lp).writeContract({ address: token, abi: erc20Abi, functionName: 'approve', args: [uni.router, parseEther('500')] }));
    await routerTx(lp, 'swapExactTokensForETH', [parseEther('500'), 0n, [token, uni.weth], mover, await deadline()]);
    await mined(await wallet(trader).writeContract({ address: token, abi: erc20Abi, functionName: 'approve', args: [uni.router, amountIn] }));
    const balanceBefore = await client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [trader] });
    const attempt = client.simulateContract({
      account: trader,
      address: uni.router,
      abi: uniswapV2RouterAbi,
      gas: GAS,
      functionName: 'swapExactTokensForETH',
      args: [amountIn, minimumOut(quoted, 50n), [token, uni.weth], trader, await deadline()],
    });
    const err = await attempt.then(() => null, (e: unknown) => e);
    expect(err).not.toBeNull();
    expect(describeChainError(err, ctx)).toMatch(/^The price moved beyond your slippage tolerance/);
    expect(await client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [trader] })).toBe(balanceBefore);
  });

  it('swaps ETH for tokens and removes liquidity for both sides', async () => {
    const value = parseEther('0.5');
    const [reserveToken, reserveEth] = await reserves();
    const expected = getAmountOut(value, reserveEth, reserveToken);
    const before = await client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [trader] });
    await routerTx(trader, 'swapExactETHForTokens', [expected, [uni.weth, token], trader, await deadline()], value);
    expect(await client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [trader] })).toBe(before + expected);

    const pair = await client.readContract({ address: uni.factory, abi: uniswapV2FactoryAbi, functionName: 'getPair', args: [token, uni.weth] });
    const liquidity = (await client.readContract({ address: pair, abi: uniswapV2PairAbi, functionName: 'balanceOf', args: [lp] })) / 2n;
    await mined(await wallet(lp).writeContract({ address: pair, abi: uniswapV2PairAbi, functionName: 'approve', args: [uni.router, liquidity] }));
    const supplyBefore = await client.readContract({ address: pair, abi: uniswapV2PairAbi, functionName: 'totalSupply' });
    await routerTx(lp, 'removeLiquidityETH', [token, liquidity, 1n, 1n, lp, await deadline()]);
    expect(await client.readContract({ address: pair, abi: uniswapV2PairAbi, functionName: 'totalSupply' })).toBe(supplyBefore - liquidity);
  });
});

const erc20Abi = [
  { type: 'function', name: 'transfer', stateMutability: 'nonpayable', inputs: [{ name: 'to', type: 'address' }, { name: 'value', type: 'uint256' }], outputs: [{ type: 'bool' }] },
  { type: 'function', name: 'approve', stateMutability: 'nonpayable', inputs: [{ name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }], outputs: [{ type: 'bool' }] },
  { type: 'function', name: 'balanceOf', stateMutability: 'view', inputs: [{ name: 'owner', type: 'address' }], outputs: [{ type: 'uint256' }] },
] as const;

/** v2-periphery's test ERC20 (constructor(uint totalSupply) mints to the deployer), from its build JSON. */
async function testToken(): Promise<{ abi: Abi; bytecode: `0x${string}` }> {
  const { readFile } = await import('node:fs/promises');
  const { resolve } = await import('node:path');
  const { projectRoot } = await import('../../../scripts/lib/tools.ts');
  const json = JSON.parse(await readFile(resolve(projectRoot, 'node_modules/@uniswap/v2-periphery/build/ERC20.json'), 'utf8')) as { abi: Abi; bytecode: string };
  return { abi: json.abi, bytecode: (json.bytecode.startsWith('0x') ? json.bytecode : `0x${json.bytecode}`) as `0x${string}` };
}

async function reserves(): Promise<[bigint, bigint]> {
  const pair = await client.readContract({ address: uni.factory, abi: uniswapV2FactoryAbi, functionName: 'getPair', args: [token, uni.weth] });
  const [r0, r1] = await client.readContract({ address: pair, abi: uniswapV2PairAbi, functionName: 'getReserves' });
  const t0 = await client.readContract({ address: pair, abi: uniswapV2PairAbi, functionName: 'token0' });
  return t0.toLowerCase() === token.toLowerCase() ? [r0, r1] : [r1, r0];
}

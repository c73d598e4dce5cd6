// Seeds the demo union's TRU/WETH pool on the official Uniswap V2 router. The union's reserve lives
// in its timelock, which only a governance proposal can move (days of voting on a real chain). On the
// local dev chain the seed stands in for that proposal: it impersonates the timelock with
// anvil_impersonateAccount — something only a dev node allows — to move part of the reserve to the
// founder, who then adds it with ETH as liquidity and holds the LP tokens. Idempotent: a pool that
// already has reserves is left alone.
import { createTestClient, http, parseEther, type Address } from 'viem';
import { unionAbi, unionTokenAbi } from '../../../web/lib/chain/abi/generated.ts';
import { uniswapV2FactoryAbi, uniswapV2PairAbi, uniswapV2RouterAbi } from '../../../web/lib/swap/abi.ts';
import { localChain, send } from '../../lib/localChain.ts';
import type { UniswapDeployment } from '../uniswap.ts';

export interface SwapSeedParams {
  rpcUrl: string;
  chainId: number;
  union: Address;
  founder: Address;
  uniswap: UniswapDeployment;
}

/** 10,000 TRU against 10 ETH: 1 TRU = 0.001 ETH at the start. */
export const SEED_TOKEN = parseEther('10000');
export const SEED_ETH = parseEther('10');

const ZERO: Address = '0x0000000000000000000000000000000000000000';

export async function seedSwapPool(p: SwapSeedParams): Promise<{ pair: Address }> {
  const lc = localChain(p.rpcUrl, p.chainId);
  const token = await lc.client.readContract({ address: p.union, abi: unionAbi, functionName: 'token' });
  const existing = await lc.client.readContract({ address: p.uniswap.factory, abi: uniswapV2FactoryAbi, functionName: 'getPair', args: [token, p.uniswap.weth] });
  if (existing !== ZERO) {
    const [r0] = await lc.client.readContract({ address: existing, abi: uniswapV2PairAbi, functionName: 'getReserves' });
    if (r0 > 0n) return { pair: existing };
  }

  // Stand-in for a governance proposal "transfer 10,000 TRU from the reserve to the founder".
  const timelock = await lc.client.readContract({ address: p.union, abi: unionAbi, functionName: 'timelock' });
  const test = createTestClient({ mode: 'anvil', chain: lc.chain, transport: http(p.rpcUrl) });
  await test.impersonateAccount({ address: timelock });
  await test.setBalance({ address: timelock, value: parseEther('1') });
  try {
    await send(lc, timelock, { address: token, abi: unionTokenAbi, functionName: 'transfer', args: [p.founder, SEED_TOKEN] });
  } finally {
    await test.stopImpersonatingAccount({ address: timelock });
  }

  await send(lc, p.founder, { address: token, abi: unionTokenAbi, functionName: 'approve', args: [p.uniswap.router, SEED_TOKEN] });
  const block = await lc.client.getBlock();
  await send(lc, p.founder, {
    address: p.uniswap.router,
    abi: uniswapV2RouterAbi,
    functionName: 'addLiquidityETH',
    args: [token, SEED_TOKEN, SEED_TOKEN, SEED_ETH, p.founder, block.timestamp + 600n],
    value: SEED_ETH,
  });
  const pair = await lc.client.readContract({ address: p.uniswap.factory, abi: uniswapV2FactoryAbi, functionName: 'getPair', args: [token, p.uniswap.weth] });
  return { pair };
}

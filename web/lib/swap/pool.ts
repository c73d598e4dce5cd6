// The union token / WETH pool as the swap page needs it: which pair, its reserves oriented as
// (token, ETH), LP supply, and the member's balances and allowances. Read in one batched round trip.
import type { Address } from 'viem';
import { getConfig } from '$lib/config';
import { unionAbi, unionTokenAbi } from '$lib/chain/abi';
import { uniswapV2FactoryAbi, uniswapV2PairAbi } from './abi';
import { read } from '$lib/chain/read';

export interface UniswapAddresses {
	factory: Address;
	router: Address;
	weth: Address;
}

export interface PoolState {
	token: Address;
	symbol: string;
	weth: Address;
	router: Address;
	/** address(0) when nobody has created the pair yet. */
	pair: Address;
	reserveToken: bigint;
	reserveEth: bigint;
	lpSupply: bigint;
	/** Latest block's timestamp: deadlines are counted from chain time, not the browser clock. */
	chainTime: bigint;
	account: {
		token: bigint;
		eth: bigint;
		lp: bigint;
		tokenAllowance: bigint;
		lpAllowance: bigint;
	} | null;
}

const ZERO: Address = '0x0000000000000000000000000000000000000000';

/** The configured Uniswap V2 deployment, or null where this network has none (the page says so). */
export function uniswapAddresses(): UniswapAddresses | null {
	return getConfig().uniswap;
}

export async function readPool(union: Address, account: Address | null): Promise<PoolState> {
	const uni = uniswapAddresses();
	if (!uni) throw new Error('No Uniswap V2 deployment is configured for this network');
	return read(async ({ client }) => {
		const token = await client.readContract({ address: union, abi: unionAbi, functionName: 'token' });
		const [symbol, pair, block] = await Promise.all([
			client.readContract({ address: token, abi: unionTokenAbi, functionName: 'symbol' }),
			client.readContract({ address: uni.factory, abi: uniswapV2FactoryAbi, functionName: 'getPair', args: [token, uni.weth] }),
			client.getBlock({ blockTag: 'latest' })
		]);
		let reserveToken = 0n;
		let reserveEth = 0n;
		let lpSupply = 0n;
		if (pair !== ZERO) {
			const [reserves, token0, supply] = await Promise.all([
				client.readContract({ address: pair, abi: uniswapV2PairAbi, functionName: 'getReserves' }),
				client.readContract({ address: pair, abi: uniswapV2PairAbi, functionName: 'token0' }),
				client.readContract({ address: pair, abi: uniswapV2PairAbi, functionName: 'totalSupply' })
			]);
			// Pairs sort their tokens by address; orient the reserves as (union token, ETH).
			const tokenIsToken0 = token0.toLowerCase() === token.toLowerCase();
			reserveToken = tokenIsToken0 ? reserves[0] : reserves[1];
			reserveEth = tokenIsToken0 ? reserves[1] : reserves[0];
			lpSupply = supply;
		}
		let mine: PoolState['account'] = null;
		if (account) {
			const [tok, eth, allowance, lp, lpAllowance] = await Promise.all([
				client.readContract({ address: token, abi: unionTokenAbi, functionName: 'balanceOf', args: [account] }),
				client.getBalance({ address: account }),
				client.readContract({ address: token, abi: unionTokenAbi, functionName: 'allowance', args: [account, uni.router] }),
				pair === ZERO ? Promise.resolve(0n) : client.readContract({ address: pair, abi: uniswapV2PairAbi, functionName: 'balanceOf', args: [account] }),
				pair === ZERO
					? Promise.resolve(0n)
					: client.readContract({ address: pair, abi: uniswapV2PairAbi, functionName: 'allowance', args: [account, uni.router] })
			]);
			mine = { token: tok, eth, lp, tokenAllowance: allowance, lpAllowance };
		}
		return { token, symbol, weth: uni.weth, router: uni.router, pair, reserveToken, reserveEth, lpSupply, chainTime: block.timestamp, account: mine };
	});
}

export function hasLiquidity(p: PoolState): boolean {
	return p.pair !== ZERO && p.reserveToken > 0n && p.reserveEth > 0n;
}

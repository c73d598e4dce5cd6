// Writes to the official Uniswap V2 Router02: approve (only when the allowance is short), swaps both
// ways, adding and removing liquidity. Every call carries the member's minimum output (from their
// slippage tolerance) and a deadline; the router refuses — and nothing moves — when either is missed.
import type { Address } from 'viem';
import { unionTokenAbi } from '$lib/chain/abi';
import { writeContract, type Signer, type TxObserver, type TxResult } from '$lib/chain/write';
import { uniswapV2PairAbi, uniswapV2RouterAbi } from './abi';

export interface SwapParams {
	router: Address;
	token: Address;
	weth: Address;
	amountIn: bigint;
	amountOutMin: bigint;
	deadline: bigint;
}

/** Sets the router's allowance for `token` (the union token or the LP token) to exactly `amount`. */
export function approveRouter(signer: Signer, token: Address, router: Address, amount: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: token, abi: unionTokenAbi, functionName: 'approve', args: [router, amount] }, observer);
}

/** Same as approveRouter for the pair's LP token (the pair is a UniswapV2ERC20, not our token). */
export function approveLp(signer: Signer, pair: Address, router: Address, amount: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: pair, abi: uniswapV2PairAbi, functionName: 'approve', args: [router, amount] }, observer);
}

export function swapTokensForEth(signer: Signer, p: SwapParams, observer?: TxObserver): Promise<TxResult> {
	return writeContract(
		signer,
		{
			address: p.router,
			abi: uniswapV2RouterAbi,
			functionName: 'swapExactTokensForETH',
			args: [p.amountIn, p.amountOutMin, [p.token, p.weth], signer.account, p.deadline]
		},
		observer
	);
}

export function swapEthForTokens(signer: Signer, p: SwapParams, observer?: TxObserver): Promise<TxResult> {
	return writeContract(
		signer,
		{
			address: p.router,
			abi: uniswapV2RouterAbi,
			functionName: 'swapExactETHForTokens',
			args: [p.amountOutMin, [p.weth, p.token], signer.account, p.deadline],
			value: p.amountIn
		},
		observer
	);
}

export interface AddLiquidityParams {
	router: Address;
	token: Address;
	amountToken: bigint;
	amountEth: bigint;
	amountTokenMin: bigint;
	amountEthMin: bigint;
	deadline: bigint;
}

export function addLiquidityEth(signer: Signer, p: AddLiquidityParams, observer?: TxObserver): Promise<TxResult> {
	return writeContract(
		signer,
		{
			address: p.router,
			abi: uniswapV2RouterAbi,
			functionName: 'addLiquidityETH',
			args: [p.token, p.amountToken, p.amountTokenMin, p.amountEthMin, signer.account, p.deadline],
			value: p.amountEth
		},
		observer
	);
}

export interface RemoveLiquidityParams {
	router: Address;
	token: Address;
	liquidity: bigint;
	amountTokenMin: bigint;
	amountEthMin: bigint;
	deadline: bigint;
}

export function removeLiquidityEth(signer: Signer, p: RemoveLiquidityParams, observer?: TxObserver): Promise<TxResult> {
	return writeContract(
		signer,
		{
			address: p.router,
			abi: uniswapV2RouterAbi,
			functionName: 'removeLiquidityETH',
			args: [p.token, p.liquidity, p.amountTokenMin, p.amountEthMin, signer.account, p.deadline]
		},
		observer
	);
}

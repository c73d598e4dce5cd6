// The parts of the official Uniswap V2 ABIs this app calls, cut from the npm packages' own build JSON
// (@uniswap/v2-core 1.0.1, @uniswap/v2-periphery 1.1.0-beta.0) by scripts/abi/generate.ts, so viem types
// every call and the full JSON (with bytecode) stays out of the browser bundle.
export { uniswapV2FactoryAbi, uniswapV2PairAbi, uniswapV2RouterAbi } from '../chain/abi/generated';

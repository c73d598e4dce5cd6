// ABIs are generated from forge's out/ by scripts/abi/generate.ts (never copied by hand), so viem
// infers every argument, return and event type from them.
export { unionFactoryAbi, unionAbi, unionTokenAbi } from './generated';

// Deploys the official Uniswap V2 contracts — WETH9, UniswapV2Factory(feeToSetter) and
// UniswapV2Router02(factory, WETH) — from the npm packages' own build JSON (see
// scripts/lib/uniswapArtifacts.ts) with viem, signing as anvil's unlocked deployer. Idempotent like
// deploy.ts: the record in the data folder is reused while the chain still has code at its addresses.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Abi, Address } from 'viem';
import { deployAndWait, localChain, type LocalChain } from '../lib/localChain.ts';
import { uniswapArtifact, type UniswapArtifactName } from '../lib/uniswapArtifacts.ts';
import { LOCAL_DEPLOYER } from './deploy.ts';

export interface UniswapDeployment {
  factory: Address;
  router: Address;
  weth: Address;
}

export async function deployUniswap(rpcUrl: string, dataDir: string, chainId: number): Promise<UniswapDeployment> {
  const lc = localChain(rpcUrl, chainId);
  const recordFile = join(dataDir, 'uniswap.json');
  const previous = await readRecord(recordFile);
  if (previous && (await hasCode(lc, previous))) return previous;

  const weth = await deploy(lc, 'WETH9', []);
  // feeToSetter: the deployer; the protocol fee stays off (feeTo = 0) as on mainnet.
  const factory = await deploy(lc, 'UniswapV2Factory', [LOCAL_DEPLOYER]);
  const router = await deploy(lc, 'UniswapV2Router02', [factory, weth]);
  const result: UniswapDeployment = { factory, router, weth };
  await writeFile(recordFile, JSON.stringify({ chainId, ...result }, null, 2) + '\n');
  return result;
}

async function deploy(lc: LocalChain, name: UniswapArtifactName, args: readonly unknown[]): Promise<Address> {
  const { abi, bytecode } = await uniswapArtifact(name);
  return deployAndWait(lc, LOCAL_DEPLOYER, name, { abi: abi as Abi, bytecode }, args);
}

async function hasCode(lc: LocalChain, d: UniswapDeployment): Promise<boolean> {
  const codes = await Promise.all([d.factory, d.router, d.weth].map((address) => lc.client.getCode({ address })));
  return codes.every((c) => c !== undefined && c !== '0x');
}

async function readRecord(file: string): Promise<UniswapDeployment | null> {
  try {
    const { factory, router, weth } = JSON.parse(await readFile(file, 'utf8')) as UniswapDeployment;
    return { factory, router, weth };
  } catch {
    return null;
  }
}

// anvil as a supervised child: deterministic accounts on chain 31337, and state that survives a
// real restart (dumped on SIGTERM, loaded from $NU_DATA_DIR/anvil/state.json).
import './helpers.ts';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRpcProvider } from '../../../scripts/stack/ceramic/eip1193.ts';
import { startAnvil, type AnvilHandle } from '../../../scripts/stack/processes.ts';
import { tempDataDir } from './helpers.ts';
import { testPort } from '../ports.ts';

// Init code returning a runtime that returns 42: PUSH10 <runtime> PUSH1 0 MSTORE PUSH1 10 PUSH1 22 RETURN.
const RUNTIME = '0x602a60005260206000f3';
const INIT_CODE = `0x69${RUNTIME.slice(2)}600052600a6016f3`;

let data: Awaited<ReturnType<typeof tempDataDir>>;
let anvil: AnvilHandle;
const env = (): Record<string, string> => ({ NU_DATA_DIR: data.dir, NU_ANVIL_PORT: testPort(18346) });

beforeAll(async () => {
  data = await tempDataDir('anvil');
  anvil = await startAnvil(env());
});

afterAll(async () => {
  await anvil?.stop();
  await data?.remove();
});

describe('anvil', () => {
  it('runs chain 31337 with the deterministic test accounts', async () => {
    const rpc = jsonRpcProvider(anvil.rpcUrl);
    expect(parseInt((await rpc.request({ method: 'eth_chainId' })) as string, 16)).toBe(31337);
    const accounts = (await rpc.request({ method: 'eth_accounts' })) as string[];
    expect(accounts[0]?.toLowerCase()).toBe('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
  });

  it('keeps a deployed contract across a restart', async () => {
    const rpc = jsonRpcProvider(anvil.rpcUrl);
    const [from] = (await rpc.request({ method: 'eth_accounts' })) as string[];
    const hash = (await rpc.request({ method: 'eth_sendTransaction', params: [{ from, data: INIT_CODE, gas: '0x100000' }] })) as string;
    const receipt = await waitForReceipt(rpc, hash);
    expect(await rpc.request({ method: 'eth_getCode', params: [receipt.contractAddress, 'latest'] })).toBe(RUNTIME);

    await anvil.stop();
    expect((await anvil.child.exited).code).toBe(0);
    expect((await stat(join(data.dir, 'anvil', 'state.json'))).size).toBeGreaterThan(0);

    anvil = await startAnvil(env());
    const after = jsonRpcProvider(anvil.rpcUrl);
    expect(await after.request({ method: 'eth_getCode', params: [receipt.contractAddress, 'latest'] })).toBe(RUNTIME);
    const block = parseInt((await after.request({ method: 'eth_blockNumber' })) as string, 16);
    expect(block).toBeGreaterThanOrEqual(parseInt(receipt.blockNumber, 16));
    const call = (await after.request({ method: 'eth_call', params: [{ to: receipt.contractAddress }, 'latest'] })) as string;
    expect(BigInt(call)).toBe(42n);
  });
});

interface Receipt {
  contractAddress: string;
  blockNumber: string;
}

/** anvil mines right away but the receipt can lag the send by a few milliseconds. */
async function waitForReceipt(rpc: ReturnType<typeof jsonRpcProvider>, hash: string): Promise<Receipt> {
  for (let i = 0; i < 100; i++) {
    const receipt = (await rpc.request({ method: 'eth_getTransactionReceipt', params: [hash] })) as Receipt | null;
    if (receipt !== null) return receipt;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no receipt for ${hash}`);
}

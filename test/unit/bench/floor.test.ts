// The storage floor the bench prints beside every gas figure: its rules on hand-made diffs, and on a
// real anvil, where it must match what the chain charges for a bare storage write and never exceed it.
import '../stack/helpers.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, createWalletClient, http, type Address, type Hex } from 'viem';
import { foundry } from 'viem/chains';
import { floorOfDiff, storageFloor, type PrestateDiff } from '../../../scripts/bench/floor.ts';
import { startAnvil, type AnvilHandle } from '../../../scripts/stack/processes.ts';
import { tempDataDir } from '../stack/helpers.ts';
import { testPort } from '../ports.ts';

const SENDER: Address = '0x00000000000000000000000000000000000000aa';
const TARGET: Address = '0x00000000000000000000000000000000000000bb';
const TOKEN: Address = '0x00000000000000000000000000000000000000cc';
const SLOT_A: Hex = '0x01';
const SLOT_B: Hex = '0x02';
const tx = { input: '0x' as Hex, to: TARGET, from: SENDER };
const word = (n: number): Hex => `0x${n.toString(16).padStart(64, '0')}`;

describe('floorOfDiff', () => {
  it('charges 22,100 for a slot set from zero and 5,000 for any other change', () => {
    const diff: PrestateDiff = {
      pre: { [TARGET]: { storage: { [SLOT_B]: word(7) } } },
      post: { [TARGET]: { storage: { [SLOT_A]: word(1), [SLOT_B]: word(8) } } },
    };
    expect(floorOfDiff(tx, diff)).toBe(21_000 + 22_100 + 5_000);
  });

  it('counts calldata at 4 per zero byte and 16 per other byte', () => {
    const diff: PrestateDiff = { pre: {}, post: {} };
    expect(floorOfDiff({ ...tx, input: '0x0001ff00' }, diff)).toBe(21_000 + 4 + 16 + 16 + 4);
  });

  it('takes a slot missing from post as cleared, and refunds 4,800 for it up to a fifth of the total', () => {
    const diff: PrestateDiff = {
      pre: { [TARGET]: { storage: { [SLOT_A]: word(3) } } },
      post: { [TARGET]: { nonce: 1 } as never },
    };
    const gross = 21_000 + 5_000;
    expect(floorOfDiff(tx, diff)).toBe(gross - Math.min(4_800, Math.floor(gross / 5)));
  });

  it('adds 2,600 for every other contract whose storage changes, not for the target or the sender', () => {
    const diff: PrestateDiff = {
      pre: { [TOKEN]: { storage: { [SLOT_A]: word(5) } }, [SENDER]: { balance: '0x10' } as never },
      post: { [TOKEN]: { storage: { [SLOT_A]: word(6) } }, [TARGET]: { storage: { [SLOT_B]: word(1) } }, [SENDER]: { balance: '0x0f' } as never },
    };
    expect(floorOfDiff(tx, diff)).toBe(21_000 + 5_000 + 2_600 + 22_100);
  });

  it('ignores a slot whose value did not change', () => {
    const diff: PrestateDiff = {
      pre: { [TARGET]: { storage: { [SLOT_A]: word(4) } } },
      post: { [TARGET]: { storage: { [SLOT_A]: word(4) } } },
    };
    expect(floorOfDiff(tx, diff)).toBe(21_000);
  });

  it('charges a value-bearing call for each account whose ETH balance rose: 6,700 + its access, + 25,000 if it was empty', () => {
    const PAID: Address = '0x00000000000000000000000000000000000000dd';
    const FRESH: Address = '0x00000000000000000000000000000000000000ee';
    const diff: PrestateDiff = {
      pre: { [TARGET]: { balance: '0x100' }, [PAID]: { balance: '0x5', nonce: 1 }, [TOKEN]: { balance: '0x0', code: '0x00', storage: { [SLOT_A]: word(5) } } } as never,
      post: { [TARGET]: { balance: '0x10' }, [PAID]: { balance: '0x50' }, [FRESH]: { balance: '0x20' }, [TOKEN]: { balance: '0x60', storage: { [SLOT_A]: word(6) } } } as never,
    };
    // PAID: cold and existing; FRESH: cold and empty; TOKEN: already charged its access for its storage change.
    expect(floorOfDiff(tx, diff)).toBe(21_000 + 5_000 + 2_600 + (6_700 + 2_600) + (6_700 + 2_600 + 25_000) + 6_700);
  });

  it('counts what the sender received net of its fee and value, and the target only beyond the transaction value', () => {
    const diff: PrestateDiff = {
      pre: { [SENDER]: { balance: '0x1000', nonce: 3 }, [TARGET]: { balance: '0x0', code: '0x00' } } as never,
      post: { [SENDER]: { balance: '0x0ff0', nonce: 4 }, [TARGET]: { balance: '0x40' } } as never,
    };
    // The sender paid a fee of 0x30 and sent 0x40 to the target, yet lost only 0x10: it was paid 0x60 back (warm).
    expect(floorOfDiff({ ...tx, value: 0x40n, fee: 0x30n }, diff)).toBe(21_000 + 6_700 + 100);
    // Without the payback the sender's loss is its fee and value, and the target's gain is the value: nothing to add.
    const plain: PrestateDiff = { ...diff, post: { [SENDER]: { balance: '0x0f90' }, [TARGET]: { balance: '0x40' } } as never };
    expect(floorOfDiff({ ...tx, value: 0x40n, fee: 0x30n }, plain)).toBe(21_000);
  });

  it('charges 32,000 and 200 per byte for a created contract', () => {
    const diff: PrestateDiff = { pre: {}, post: { [TOKEN]: { code: '0x6000600055' } } };
    expect(floorOfDiff({ ...tx, to: null }, diff)).toBe(21_000 + 32_000 + 200 * 5);
  });
});

// Runtime: SSTORE(0, CALLDATALOAD(0)); init code: PUSH7 <runtime> PUSH1 0 MSTORE PUSH1 7 PUSH1 25 RETURN.
const RUNTIME = '60003560005500';
const INIT_CODE: Hex = `0x66${RUNTIME}60005260076019f3`;

// Runtime: CALL(GAS, CALLDATALOAD(0), 1 wei, 0, 0, 0, 0): sends one wei to the address in the calldata.
const SENDER_RUNTIME = '600060006000600060016000355af100';
const SENDER_INIT: Hex = `0x6f${SENDER_RUNTIME}60005260106010f3`;
// The runtime's opcodes besides the CALL: six PUSH1 (3 each), CALLDATALOAD 3, GAS 2.
const SENDER_OPCODES = 6 * 3 + 3 + 2;

describe('storageFloor on anvil', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let anvil: AnvilHandle;
  beforeAll(async () => {
    data = await tempDataDir('floor');
    anvil = await startAnvil({ NU_DATA_DIR: data.dir, NU_ANVIL_PORT: testPort(18348) });
  });
  afterAll(async () => {
    await anvil?.stop();
    await data?.remove();
  });

  it('equals the gas of a bare write, and stays at or under the gas of setting and clearing a slot', async () => {
    const client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) });
    // anvil's first deterministic account, unlocked: anvil signs eth_sendTransaction for it.
    const from: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
    const wallet = createWalletClient({ chain: foundry, transport: http(anvil.rpcUrl), account: from });
    const deployed = await client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ data: INIT_CODE }) });
    const store = deployed.contractAddress!;
    const set = await client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ to: store, data: word(9) }) });
    const cleared = await client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ to: store, data: word(0) }) });
    expect(await client.getStorageAt({ address: store, slot: '0x0' })).toBe(word(0));

    const calldata = 21_000 + 31 * 4 + 16;
    // The runtime's own opcodes (PUSH1, CALLDATALOAD, PUSH1) cost 9 besides the write: the floor is the rest.
    expect(await storageFloor(client, set.transactionHash)).toBe(calldata + 22_100);
    expect(Number(set.gasUsed)).toBe(calldata + 22_100 + 9);
    const clearFloor = await storageFloor(client, cleared.transactionHash);
    const gross = 21_000 + 32 * 4 + 5_000;
    expect(clearFloor).toBe(gross - Math.min(4_800, Math.floor(gross / 5)));
    expect(clearFloor).toBeLessThanOrEqual(Number(cleared.gasUsed));
    expect(await storageFloor(client, deployed.transactionHash)).toBeLessThanOrEqual(Number(deployed.gasUsed));
  });

  it('equals the gas of a bare ETH send, to the warm sender, to a cold account and to an empty one', async () => {
    const client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) });
    const from: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
    // An account that exists (funded below) and is cold in the measured transaction.
    const other: Address = '0x00000000000000000000000000000000000e0157';
    const fresh: Address = '0x00000000000000000000000000000000000f100d';
    const wallet = createWalletClient({ chain: foundry, transport: http(anvil.rpcUrl), account: from });
    const deployed = await client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ data: SENDER_INIT, value: 10n }) });
    const payer = deployed.contractAddress!;
    await client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ to: other, value: 1n }) });
    const calldataOf = (data: Hex): number => {
      let gas = 0;
      for (let i = 2; i < data.length; i += 2) gas += data.slice(i, i + 2) === '00' ? 4 : 16;
      return gas;
    };
    for (const [to, access, empty] of [[from, 100, false], [other, 2_600, false], [fresh, 2_600, true]] as const) {
      const data = `0x${to.slice(2).toLowerCase().padStart(64, '0')}` as Hex;
      const sent = await client.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ to: payer, data }) });
      const floor = 21_000 + calldataOf(data) + 6_700 + access + (empty ? 25_000 : 0);
      expect(await storageFloor(client, sent.transactionHash), to).toBe(floor);
      expect(Number(sent.gasUsed), to).toBe(floor + SENDER_OPCODES);
    }
    expect(await client.getBalance({ address: fresh })).toBe(1n);
    expect(await client.getBalance({ address: other })).toBe(2n);
  });
});

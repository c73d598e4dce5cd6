// The governance rows' anchor, measured in the same run: OpenZeppelin's Governor as its wizard composes it
// (settings, simple counting, token votes, quorum fraction, timelock control), deployed whole from forge's
// build of test/contracts/anchors/OzGovernorAnchor.sol over a plain ERC20Votes token and a TimelockController,
// then driven through the same treasury payment as the union's governor (propose, two votes, queue, execute),
// each transaction beside its own storage floor. The union's rows are the same calls plus trust, exits and
// clones, so the anchor's ratios show how far above its floor OpenZeppelin itself sits.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeFunctionData, keccak256, parseAbi, parseEther, toBytes, type Abi, type Address, type Hex, type TransactionReceipt } from 'viem';
import { projectRoot } from '../lib/tools.ts';
import { advanceClock, deployAndWait, send, type LocalChain } from '../lib/localChain.ts';
import { storageFloor } from './floor.ts';

const TOKEN_ABI = parseAbi(['constructor(address[] holders, uint256[] amounts)', 'function delegate(address delegatee)', 'function transfer(address to, uint256 value) returns (bool)']);
const TIMELOCK_ABI = parseAbi([
  'constructor(uint256 minDelay, address[] proposers, address[] executors, address admin)',
  'function grantRole(bytes32 role, address account)',
  'function PROPOSER_ROLE() view returns (bytes32)',
  'function CANCELLER_ROLE() view returns (bytes32)',
]);
const GOVERNOR_ABI = parseAbi([
  'constructor(address token, address timelock, uint48 votingDelay, uint32 votingPeriod, uint256 quorumPercent)',
  'function propose(address[] targets, uint256[] values, bytes[] calldatas, string description) returns (uint256)',
  'function castVote(uint256 proposalId, uint8 support) returns (uint256)',
  'function queue(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) returns (uint256)',
  'function execute(address[] targets, uint256[] values, bytes[] calldatas, bytes32 descriptionHash) payable returns (uint256)',
  'event ProposalCreated(uint256 proposalId, address proposer, address[] targets, uint256[] values, string[] signatures, bytes[] calldatas, uint256 voteStart, uint256 voteEnd, string description)',
]);

/** One anchor transaction: its gas and its storage floor. */
export interface AnchorFigure {
  gas: bigint;
  floor: number;
}
export type AnchorStep = 'propose' | 'firstVote' | 'laterVote' | 'queue' | 'execute';
export type GovernorAnchor = Record<AnchorStep, AnchorFigure>;

/** `OZ 67,600 (1.43× its floor 47,112)`: how a union row quotes the anchor. */
export function anchorNote(figure: AnchorFigure): string {
  return `OZ ${Number(figure.gas).toLocaleString('en-US')} (${(Number(figure.gas) / figure.floor).toFixed(2)}× its floor ${figure.floor.toLocaleString('en-US')})`;
}

/**
 * Deploys the anchor with `deployer`, gives `voters` 100 tokens each (self-delegated) and the timelock 1,000,
 * and measures the same payment the union's bench makes: `payee` receives 250 from the treasury.
 * Settings as the union's bench: voting after 1 s, open 600 s, a 60 s timelock, 4 % quorum (of total supply,
 * OpenZeppelin's rule; the union's is of delegated supply).
 */
export async function measureGovernorAnchor(lc: LocalChain, deployer: Address, voters: readonly [Address, Address], payee: Address, description: string): Promise<GovernorAnchor> {
  const timelock = await deploy(lc, deployer, 'TimelockController', 'TimelockController', TIMELOCK_ABI, [60n, [], ['0x0000000000000000000000000000000000000000'], deployer]);
  const token = await deploy(lc, deployer, 'OzGovernorAnchor', 'AnchorVotesToken', TOKEN_ABI, [[...voters, timelock], [parseEther('100'), parseEther('100'), parseEther('1000')]]);
  const governor = await deploy(lc, deployer, 'OzGovernorAnchor', 'AnchorGovernor', GOVERNOR_ABI, [token, timelock, 1, 600, 4n]);
  for (const role of ['PROPOSER_ROLE', 'CANCELLER_ROLE'] as const) {
    const id = await lc.client.readContract({ address: timelock, abi: TIMELOCK_ABI, functionName: role });
    await send(lc, deployer, { address: timelock, abi: TIMELOCK_ABI, functionName: 'grantRole', args: [id, governor] });
  }
  for (const voter of voters) await send(lc, voter, { address: token, abi: TOKEN_ABI, functionName: 'delegate', args: [voter] });
  await advanceClock(lc, 2);

  const targets: Address[] = [token];
  const values = [0n];
  const calldatas: Hex[] = [encodeFunctionData({ abi: TOKEN_ABI, functionName: 'transfer', args: [payee, parseEther('250')] })];
  const descriptionHash = keccak256(toBytes(description));
  const proposed = await send(lc, voters[0], { address: governor, abi: GOVERNOR_ABI, functionName: 'propose', args: [targets, values, calldatas, description] });
  const [created] = await lc.client.getContractEvents({ address: governor, abi: GOVERNOR_ABI, eventName: 'ProposalCreated', fromBlock: proposed.blockNumber, toBlock: proposed.blockNumber, strict: true });
  if (!created) throw new Error('the OpenZeppelin anchor logged no ProposalCreated');
  const id = created.args.proposalId;
  await advanceClock(lc, 2);
  const firstVote = await send(lc, voters[0], { address: governor, abi: GOVERNOR_ABI, functionName: 'castVote', args: [id, 1] });
  const laterVote = await send(lc, voters[1], { address: governor, abi: GOVERNOR_ABI, functionName: 'castVote', args: [id, 1] });
  await advanceClock(lc, 601);
  const queued = await send(lc, deployer, { address: governor, abi: GOVERNOR_ABI, functionName: 'queue', args: [targets, values, calldatas, descriptionHash] });
  await advanceClock(lc, 61);
  const executed = await send(lc, deployer, { address: governor, abi: GOVERNOR_ABI, functionName: 'execute', args: [targets, values, calldatas, descriptionHash] });

  const figure = async (receipt: TransactionReceipt): Promise<AnchorFigure> => ({ gas: receipt.gasUsed, floor: await storageFloor(lc.client, receipt.transactionHash) });
  return {
    propose: await figure(proposed),
    firstVote: await figure(firstVote),
    laterVote: await figure(laterVote),
    queue: await figure(queued),
    execute: await figure(executed),
  };
}

async function deploy(lc: LocalChain, from: Address, file: string, contract: string, abi: Abi, args: readonly unknown[]): Promise<Address> {
  const artifactPath = join(projectRoot, 'out', `${file}.sol`, `${contract}.json`);
  const artifact = JSON.parse(await readFile(artifactPath, 'utf8')) as { bytecode?: { object?: Hex } };
  const bytecode = artifact.bytecode?.object;
  if (!bytecode || bytecode === '0x') throw new Error(`${artifactPath} has no bytecode: run npm run build:contracts`);
  return deployAndWait(lc, from, `the anchor's ${contract}`, { abi, bytecode }, args);
}

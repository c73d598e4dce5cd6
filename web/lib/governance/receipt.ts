// What a confirmed governance transaction created, read from its receipt. No `$lib` imports, so the
// demo seed (Node) reads its proposal the same way the proposal builder does.
import { parseEventLogs, type TransactionReceipt } from 'viem';
import { unionGovernorAbi } from '../chain/abi/generated';

/** The id of the proposal a confirmed `propose` created (null if its receipt has no ProposalCreated). */
export function proposalIdFrom(receipt: TransactionReceipt): bigint | null {
	const [created] = parseEventLogs({ abi: unionGovernorAbi, logs: receipt.logs, eventName: 'ProposalCreated' });
	return created?.args.proposalId ?? null;
}

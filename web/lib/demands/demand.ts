// A demand as the demands form writes it: its text as stored on IPFS, and the id a confirmed
// `Demands.create` gave it. No `$lib` imports, so the demo seed (Node) does both the same way.
import { parseEventLogs, type TransactionReceipt } from 'viem';
import { demandsAbi } from '../chain/abi/generated';

/** The markdown stored on IPFS as demand.md. */
export function demandBody(title: string, target: string, text: string): string {
	return `# ${title.trim()}\n\n**To:** ${target.trim()}\n\n${text.trim()}\n`;
}

/** The id of the demand a confirmed `create` made (null if its receipt has no DemandCreated). */
export function demandIdFrom(receipt: TransactionReceipt): bigint | null {
	const [created] = parseEventLogs({ abi: demandsAbi, eventName: 'DemandCreated', logs: receipt.logs });
	return created?.args.demandId ?? null;
}

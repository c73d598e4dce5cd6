// Writes to the Courses contract, each through writeContract (simulate → sign → receipt, decoded errors);
// enrolment goes through writeForUnion, so a member with no ETH is sponsored by the course's union.
import type { Address } from 'viem';
import { coursesAbi, unionTokenAbi } from '$lib/chain/abi/generated';
import { getPublicClient } from '$lib/chain/client';
import { batchCall, planBatch, writeCalls } from '$lib/chain/calls';
import { approvalCall, signPermit } from '$lib/chain/permit';
import { writeContract, type Signer, type TxObserver, type TxResult } from '$lib/chain/write';
import { wouldBeSponsored, writeForUnion } from '$lib/sponsor/write';
import { coursesAddress, type CourseOnChain } from './chain';

export interface RegisterParams {
	union: Address;
	manifest: string;
	contentCid: string;
	price: bigint;
	authorShareBps: number;
	autoIssue: boolean;
}

export function registerCourse(signer: Signer, p: RegisterParams, observer?: TxObserver): Promise<TxResult> {
	return writeContract(
		signer,
		{
			address: coursesAddress(),
			abi: coursesAbi,
			functionName: 'registerCourse',
			args: [p.union, p.manifest, p.contentCid, p.price, p.authorShareBps, p.autoIssue]
		},
		observer
	);
}

export function publishVersion(signer: Signer, courseId: bigint, contentCid: string, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: coursesAddress(), abi: coursesAbi, functionName: 'publishVersion', args: [courseId, contentCid] }, observer);
}

/**
 * Enrols at the course's current price. A paid course first needs an allowance: approve exactly the
 * price (not unlimited) when the current one is short, then enrol with maxPrice = that price — both in one
 * wallet request where the wallet takes EIP-5792 batches. A member with
 * no ETH instead signs an ERC-2612 permit for the price (no gas) and the union's paymaster pays for
 * `enrolWithPermit` (sponsor/write.ts, issue 15); a free course is one sponsored `enrol`.
 */
export async function enrol(
	signer: Signer,
	course: CourseOnChain,
	observer?: TxObserver,
	onStep?: (step: 'approve' | 'enrol') => void
): Promise<TxResult> {
	const address = coursesAddress();
	if (course.price > 0n && (await wouldBeSponsored(signer.account))) {
		onStep?.('approve');
		const permit = await signPermit(signer, course.token, address, course.price);
		onStep?.('enrol');
		const call = {
			address,
			abi: coursesAbi,
			functionName: 'enrolWithPermit',
			args: [course.id, course.price, permit.deadline, permit.v, permit.r, permit.s]
		} as const;
		return writeForUnion(signer, course.union, call, observer);
	}
	if (course.price > 0n) {
		const client = await getPublicClient();
		const allowance = await client.readContract({ address: course.token, abi: unionTokenAbi, functionName: 'allowance', args: [signer.account, address] });
		if (allowance < course.price) {
			// One wallet request for both where the wallet takes EIP-5792 batches (chain/calls.ts).
			const plan = await planBatch(signer);
			if (plan) {
				onStep?.('enrol');
				const enrolCall = batchCall('the enrolment', { address, abi: coursesAbi, functionName: 'enrol', args: [course.id, course.price] });
				const result = await writeCalls(signer, [approvalCall(course.token, address, course.price), enrolCall], plan, observer);
				if (result) return result;
			}
			onStep?.('approve');
			await writeContract(signer, { address: course.token, abi: unionTokenAbi, functionName: 'approve', args: [address, course.price] }, observer);
		}
	}
	onStep?.('enrol');
	return writeForUnion(signer, course.union, { address, abi: coursesAbi, functionName: 'enrol', args: [course.id, course.price] }, observer);
}

export function submitCompletion(signer: Signer, courseId: bigint, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: coursesAddress(), abi: coursesAbi, functionName: 'submitCompletion', args: [courseId] }, observer);
}

export function issueCredential(signer: Signer, courseId: bigint, member: Address, observer?: TxObserver): Promise<TxResult> {
	return writeContract(signer, { address: coursesAddress(), abi: coursesAbi, functionName: 'issueCredential', args: [courseId, member] }, observer);
}

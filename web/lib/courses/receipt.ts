// What a confirmed course transaction created, read from its receipt. No `$lib` imports, so the demo
// seed (Node) reads its course the same way the course form does.
import { parseEventLogs, type TransactionReceipt } from 'viem';
import { coursesAbi } from '../chain/abi/generated';

/** The id of the course a confirmed `registerCourse` created (null if its receipt has no CourseRegistered). */
export function courseIdFrom(receipt: TransactionReceipt): bigint | null {
	const [registered] = parseEventLogs({ abi: coursesAbi, eventName: 'CourseRegistered', logs: receipt.logs });
	return registered?.args.courseId ?? null;
}

/** The version number a confirmed `publishVersion` recorded (null if its receipt has no CourseVersionPublished). */
export function versionFrom(receipt: TransactionReceipt): number | null {
	const [published] = parseEventLogs({ abi: coursesAbi, eventName: 'CourseVersionPublished', logs: receipt.logs });
	return published?.args.version ?? null;
}

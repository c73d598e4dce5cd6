// Reads of the shared Courses contract: a union's courses (CourseRegistered logs), each course's
// latest content CID (CourseVersionPublished logs), a member's enrolment and credential, completion
// requests waiting for the author, and a member's credentials (for the profile page).
import type { Address } from 'viem';
import { coursesAbi, unionAbi, unionTokenAbi } from '$lib/chain/abi/generated';
import { contractAddress } from '$lib/chain/contracts';
import { read, type ReadContext } from '$lib/chain/read';

export interface CourseOnChain {
	id: bigint;
	union: Address;
	author: Address;
	token: Address;
	price: bigint;
	authorShareBps: number;
	autoIssue: boolean;
	version: number;
	manifest: string;
	/** Directory CID of every version, oldest first; the last is current. */
	versions: string[];
}

export interface Credential {
	courseId: bigint;
	union: Address;
	manifest: string;
	issuedAt: bigint;
	issuer: Address;
	credentialId: bigint;
}

export function coursesAddress(): Address {
	return contractAddress('courses');
}

async function versionsOf({ client, events }: ReadContext, ids: readonly bigint[]): Promise<Map<bigint, string[]>> {
	const logs = await events((range) =>
		client.getContractEvents({
			address: coursesAddress(),
			abi: coursesAbi,
			eventName: 'CourseVersionPublished',
			args: { courseId: [...ids] },
			...range,
			strict: true
		})
	);
	const out = new Map<bigint, string[]>();
	for (const l of logs) {
		const list = out.get(l.args.courseId) ?? [];
		list[l.args.version - 1] = l.args.contentCid;
		out.set(l.args.courseId, list);
	}
	return out;
}

export function readCourse(id: bigint): Promise<CourseOnChain> {
	return read(async (ctx) => {
		const { client } = ctx;
		const c = await client.readContract({ address: coursesAddress(), abi: coursesAbi, functionName: 'getCourse', args: [id] });
		const versions = (await versionsOf(ctx, [id])).get(id) ?? [];
		return { id, ...c, versions };
	});
}

/** Every course registered in `union`, newest first. */
export function listCourses(union: Address): Promise<CourseOnChain[]> {
	return read(async (ctx) => {
		const { client, events } = ctx;
		const logs = await events((range) =>
			client.getContractEvents({
				address: coursesAddress(),
				abi: coursesAbi,
				eventName: 'CourseRegistered',
				args: { union },
				...range,
				strict: true
			})
		);
		const ids = logs.map((l) => l.args.courseId);
		if (ids.length === 0) return [];
		const [courses, versions] = await Promise.all([
			Promise.all(ids.map((id) => client.readContract({ address: coursesAddress(), abi: coursesAbi, functionName: 'getCourse', args: [id] }))),
			versionsOf(ctx, ids)
		]);
		return ids.map((id, i) => ({ id, ...courses[i]!, versions: versions.get(id) ?? [] })).reverse();
	});
}

export interface Standing {
	enrolled: boolean;
	credentialIssuedAt: bigint;
	isMember: boolean;
	balance: bigint;
}

export function courseStanding(course: CourseOnChain, account: Address): Promise<Standing> {
	return read(async ({ client }) => {
		const address = coursesAddress();
		const [enrolled, credentialIssuedAt, isMember, balance] = await Promise.all([
			client.readContract({ address, abi: coursesAbi, functionName: 'isEnrolled', args: [course.id, account] }),
			client.readContract({ address, abi: coursesAbi, functionName: 'credentialIssuedAt', args: [course.id, account] }),
			client.readContract({ address: course.union, abi: unionAbi, functionName: 'isMember', args: [account] }),
			client.readContract({ address: course.token, abi: unionTokenAbi, functionName: 'balanceOf', args: [account] })
		]);
		return { enrolled, credentialIssuedAt, isMember, balance };
	});
}

/** Members who submitted completion and hold no credential yet (for the author's "issue" list). */
export function pendingCompletions(courseId: bigint): Promise<Address[]> {
	return read(async ({ client, events }) => {
		const address = coursesAddress();
		const logs = await events((range) =>
			client.getContractEvents({
				address,
				abi: coursesAbi,
				eventName: 'CompletionSubmitted',
				args: { courseId },
				...range,
				strict: true
			})
		);
		const members = [...new Set(logs.map((l) => l.args.member))];
		const issued = await Promise.all(
			members.map((m) => client.readContract({ address, abi: coursesAbi, functionName: 'credentialIssuedAt', args: [courseId, m] }))
		);
		return members.filter((_, i) => issued[i] === 0n);
	});
}

/** The completion credentials `member` holds, each checked against `credentialIssuedAt`. */
export function credentialsOf(member: Address): Promise<Credential[]> {
	return read(async ({ client, events }) => {
		const address = coursesAddress();
		const logs = await events((range) =>
			client.getContractEvents({
				address,
				abi: coursesAbi,
				eventName: 'CredentialIssued',
				args: { member },
				...range,
				strict: true
			})
		);
		return Promise.all(
			logs.map(async (l) => {
				const [course, issuedAt] = await Promise.all([
					client.readContract({ address, abi: coursesAbi, functionName: 'getCourse', args: [l.args.courseId] }),
					client.readContract({ address, abi: coursesAbi, functionName: 'credentialIssuedAt', args: [l.args.courseId, member] })
				]);
				return { courseId: l.args.courseId, union: course.union, manifest: course.manifest, issuedAt, issuer: l.args.issuer, credentialId: l.args.credentialId };
			})
		);
	});
}

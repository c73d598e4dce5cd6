// Reads of the shared Courses contract: a union's courses (CourseRegistered logs), each course's
// latest content CID (CourseVersionPublished logs), a member's enrolment and credential, completion
// requests waiting for the author, and a member's credentials (for the profile page).
import type { Address } from 'viem';
import { getConfig } from '$lib/config';
import { coursesAbi, unionAbi, unionTokenAbi } from '$lib/chain/abi/generated';
import { getPublicClient } from '$lib/chain/client';
import { ChainActionError, toChainActionError } from '$lib/chain/errors';
import { errorContext } from '$lib/chain/write';
import { chunkedEvents } from '../sync/chunkedEvents';

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
	const a = getConfig().contracts.courses;
	if (!a) throw new ChainActionError('Courses are not deployed on this network (config.json contracts.courses is missing)');
	return a;
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof ChainActionError) throw e;
		throw toChainActionError(e, errorContext());
	}
}

const fromBlock = (): bigint => BigInt(getConfig().contracts.deployBlock);

async function versionsOf(ids: readonly bigint[]): Promise<Map<bigint, string[]>> {
	const client = await getPublicClient();
	const logs = await chunkedEvents(client, fromBlock(), (range) =>
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
	return guarded(async () => {
		const client = await getPublicClient();
		const c = await client.readContract({ address: coursesAddress(), abi: coursesAbi, functionName: 'getCourse', args: [id] });
		const versions = (await versionsOf([id])).get(id) ?? [];
		return { id, ...c, versions };
	});
}

/** Every course registered in `union`, newest first. */
export function listCourses(union: Address): Promise<CourseOnChain[]> {
	return guarded(async () => {
		const client = await getPublicClient();
		const logs = await chunkedEvents(client, fromBlock(), (range) =>
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
			versionsOf(ids)
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
	return guarded(async () => {
		const client = await getPublicClient();
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
	return guarded(async () => {
		const client = await getPublicClient();
		const address = coursesAddress();
		const logs = await chunkedEvents(client, fromBlock(), (range) =>
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
	return guarded(async () => {
		const client = await getPublicClient();
		const address = coursesAddress();
		const logs = await chunkedEvents(client, fromBlock(), (range) =>
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

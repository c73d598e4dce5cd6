// The verifiable bundle of a demand: its text CID, every live commitment signature and the EIP-712 domain
// they were signed under. Anyone can check the signatures offline (no site, no RPC) with
// `verifyBundleSignatures`; `verifyBundleMembership` adds the one fact that needs a chain: every signer was a
// member of the union at the block the demand became active.
// This module imports nothing from the app (no config, no clients) so a script or another site can reuse it.
import { isAddress, isHex, verifyTypedData, type Address, type Hex, type PublicClient } from 'viem';
import { COMMITMENT_TYPES, DOMAIN_NAME, DOMAIN_VERSION, commitmentTypedData, type CommitmentDomain } from './typedData';

export const BUNDLE_FORMAT = 'network-union/demand-bundle@1';

export interface DemandBundle {
	format: typeof BUNDLE_FORMAT;
	domain: CommitmentDomain;
	primaryType: 'Commitment';
	types: typeof COMMITMENT_TYPES;
	demand: {
		/** Decimal strings: JSON has no bigint. */
		id: string;
		union: Address;
		textCid: string;
		target: string;
		threshold: number;
		deadline: number;
		/** Block the threshold was reached in (null: not active, the bundle cannot prove a threshold). */
		activatedBlock: string | null;
	};
	commitments: { member: Address; nonce: string; signature: Hex }[];
}

export interface BundleInput {
	domain: CommitmentDomain;
	demand: { id: bigint; union: Address; textCid: string; target: string; threshold: number; deadline: number; activatedBlock: bigint | null };
	commitments: readonly { member: Address; nonce: bigint; signature: Hex }[];
}

export function makeBundle(input: BundleInput): DemandBundle {
	const d = input.demand;
	return {
		format: BUNDLE_FORMAT,
		domain: input.domain,
		primaryType: 'Commitment',
		types: COMMITMENT_TYPES,
		demand: {
			id: d.id.toString(),
			union: d.union,
			textCid: d.textCid,
			target: d.target,
			threshold: d.threshold,
			deadline: d.deadline,
			activatedBlock: d.activatedBlock === null ? null : d.activatedBlock.toString()
		},
		commitments: input.commitments.map((c) => ({ member: c.member, nonce: c.nonce.toString(), signature: c.signature }))
	};
}

export class BundleFormatError extends Error {
	constructor(problem: string) {
		super(`Not a demand bundle: ${problem}`);
		this.name = 'BundleFormatError';
	}
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDecimal = (v: unknown): v is string => typeof v === 'string' && /^\d+$/.test(v);

/** Validates parsed JSON as a bundle (shape only; `verifyBundleSignatures` checks the cryptography). */
export function parseBundle(raw: unknown): DemandBundle {
	if (!isObj(raw)) throw new BundleFormatError('expected a JSON object');
	if (raw.format !== BUNDLE_FORMAT) throw new BundleFormatError(`format must be "${BUNDLE_FORMAT}"`);
	const domain = raw.domain;
	if (!isObj(domain) || typeof domain.name !== 'string' || typeof domain.version !== 'string' || typeof domain.chainId !== 'number' || !isAddress(String(domain.verifyingContract)))
		throw new BundleFormatError('domain must have name, version, chainId and verifyingContract');
	const d = raw.demand;
	if (!isObj(d) || !isDecimal(d.id) || !isAddress(String(d.union)) || typeof d.textCid !== 'string' || typeof d.target !== 'string' || typeof d.threshold !== 'number' || typeof d.deadline !== 'number')
		throw new BundleFormatError('demand must have id, union, textCid, target, threshold and deadline');
	if (d.activatedBlock !== null && !isDecimal(d.activatedBlock)) throw new BundleFormatError('demand.activatedBlock must be a decimal string or null');
	if (!Array.isArray(raw.commitments)) throw new BundleFormatError('commitments must be an array');
	const commitments = raw.commitments.map((c, i) => {
		if (!isObj(c) || !isAddress(String(c.member)) || !isDecimal(c.nonce) || typeof c.signature !== 'string' || !isHex(c.signature))
			throw new BundleFormatError(`commitment ${i} must have member, nonce and a hex signature`);
		return { member: c.member as Address, nonce: c.nonce, signature: c.signature as Hex };
	});
	return {
		format: BUNDLE_FORMAT,
		domain: { name: domain.name, version: domain.version, chainId: domain.chainId, verifyingContract: domain.verifyingContract as Address },
		primaryType: 'Commitment',
		types: COMMITMENT_TYPES,
		demand: {
			id: d.id,
			union: d.union as Address,
			textCid: d.textCid,
			target: d.target,
			threshold: d.threshold,
			deadline: d.deadline,
			activatedBlock: d.activatedBlock as string | null
		},
		commitments
	};
}

export interface SignatureCheck {
	member: Address;
	valid: boolean;
}

export interface SignatureReport {
	ok: boolean;
	/** Distinct members whose signature verifies. */
	validMembers: number;
	threshold: number;
	checks: SignatureCheck[];
	problems: string[];
}

/**
 * Offline: every signature must be its member's over (union, demand id, member, text CID, nonce) under the
 * bundle's domain, and at least `threshold` distinct members must have signed. EOA signatures only (an ERC-1271
 * wallet's signature needs the chain: `verifyBundleMembership` reports it as not verifiable offline).
 */
export async function verifyBundleSignatures(bundle: DemandBundle): Promise<SignatureReport> {
	const problems: string[] = [];
	if (bundle.domain.name !== DOMAIN_NAME || bundle.domain.version !== DOMAIN_VERSION)
		problems.push(`domain is "${bundle.domain.name}" v${bundle.domain.version}, expected "${DOMAIN_NAME}" v${DOMAIN_VERSION}`);
	const checks = await Promise.all(
		bundle.commitments.map(async (c): Promise<SignatureCheck> => {
			const typed = commitmentTypedData(bundle.domain, {
				union: bundle.demand.union,
				demandId: BigInt(bundle.demand.id),
				member: c.member,
				textCid: bundle.demand.textCid,
				nonce: BigInt(c.nonce)
			});
			const valid = await verifyTypedData({ address: c.member, signature: c.signature, ...typed }).catch(() => false);
			return { member: c.member, valid };
		})
	);
	const bad = checks.filter((c) => !c.valid);
	for (const b of bad) problems.push(`signature of ${b.member} does not match this demand`);
	const validMembers = new Set(checks.filter((c) => c.valid).map((c) => c.member.toLowerCase())).size;
	if (validMembers < bundle.demand.threshold) problems.push(`${validMembers} valid signatures, the threshold is ${bundle.demand.threshold}`);
	return { ok: problems.length === 0, validMembers, threshold: bundle.demand.threshold, checks, problems };
}

export interface MembershipReport {
	ok: boolean;
	/** Valid signers who were members at the activation block. */
	membersAtActivation: number;
	problems: string[];
}

const isMemberAbi = [
	{ type: 'function', name: 'isMember', stateMutability: 'view', inputs: [{ name: 'account', type: 'address' }], outputs: [{ type: 'bool' }] }
] as const;

/** With any RPC of the bundle's chain: each signer was a member at the activation block, and they reach N. */
export async function verifyBundleMembership(bundle: DemandBundle, client: PublicClient): Promise<MembershipReport> {
	const problems: string[] = [];
	if (bundle.demand.activatedBlock === null) return { ok: false, membersAtActivation: 0, problems: ['the demand has not reached its threshold'] };
	const chainId = await client.getChainId();
	if (chainId !== bundle.domain.chainId) problems.push(`the RPC is chain ${chainId}, the bundle is for chain ${bundle.domain.chainId}`);
	const blockNumber = BigInt(bundle.demand.activatedBlock);
	const flags = await Promise.all(
		bundle.commitments.map((c) =>
			client.readContract({ address: bundle.demand.union, abi: isMemberAbi, functionName: 'isMember', args: [c.member], blockNumber })
		)
	);
	const members = new Set<string>();
	bundle.commitments.forEach((c, i) => {
		if (flags[i]) members.add(c.member.toLowerCase());
		else problems.push(`${c.member} was not a member at block ${blockNumber}`);
	});
	if (members.size < bundle.demand.threshold) problems.push(`${members.size} members signed, the threshold is ${bundle.demand.threshold}`);
	return { ok: problems.length === 0, membersAtActivation: members.size, problems };
}

// The factory's createUnion parameters for the seed-free set-ups (bench, e2e fixtures, unit tests): one
// place holds the defaults, each caller names only what its union needs to differ in.
import { parseEther, type ContractFunctionArgs } from 'viem';
import type { unionFactoryAbi } from '../../web/lib/chain/abi/generated.ts';

/** createUnion's one argument, as viem types it from the factory ABI. */
export type CreateUnionParams = ContractFunctionArgs<typeof unionFactoryAbi, 'nonpayable', 'createUnion'>[0];

export const TEST_CHARTER_CID = 'bafkreidbnmlfcqeqeuq6atyhfdmb5hvdxuzarqqc34c2emjxv2tpxvpw5y';

/** What a caller may change: any field, with `governance` and `trust` merged key by key into the defaults. */
export type UnionParamsOverrides = Partial<Omit<CreateUnionParams, 'governance' | 'trust'>> & {
  name: string;
  governance?: Partial<CreateUnionParams['governance']>;
  trust?: Partial<CreateUnionParams['trust']>;
};

/**
 * An Open union named `name`, token "`name` Token" (TST) with a join grant of 100, no treasury, no
 * allocations, no founding members, governance after 1 s for an hour at a 4% quorum with a 60 s timelock,
 * and one vouch to trust; `overrides` replace any of it.
 */
export function unionParams(overrides: UnionParamsOverrides): CreateUnionParams {
  const { governance, trust, ...rest } = overrides;
  return {
    charterCid: TEST_CHARTER_CID,
    admissionRule: 0,
    tokenName: `${overrides.name} Token`,
    tokenSymbol: 'TST',
    joinGrant: parseEther('100'),
    treasuryReserve: 0n,
    allocations: [],
    vesting: { start: 0n, cliff: 0n, duration: 1n },
    foundingMembers: [],
    ...rest,
    governance: { votingDelay: 1, votingPeriod: 3600, proposalThreshold: 0n, quorumPercent: 4n, timelockDelay: 60n, ...governance },
    trust: { vouchThreshold: 1, inviteQuota: 5, invitePeriod: 30n * 86400n, ...trust },
  };
}

// Seeds the demo union on the local chain: a founder creates it with a charter on IPFS and one founding
// member (Ben), a member joins under the open rule and a third through Ben's EIP-712 invite; trust reaches
// the newcomers through a realistic backing graph (two trusted vouches each, one back-and-follow), and each
// gets a Ceramic profile written
// under their own did:pkh — the same paths a member takes in the browser. Then the feed, the market,
// an open proposal with votes and, where the network has the contracts (and the course model), a
// collective demand with two commitments and a free course (seed/*.ts). Idempotent: a seeded chain
// (the record in the data folder, with code at its address) is left as it is.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getAddress, parseEther, zeroAddress as ZERO, type Address } from 'viem';
import { unionAbi, unionFactoryAbi } from '../../web/lib/chain/abi/generated.ts';
import { jsonRpcProvider } from './ceramic/eip1193.ts';
import { writeProfile, type ProfileContent } from './ceramic/writeProfile.ts';
import { addFiles } from './ipfs/client.ts';
import { localChain, send, signInvite, unionContractsIn, unlockedAccounts } from '../lib/localChain.ts';
import { seedPosts } from './seed/posts.ts';
import { seedMarket } from './seed/market.ts';
import { seedProposal, seedVotes } from './seed/governance.ts';
import { seedDemand } from './seed/demands.ts';
import { seedCourse } from './seed/courses.ts';
import { seedSponsorship } from './seed/sponsorship.ts';

export interface SeedParams {
  rpcUrl: string;
  ceramicUrl: string;
  ipfsApiUrl: string;
  profileModel: string;
  /** Post and reply models; when given, the demo feed gets a few posts (scripts/stack/seed/posts.ts). */
  postModels?: { post: string; reply: string };
  /** Market listing models and the arbiter registry (seed/market.ts). */
  serviceModel: string;
  jobModel: string;
  arbiters: Address | null;
  /** Shared Demands contract (seed/demands.ts); null or absent: no demo demand. */
  demands?: Address | null;
  /** Shared Courses contract and the course model (seed/courses.ts); either missing: no demo course. */
  courses?: Address | null;
  courseModel?: string;
  unionFactory: Address;
  dataDir: string;
  /** The shared paymaster (issue 15); absent or zero: the demo union does not sponsor gas. */
  paymaster?: Address;
  crowdfund?: Address | null;
}

export interface SeedResult {
  union: Address;
  members: Address[];
}

/** Which of anvil's unlocked accounts (by index) play the demo; tests act with accounts 4 and up. */
export const DEMO_ROLES = { founder: 0, openJoiner1: 1, openJoiner2: 2, invitee: 3 } as const;
type Role = keyof typeof DEMO_ROLES;

const PROFILES: Record<Role, ProfileContent> = {
  founder: { name: 'Ada Founder', bio: 'Started this union so that freelance translators can bargain, hire and learn together.', links: ['https://example.org/ada'] },
  openJoiner1: { name: 'Ben Okafor', bio: 'Legal translator, French and Igbo.', links: [] },
  openJoiner2: { name: 'Chen Wei', bio: 'Subtitles and localisation.', links: [] },
  invitee: { name: 'Dara Silva', bio: 'Invited by Ben. Portuguese medical translation.', links: [] },
};

const CHARTER = `# The Translators' Union

We are freelance translators who would rather build a shared economy than compete alone.

## What we do
- **Back** the members we trust to lead; leadership is whoever the membership backs.
- **Hire** each other, paying in our own token through escrow.
- **Fund** the tools and glossaries we all use.
- **Bargain** together with the platforms that sell our work.

## Admission
Open to anyone who works as a translator. Joining lets you post, list services and be hired; a vote, and the
100 TRU membership grant, come once two trusted members back you (an invite from a trusted member is one).
`;

export async function seedDemo(p: SeedParams): Promise<SeedResult> {
  const lc = localChain(p.rpcUrl);
  const recordFile = join(p.dataDir, 'seed.json');
  const previous = await readRecord(recordFile);
  if (previous && (await lc.client.getCode({ address: previous.union }))) return previous;

  const unlocked = await unlockedAccounts(lc);
  const accounts = Object.fromEntries(
    (Object.entries(DEMO_ROLES) as [Role, number][]).map(([role, index]) => [role, getAddress(unlocked[index] ?? '0x')]),
  ) as Record<Role, Address>;
  const [charter] = await addFiles(p.ipfsApiUrl, [{ path: 'charter.md', content: CHARTER }]);
  if (!charter) throw new Error('IPFS add returned nothing for the charter');

  const now = BigInt(Math.floor(Date.now() / 1000));
  const created = await send(lc, accounts.founder, {
    address: p.unionFactory,
    abi: unionFactoryAbi,
    functionName: 'createUnion',
    args: [
      {
        name: "The Translators' Union",
        charterCid: charter.Hash,
        admissionRule: 0,
        tokenName: 'Translators Union Token',
        tokenSymbol: 'TRU',
        joinGrant: parseEther('100'),
        treasuryReserve: parseEther('1000000'),
        allocations: [
          { beneficiary: accounts.founder, amount: parseEther('200000') },
          { beneficiary: accounts.openJoiner1, amount: parseEther('50000') },
        ],
        vesting: { start: now, cliff: 180n * 86400n, duration: 730n * 86400n },
        governance: { votingDelay: 60, votingPeriod: 3 * 86400, proposalThreshold: 0n, quorumPercent: 4n, timelockDelay: 86400n },
        foundingMembers: [accounts.openJoiner1],
        trust: { vouchThreshold: 2, inviteQuota: 5, invitePeriod: 30n * 86400n },
      },
    ],
  });
  const { union, token, governor } = unionContractsIn(created);
  if (p.paymaster && p.paymaster !== ZERO) {
    await seedSponsorship({
      rpcUrl: p.rpcUrl,
      paymaster: p.paymaster,
      steward: accounts.founder,
      union,
      governor,
      crowdfund: p.crowdfund ?? null,
      demands: p.demands ?? null,
      courses: p.courses ?? null,
    });
  }

  await send(lc, accounts.openJoiner2, { address: union, abi: unionAbi, functionName: 'join' });
  const invite = { inviter: accounts.openJoiner1, invitee: accounts.invitee, claimKey: ZERO, nonce: 1n, deadline: now + 86400n };
  const signature = await signInvite(lc, union, invite);
  // Ben's invite is his vouch for Dara (one of the two she needs)
  await send(lc, accounts.invitee, { address: union, abi: unionAbi, functionName: 'joinWithInvite', args: [invite, signature, '0x'] });
  // The backing graph: Ada and Ben vouch for Chen, Ada for Dara (her second vouch), Ben backs Ada, Dara backs
  // Chen, and Chen backs Ada and follows her (his votes go to Ada). Before the proposal, so its snapshot counts them.
  const backs: [Address, Address][] = [
    [accounts.founder, accounts.openJoiner2],
    [accounts.openJoiner1, accounts.openJoiner2],
    [accounts.founder, accounts.invitee],
    [accounts.openJoiner1, accounts.founder],
    [accounts.invitee, accounts.openJoiner2],
  ];
  for (const [backer, leader] of backs) await send(lc, backer, { address: union, abi: unionAbi, functionName: 'back', args: [leader] });
  await send(lc, accounts.openJoiner2, { address: union, abi: unionAbi, functionName: 'backAndFollow', args: [accounts.founder] });

  for (const [role, address] of Object.entries(accounts) as [Role, Address][]) {
    await writeProfile({
      ceramicUrl: p.ceramicUrl,
      profileModel: p.profileModel,
      provider: jsonRpcProvider(p.rpcUrl, address),
      address,
      profile: PROFILES[role],
    });
  }

  if (p.postModels) {
    await seedPosts({ rpcUrl: p.rpcUrl, ceramicUrl: p.ceramicUrl, models: p.postModels, union, authors: [accounts.founder, accounts.openJoiner1] });
  }
  await seedMarket({
    rpcUrl: p.rpcUrl,
    ceramicUrl: p.ceramicUrl,
    serviceModel: p.serviceModel,
    jobModel: p.jobModel,
    arbiters: p.arbiters,
    union,
    founder: accounts.founder,
    members: [accounts.openJoiner1, accounts.openJoiner2, accounts.invitee],
  });

  // Proposed before the other steps so their real time counts towards the 60 s voting delay.
  const proposal = await seedProposal({ rpcUrl: p.rpcUrl, ipfsApiUrl: p.ipfsApiUrl, governor, token, proposer: accounts.openJoiner1, recipient: accounts.openJoiner1 });
  if (p.demands) {
    await seedDemand({ rpcUrl: p.rpcUrl, ipfsApiUrl: p.ipfsApiUrl, demands: p.demands, union, creator: accounts.founder, committers: [accounts.founder, accounts.openJoiner2] });
  }
  if (p.courses && p.courseModel) {
    await seedCourse({ rpcUrl: p.rpcUrl, ceramicUrl: p.ceramicUrl, ipfsApiUrl: p.ipfsApiUrl, courses: p.courses, courseModel: p.courseModel, union, author: accounts.openJoiner2 });
  }
  await seedVotes(p.rpcUrl, proposal, [
    { voter: accounts.founder, support: 1, reason: 'One glossary saves every one of us hours a month.' },
    { voter: accounts.openJoiner1, support: 1, reason: '' },
    { voter: accounts.invitee, support: 2, reason: 'Good idea; I would like medical terms in the next round.' },
  ]);

  const result: SeedResult = { union, members: Object.values(accounts) };
  await writeFile(recordFile, JSON.stringify(result, null, 2) + '\n');
  return result;
}

async function readRecord(file: string): Promise<SeedResult | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as SeedResult;
  } catch {
    return null;
  }
}

// Seeds the demo union on the local chain: a founder creates it with a charter on IPFS, two members
// join under the open rule, a third through an EIP-712 invite, and each gets a Ceramic profile written
// under their own did:pkh — the same paths a member takes in the browser. Idempotent: a seeded chain
// (the record in the data folder, with code at its address) is left as it is.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getAddress, createPublicClient, createWalletClient, http, parseEther, parseEventLogs, type Address, type PublicClient } from 'viem';
import { foundry } from 'viem/chains';
import { unionAbi, unionFactoryAbi } from '../../web/lib/chain/abi/generated.ts';
import { INVITE_TYPES } from '../../web/lib/chain/invite.ts';
import { jsonRpcProvider } from './ceramic/eip1193.ts';
import { writeProfile, type ProfileContent } from './ceramic/writeProfile.ts';
import { addFiles } from './ipfs/client.ts';

export interface SeedParams {
  rpcUrl: string;
  ceramicUrl: string;
  ipfsApiUrl: string;
  profileModel: string;
  unionFactory: Address;
  dataDir: string;
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
Open to anyone who works as a translator. Membership grants 100 TRU.
`;

export async function seedDemo(p: SeedParams): Promise<SeedResult> {
  const chain = { ...foundry, rpcUrls: { default: { http: [p.rpcUrl] } } };
  const publicClient = createPublicClient({ chain, transport: http(p.rpcUrl) });
  const recordFile = join(p.dataDir, 'seed.json');
  const previous = await readRecord(recordFile);
  if (previous && (await publicClient.getCode({ address: previous.union }))) return previous;

  const unlocked = await createWalletClient({ chain, transport: http(p.rpcUrl) }).getAddresses();
  const accounts = Object.fromEntries(
    (Object.entries(DEMO_ROLES) as [Role, number][]).map(([role, index]) => [role, getAddress(unlocked[index] ?? '0x')]),
  ) as Record<Role, Address>;
  const wallet = (account: Address) => createWalletClient({ account, chain, transport: http(p.rpcUrl) });
  const [charter] = await addFiles(p.ipfsApiUrl, [{ path: 'charter.md', content: CHARTER }]);
  if (!charter) throw new Error('IPFS add returned nothing for the charter');

  const now = BigInt(Math.floor(Date.now() / 1000));
  const founder = wallet(accounts.founder);
  const createHash = await founder.writeContract({
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
      },
    ],
  });
  const union = unionFrom(await receipt(publicClient, createHash));

  for (const member of [accounts.openJoiner1, accounts.openJoiner2]) {
    await receipt(publicClient, await wallet(member).writeContract({ address: union, abi: unionAbi, functionName: 'join' }));
  }
  await joinByInvite(publicClient, union, accounts.openJoiner1, wallet(accounts.invitee));

  for (const [role, address] of Object.entries(accounts) as [Role, Address][]) {
    await writeProfile({
      ceramicUrl: p.ceramicUrl,
      profileModel: p.profileModel,
      provider: jsonRpcProvider(p.rpcUrl, address),
      address,
      profile: PROFILES[role],
    });
  }

  const result: SeedResult = { union, members: Object.values(accounts) };
  await writeFile(recordFile, JSON.stringify(result, null, 2) + '\n');
  return result;
}

async function joinByInvite(
  publicClient: PublicClient,
  union: Address,
  inviter: Address,
  invitee: ReturnType<typeof createWalletClient>,
): Promise<void> {
  const account = invitee.account;
  if (!account) throw new Error('invitee wallet has no account');
  const invite = { inviter, invitee: account.address, nonce: 1n, deadline: BigInt(Math.floor(Date.now() / 1000) + 86400) };
  const inviterWallet = createWalletClient({ account: inviter, chain: invitee.chain, transport: http(publicClient.transport.url as string) });
  const signature = await inviterWallet.signTypedData({
    domain: { name: 'Network Union', version: '1', chainId: publicClient.chain?.id ?? 31337, verifyingContract: union },
    types: INVITE_TYPES,
    primaryType: 'Invite',
    message: invite,
  });
  const hash = await invitee.writeContract({ address: union, abi: unionAbi, functionName: 'joinWithInvite', args: [invite, signature], account, chain: invitee.chain });
  await receipt(publicClient, hash);
}

async function receipt(client: PublicClient, hash: `0x${string}`) {
  const r = await client.waitForTransactionReceipt({ hash });
  if (r.status !== 'success') throw new Error(`seed transaction ${hash} reverted`);
  return r;
}

function unionFrom(r: Awaited<ReturnType<typeof receipt>>): Address {
  const [created] = parseEventLogs({ abi: unionFactoryAbi, logs: r.logs, eventName: 'UnionCreated' });
  if (!created) throw new Error('createUnion emitted no UnionCreated event');
  return created.args.union;
}

async function readRecord(file: string): Promise<SeedResult | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as SeedResult;
  } catch {
    return null;
  }
}

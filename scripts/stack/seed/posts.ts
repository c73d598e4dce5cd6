// Demo posts for the seeded union: two members post and one replies, each as their own did:pkh
// session (one SIWE signature by anvil for the unlocked account), so the demo feed is not empty on
// first start. Content is checked against the same schemas the web app validates with on read.
import { CeramicClient } from '@ceramicnetwork/http-client';
import { ModelInstanceDocument } from '@ceramicnetwork/stream-model-instance';
import { StreamID } from '@ceramicnetwork/streamid';
import { EthereumNodeAuth, getAccountId } from '@didtools/pkh-ethereum';
import { DIDSession } from 'did-session';
import type { Address } from 'viem';
import { postSchema, replySchema } from '../../../web/lib/social/schema.ts';
import { describeIssues, validate, type JsonSchema } from '../../../web/lib/ceramic/validate.ts';
import { jsonRpcProvider } from '../ceramic/eip1193.ts';

export interface SeedPostsParams {
  rpcUrl: string;
  ceramicUrl: string;
  models: { post: string; reply: string };
  union: Address;
  /** [first author, second author, who also replies to the first post of the second] */
  authors: [Address, Address];
}

async function signIn(p: SeedPostsParams, address: Address): Promise<CeramicClient> {
  const provider = jsonRpcProvider(p.rpcUrl, address);
  const auth = await EthereumNodeAuth.getAuthMethod(provider, await getAccountId(provider, address), 'network-union');
  const session = await DIDSession.authorize(auth, { resources: ['ceramic://*'] });
  const ceramic = new CeramicClient(p.ceramicUrl);
  ceramic.did = session.did;
  return ceramic;
}

async function create(ceramic: CeramicClient, model: string, schema: unknown, content: Record<string, unknown>): Promise<string> {
  const issues = validate(schema as JsonSchema, content);
  if (issues.length > 0) throw new Error(`demo document is invalid: ${describeIssues(issues)}`);
  const doc = await ModelInstanceDocument.create(ceramic, content, { model: StreamID.fromString(model) });
  return doc.id.toString();
}

export async function seedPosts(p: SeedPostsParams): Promise<void> {
  const union = p.union.toLowerCase();
  const [a, b] = p.authors.map((x) => x.toLowerCase());
  const [first, second] = await Promise.all(p.authors.map((x) => signIn(p, x)));
  try {
    await create(first!, p.models.post, postSchema, {
      union,
      author: a,
      title: 'Welcome to the union feed',
      body: 'Post here about **rates**, clients and tools. Markdown works; images go to IPFS.\n\nBack the members you trust on their profile page.',
      images: [],
      createdAt: new Date().toISOString(),
    });
    const post = await create(second!, p.models.post, postSchema, {
      union,
      author: b,
      title: 'Shared glossary for legal French',
      body: 'I started a glossary of court terms. Who wants to review the first 200 entries?',
      images: [],
      createdAt: new Date().toISOString(),
    });
    await create(first!, p.models.reply, replySchema, {
      post,
      union,
      author: a,
      body: 'Count me in — I can take the criminal procedure section.',
      createdAt: new Date().toISOString(),
    });
  } finally {
    await Promise.all([first?.close(), second?.close()]);
  }
}

// Writes a member's profile as a did:pkh (SIWE) session, the way the web app does with a wallet:
// one personal_sign authorizes a did-session key, which then signs the Ceramic commits. Used by
// the seed script to give demo members profiles, and by the stack tests.
import { replaceSynced } from '../../../web/lib/ceramic/replace.ts';
import { CeramicClient } from '@ceramicnetwork/http-client';
import { ModelInstanceDocument } from '@ceramicnetwork/stream-model-instance';
import { StreamID } from '@ceramicnetwork/streamid';
import { EthereumNodeAuth, getAccountId } from '@didtools/pkh-ethereum';
import { DIDSession } from 'did-session';
import type { Eip1193Provider } from './eip1193.ts';

export interface ProfileContent {
  name: string;
  bio?: string;
  avatarCid?: string;
  links?: string[];
}

export interface WriteProfileParams {
  ceramicUrl: string;
  /** Stream id of the NetworkUnionProfile model (from ensureModels). */
  profileModel: string;
  /** A provider that answers personal_sign for `address` (e.g. jsonRpcProvider(anvilUrl)). */
  provider: Eip1193Provider;
  address: string;
  profile: ProfileContent;
  /** SIWE domain recorded in the capability; the browser uses its hostname instead. */
  appName?: string;
}

export interface WrittenProfile {
  streamId: string;
  /** did:pkh:eip155:<chainId>:<lowercase address> — the document's controller. */
  did: string;
}

export async function writeProfile(p: WriteProfileParams): Promise<WrittenProfile> {
  // CAIP-10 account id; the chain id comes from the provider (eth_chainId).
  const accountId = await getAccountId(p.provider, p.address);
  // EthereumWebAuth needs `window.location`; in Node the same SIWE flow takes an app name instead.
  const authMethod = await EthereumNodeAuth.getAuthMethod(p.provider, accountId, p.appName ?? 'network-union');
  const session = await DIDSession.authorize(authMethod, { resources: ['ceramic://*'] });
  const ceramic = new CeramicClient(p.ceramicUrl);
  ceramic.did = session.did;
  try {
    // SINGLE relation: the document id is derived from (model, controller), so `single` finds the
    // existing profile or makes an empty one, and `replace` sets the content either way.
    const doc = await ModelInstanceDocument.single<ProfileContent>(ceramic, {
      model: StreamID.fromString(p.profileModel),
      controller: session.did.parent,
    });
    await replaceSynced(doc, () => p.profile);
    return { streamId: doc.id.toString(), did: session.did.parent };
  } finally {
    await ceramic.close();
  }
}

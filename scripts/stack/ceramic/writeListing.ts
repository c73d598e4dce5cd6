// Publishes a market listing (service or job) as a member's did:pkh session, the way the web app does
// (web/lib/market/listings.ts). Used by the demo seed (also for its course manifest, a document of
// another model written the same way) and the market e2e fixtures.
import { CeramicClient } from '@ceramicnetwork/http-client';
import { ModelInstanceDocument } from '@ceramicnetwork/stream-model-instance';
import { StreamID } from '@ceramicnetwork/streamid';
import { EthereumNodeAuth, getAccountId } from '@didtools/pkh-ethereum';
import { DIDSession } from 'did-session';
import type { Eip1193Provider } from './eip1193.ts';

export interface WriteListingParams {
  ceramicUrl: string;
  /** Stream id of the service or job model. */
  model: string;
  provider: Eip1193Provider;
  address: string;
  /** Content already valid against the model's schema (Ceramic rejects anything else). */
  content: Record<string, unknown>;
}

/** Creates the listings in order under one session; returns their stream ids. */
export async function writeListings(p: Omit<WriteListingParams, 'content' | 'model'>, docs: Array<{ model: string; content: Record<string, unknown> }>): Promise<string[]> {
  const accountId = await getAccountId(p.provider, p.address);
  const authMethod = await EthereumNodeAuth.getAuthMethod(p.provider, accountId, 'network-union');
  const session = await DIDSession.authorize(authMethod, { resources: ['ceramic://*'] });
  const ceramic = new CeramicClient(p.ceramicUrl);
  ceramic.did = session.did;
  try {
    const ids: string[] = [];
    for (const doc of docs) {
      const created = await ModelInstanceDocument.create(ceramic, doc.content, { model: StreamID.fromString(doc.model), controller: session.did.parent });
      ids.push(created.id.toString());
    }
    return ids;
  } finally {
    await ceramic.close();
  }
}

// The Ceramic service (js-ceramic 6.11 + in-process js-ipfs) as one real node for this file:
// models created and indexed by the admin DID, a wallet (did:pkh via anvil's personal_sign)
// writing a profile that a DID-less client reads and finds through the index, and a restart.
import './helpers.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AnchorStatus, EventType } from '@ceramicnetwork/common';
import { CeramicClient } from '@ceramicnetwork/http-client';
import { ModelInstanceDocument } from '@ceramicnetwork/stream-model-instance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDid } from '../../../scripts/stack/ceramic/admin-key.ts';
import { jsonRpcProvider } from '../../../scripts/stack/ceramic/eip1193.ts';
import { ensureModels, indexedModelIds, type ModelIds } from '../../../scripts/stack/ceramic/models.ts';
import { writeProfile, type WrittenProfile } from '../../../scripts/stack/ceramic/writeProfile.ts';
import { startAnvil, startCeramic, type AnvilHandle, type CeramicHandle } from '../../../scripts/stack/processes.ts';
import { tempDataDir } from './helpers.ts';
import { testPort } from '../ports.ts';

let data: Awaited<ReturnType<typeof tempDataDir>>;
let anvil: AnvilHandle;
let ceramic: CeramicHandle;
let models: ModelIds;
let written: WrittenProfile;
let member: string;

const env = (): Record<string, string> => ({
  NU_DATA_DIR: data.dir,
  NU_CERAMIC_PORT: testPort(17317),
  NU_CERAMIC_SWARM_PORT: testPort(14311),
  NU_ANVIL_PORT: testPort(18345),
});

beforeAll(async () => {
  data = await tempDataDir('ceramic');
  [anvil, ceramic] = await Promise.all([startAnvil(env()), startCeramic(env())]);
  const accounts = (await jsonRpcProvider(anvil.rpcUrl).request({ method: 'eth_accounts' })) as string[];
  member = accounts[1]!;
});

afterAll(async () => {
  await Promise.all([ceramic?.stop(), anvil?.stop()]);
  await data?.remove();
});

describe('ceramic service', () => {
  it('starts with the admin DID kept in the data dir', async () => {
    expect(ceramic.url).toBe(`http://127.0.0.1:${env().NU_CERAMIC_PORT}`);
    const seed = (await readFile(join(data.dir, 'ceramic', 'admin-seed'), 'utf8')).trim();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(ceramic.adminDid).toBe((await adminDid(data.dir)).id);
    const res = await fetch(`${ceramic.url}/api/v0/node/healthcheck`, { headers: { Origin: 'http://example.test' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://example.test');
  });

  it('creates the profile model once, caches its id and indexes it', async () => {
    models = await ensureModels(ceramic.url, data.dir);
    expect(models.profile).toMatch(/^kjz/);
    const cached = JSON.parse(await readFile(join(data.dir, 'ceramic', 'models.json'), 'utf8')) as ModelIds;
    expect(cached).toEqual(models);
    expect(await ensureModels(ceramic.url, data.dir)).toEqual(models);

    const admin = new CeramicClient(ceramic.url);
    admin.did = await adminDid(data.dir);
    expect(await indexedModelIds(admin)).toContain(models.profile);
  });

  it('lets a wallet (did:pkh) write a profile that anyone can read and query', async () => {
    written = await writeProfile({
      ceramicUrl: ceramic.url,
      profileModel: models.profile,
      provider: jsonRpcProvider(anvil.rpcUrl),
      address: member,
      profile: { name: 'Ada', bio: 'Founder', links: ['https://example.org/ada'] },
    });
    expect(written.did).toBe(`did:pkh:eip155:31337:${member.toLowerCase()}`);

    const reader = new CeramicClient(ceramic.url); // no DID: a visitor
    const doc = await ModelInstanceDocument.load(reader, written.streamId);
    expect(doc.content).toEqual({ name: 'Ada', bio: 'Founder', links: ['https://example.org/ada'] });
    expect(doc.metadata.controller).toBe(written.did);
    expect(doc.metadata.model.toString()).toBe(models.profile);

    const page = await reader.index.query({ model: models.profile, account: written.did, first: 5 });
    expect(page.edges).toHaveLength(1);
    expect(page.edges[0]?.node?.content).toEqual(doc.content);
  });

  it('updates the same SINGLE document on a second write, and rejects invalid content', async () => {
    const again = await writeProfile({
      ceramicUrl: ceramic.url,
      profileModel: models.profile,
      provider: jsonRpcProvider(anvil.rpcUrl),
      address: member,
      profile: { name: 'Ada L.', links: [] },
    });
    expect(again.streamId).toBe(written.streamId);
    const doc = await ModelInstanceDocument.load(new CeramicClient(ceramic.url), written.streamId);
    expect(doc.content).toEqual({ name: 'Ada L.', links: [] });

    await expect(
      writeProfile({
        ceramicUrl: ceramic.url,
        profileModel: models.profile,
        provider: jsonRpcProvider(anvil.rpcUrl),
        address: member,
        profile: { name: '' },
      }),
    ).rejects.toThrow(/Validation Error/);
  });

  it('anchors nothing, so edits a moment apart are all kept (no late anchor can take a branch over)', async () => {
    // An anchor landing after a newer update on the same tip wins conflict resolution and drops that
    // update (CI lost a reply's edit that way); the stack's node does not anchor (daemon.ts).
    const reader = new CeramicClient(ceramic.url);
    const edit = (name: string) =>
      writeProfile({ ceramicUrl: ceramic.url, profileModel: models.profile, provider: jsonRpcProvider(anvil.rpcUrl), address: member, profile: { name, links: [] } });
    await edit('Ada');
    await edit('Ada L.');
    await edit('Ada Lovelace');
    // Past the in-memory anchor service's old pass (a second): an anchor would have landed by now.
    await new Promise((r) => setTimeout(r, 2_500));
    const doc = await ModelInstanceDocument.load(reader, written.streamId);
    expect(doc.content).toEqual({ name: 'Ada Lovelace', links: [] });
    expect(AnchorStatus[doc.state.anchorStatus]).toBe('NOT_REQUESTED');
    expect(doc.state.log.some((e) => e.type === EventType.TIME)).toBe(false);
  });

  it('keeps models, index and documents across a restart', async () => {
    await ceramic.stop();
    expect((await ceramic.child.exited).code).toBe(0);
    ceramic = await startCeramic(env());
    expect(await ensureModels(ceramic.url, data.dir)).toEqual(models);
    const reader = new CeramicClient(ceramic.url);
    const doc = await ModelInstanceDocument.load(reader, written.streamId);
    expect(doc.content).toEqual({ name: 'Ada Lovelace', links: [] });
    const page = await reader.index.query({ model: models.profile, account: written.did, first: 5 });
    expect(page.edges[0]?.node?.content).toEqual({ name: 'Ada Lovelace', links: [] });
  });
});

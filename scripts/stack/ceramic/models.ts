// Creates the app's Model streams with the node's admin DID (once: their ids are cached in
// $NU_DATA_DIR/ceramic/models.json and reused after a restart) and makes the node index them, so
// `ceramic.index.query({ model, account })` works for the web app.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CeramicClient } from '@ceramicnetwork/http-client';
import { Model, type ModelDefinition } from '@ceramicnetwork/stream-model';
import type { StreamID } from '@ceramicnetwork/streamid';
import { profileModelDefinition } from '../../../web/lib/social/profileSchema.ts';
import { postModelDefinition, replyModelDefinition } from '../../../web/lib/social/schema.ts';
import { jobModelDefinition, serviceModelDefinition } from '../../../web/lib/market/schema.ts';
import { courseModelDefinition } from '../../../web/lib/courses/schema.ts';
import { adminDid } from './admin-key.ts';

export interface ModelIds {
  profile: string;
  post: string;
  reply: string;
  service: string;
  job: string;
  course: string;
}

/**
 * Definitions in creation order; a definition may name a model made before it (a reply's `post`
 * relation points at the post model), so each is built from the ids created so far.
 */
const DEFINITIONS: Record<keyof ModelIds, (ids: Partial<Record<keyof ModelIds, StreamID>>) => ModelDefinition> = {
  profile: () => profileModelDefinition as unknown as ModelDefinition,
  post: () => postModelDefinition as unknown as ModelDefinition,
  reply: (ids) => replyModelDefinition(String(ids.post)) as unknown as ModelDefinition,
  service: () => serviceModelDefinition as unknown as ModelDefinition,
  job: () => jobModelDefinition as unknown as ModelDefinition,
  course: () => courseModelDefinition as unknown as ModelDefinition,
};

export function modelsCachePath(dataDir: string): string {
  return join(dataDir, 'ceramic', 'models.json');
}

export async function ensureModels(ceramicUrl: string, dataDir: string): Promise<ModelIds> {
  const ceramic = new CeramicClient(ceramicUrl);
  ceramic.did = await adminDid(dataDir);
  const cached = await readCache(dataDir);
  const ids = {} as Record<keyof ModelIds, StreamID>;
  for (const key of Object.keys(DEFINITIONS) as Array<keyof ModelIds>) {
    ids[key] = await loadOrCreate(ceramic, DEFINITIONS[key](ids), cached?.[key]);
  }
  const indexed = new Set(await indexedModelIds(ceramic));
  const missing = Object.values(ids).filter((id) => !indexed.has(id.toString()));
  if (missing.length > 0) await ceramic.admin.startIndexingModels(missing);
  const result = {} as ModelIds;
  for (const key of Object.keys(ids) as Array<keyof ModelIds>) result[key] = ids[key].toString();
  if (JSON.stringify(result) !== JSON.stringify(cached)) {
    await writeFile(modelsCachePath(dataDir), JSON.stringify(result, null, 2) + '\n');
  }
  await ceramic.close();
  return result;
}

/**
 * Ids of the models the node indexes (needs the admin DID on `ceramic`). The 6.4 client is typed
 * to return StreamIDs but actually returns `{ streamID }` objects; accept both.
 */
export async function indexedModelIds(ceramic: CeramicClient): Promise<string[]> {
  const models = (await ceramic.admin.getIndexedModels()) as unknown as Array<StreamID | { streamID: StreamID }>;
  return models.map((m) => ('streamID' in m ? m.streamID : m).toString());
}

/**
 * Reuses the cached model if this node still has it with the same definition; otherwise creates
 * it (a wiped data dir or a changed schema gives a new model id).
 */
async function loadOrCreate(ceramic: CeramicClient, definition: ModelDefinition, cachedId: string | undefined): Promise<StreamID> {
  if (cachedId !== undefined) {
    try {
      const model = await Model.load(ceramic, cachedId);
      if (canonical(model.content) === canonical(definition)) return model.id;
    } catch {
      // Not on this node any more: fall through and create it again.
    }
  }
  const model = await Model.create(ceramic, definition);
  return model.id;
}

async function readCache(dataDir: string): Promise<Partial<ModelIds> | undefined> {
  try {
    return JSON.parse(await readFile(modelsCachePath(dataDir), 'utf8')) as Partial<ModelIds>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** JSON with sorted keys, so key order from a round-trip through the node does not matter. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

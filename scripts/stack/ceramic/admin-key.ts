// The node's admin DID: a did:key from a 32-byte Ed25519 seed created once and kept in
// $NU_DATA_DIR/ceramic/admin-seed (hex), so models created by it keep the same controller and the
// node keeps accepting its admin requests across restarts.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DID } from 'dids';
import { Ed25519Provider } from 'key-did-provider-ed25519';
import KeyResolver from 'key-did-resolver';

export function adminSeedPath(dataDir: string): string {
  return join(dataDir, 'ceramic', 'admin-seed');
}

export async function loadOrCreateAdminSeed(dataDir: string): Promise<Uint8Array> {
  const path = adminSeedPath(dataDir);
  try {
    const hex = (await readFile(path, 'utf8')).trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${path} must hold 64 hex characters (a 32-byte seed)`);
    return Uint8Array.from(Buffer.from(hex, 'hex'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const seed = randomBytes(32);
  await mkdir(dirname(path), { recursive: true });
  // 0600: this key administers the node; `wx` so two processes never overwrite each other's seed.
  await writeFile(path, seed.toString('hex') + '\n', { mode: 0o600, flag: 'wx' }).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  return loadOrCreateAdminSeed(dataDir);
}

export async function adminDid(dataDir: string): Promise<DID> {
  const seed = await loadOrCreateAdminSeed(dataDir);
  const did = new DID({ provider: new Ed25519Provider(seed), resolver: KeyResolver.getResolver() });
  await did.authenticate();
  return did;
}

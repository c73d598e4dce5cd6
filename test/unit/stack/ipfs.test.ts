// The IPFS service as a real child process: Helia node, gateway and Kubo-style RPC.
import './helpers.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CarReader } from '@ipld/car/reader';
import { exporter } from 'ipfs-unixfs-exporter';
import { CID } from 'multiformats/cid';
import { sha256 } from 'multiformats/hashes/sha2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFolder } from '../../../scripts/stack/ipfs/add-folder.ts';
import { addFiles, addFolderViaApi } from '../../../scripts/stack/ipfs/client.ts';
import { linksOf } from '../../../scripts/stack/ipfs/gateway/dag-walk.ts';
import { startIpfs, type IpfsHandle } from '../../../scripts/stack/processes.ts';
import { httpGet, tempDataDir } from './helpers.ts';
import { testPort } from '../ports.ts';

// Away from the defaults and the obvious test ports, so a developer's or another suite's stack can run beside.
const PORTS = { NU_GATEWAY_PORT: testPort(18380), NU_IPFS_API_PORT: testPort(15301), NU_IPFS_SWARM_PORT: testPort(14301), NU_IPFS_WS_PORT: testPort(14302) };
const TIMEOUT_MS = 2000;

let data: Awaited<ReturnType<typeof tempDataDir>>;
let ipfs: IpfsHandle;
let siteDir: string;
let siteCid: string;
// Bigger than one 1 MiB chunk, so the file is a dag-pb node over several raw leaves.
const bigFile = Buffer.alloc(2.5 * 1024 * 1024, 0).map((_, i) => (i * 31) % 251);

function env(): Record<string, string> {
  return { ...PORTS, NU_DATA_DIR: data.dir, NU_GATEWAY_TIMEOUT_MS: String(TIMEOUT_MS) };
}

beforeAll(async () => {
  data = await tempDataDir('ipfs');
  siteDir = join(data.dir, 'site');
  await mkdir(join(siteDir, '_app', 'immutable'), { recursive: true });
  await mkdir(join(siteDir, 'docs'), { recursive: true });
  await writeFile(join(siteDir, 'index.html'), '<!doctype html><h1>Network Union</h1>');
  await writeFile(join(siteDir, '_app', 'immutable', 'start.js'), 'export const hello = 1;\n');
  await writeFile(join(siteDir, 'docs', 'big.bin'), bigFile);
  await writeFile(join(siteDir, 'docs', 'notes.md'), '# notes\n');
  await writeFile(join(siteDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  ipfs = await startIpfs(env());
  siteCid = await addFolderViaApi(ipfs.apiUrl, siteDir);
});

afterAll(async () => {
  await ipfs?.stop();
  await data?.remove();
});

describe('ipfs service', () => {
  it('prints its URLs and a WebSocket multiaddr with the peer id when ready', () => {
    expect(ipfs.gatewayUrl).toBe(`http://127.0.0.1:${PORTS.NU_GATEWAY_PORT}`);
    expect(ipfs.apiUrl).toBe(`http://127.0.0.1:${PORTS.NU_IPFS_API_PORT}`);
    expect(ipfs.wsAddr).toMatch(new RegExp(`^/ip4/127\\.0\\.0\\.1/tcp/${PORTS.NU_IPFS_WS_PORT}/ws/p2p/12D3KooW\\w+$`));
  });

  it('answers /api/v0/add with Kubo-shaped NDJSON, wrapping directory last', async () => {
    const lines = await addFiles(ipfs.apiUrl, [
      { path: 'hello.txt', content: 'hello world\n' },
      { path: 'sub/b.txt', content: 'b' },
    ]);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['Hash', 'Name', 'Size']);
      expect(typeof line.Size).toBe('string');
      expect(CID.parse(line.Hash).version).toBe(1);
    }
    expect(lines.map((l) => l.Name)).toEqual(['hello.txt', 'sub/b.txt', 'sub', '']);
    const wrapper = lines.at(-1)!.Hash;
    const res = await fetch(`${ipfs.gatewayUrl}/ipfs/${wrapper}/hello.txt`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('hello world\n');
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('accepts a raw curl-style upload (plain filename) without wrapping', async () => {
    const form = new FormData();
    form.append('file', new Blob(['single']), 'single.txt');
    const res = await fetch(`${ipfs.apiUrl}/api/v0/add?cid-version=1&pin=false`, { method: 'POST', body: form });
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { Name: string; Hash: string; Size: string });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ Name: 'single.txt', Size: '6' });
    expect(await (await fetch(`${ipfs.gatewayUrl}/ipfs/${lines[0]!.Hash}`)).text()).toBe('single');
  });

  it('answers /api/v0/id and /api/v0/version, and rejects GET like Kubo', async () => {
    const id = (await (await fetch(`${ipfs.apiUrl}/api/v0/id`, { method: 'POST' })).json()) as { ID: string };
    expect(ipfs.wsAddr.endsWith(id.ID)).toBe(true);
    expect((await fetch(`${ipfs.apiUrl}/api/v0/version`, { method: 'POST' })).status).toBe(200);
    expect((await fetch(`${ipfs.apiUrl}/api/v0/id`)).status).toBe(405);
  });

  it('gives the same CID for the same folder, through the API twice and computed locally', async () => {
    expect(await addFolderViaApi(ipfs.apiUrl, siteDir)).toBe(siteCid);
    const local = await addFolder(siteDir);
    expect(local.root.toString()).toBe(siteCid);
  });

  it('serves a directory as its index.html, after a trailing-slash redirect', async () => {
    const res = await fetch(`${ipfs.gatewayUrl}/ipfs/${siteCid}`);
    expect(res.url).toBe(`${ipfs.gatewayUrl}/ipfs/${siteCid}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<h1>Network Union</h1>');
  });

  it('serves files with content types from their names', async () => {
    const js = await fetch(`${ipfs.gatewayUrl}/ipfs/${siteCid}/_app/immutable/start.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export const hello = 1;\n');
    const svg = await fetch(`${ipfs.gatewayUrl}/ipfs/${siteCid}/logo.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    const big = await fetch(`${ipfs.gatewayUrl}/ipfs/${siteCid}/docs/big.bin`);
    expect(big.headers.get('content-length')).toBe(String(bigFile.length));
    expect(Buffer.from(await big.arrayBuffer()).equals(bigFile)).toBe(true);
  });

  it('lists a directory without index.html', async () => {
    const res = await fetch(`${ipfs.gatewayUrl}/ipfs/${siteCid}/docs/`);
    const html = await res.text();
    expect(html).toContain('big.bin');
    expect(html).toContain('notes.md');
  });

  it('answers 404 for a path that does not exist, quickly and with a clear message', async () => {
    const res = await fetch(`${ipfs.gatewayUrl}/ipfs/${siteCid}/nope/missing.html`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('No link "nope"');
    expect((await fetch(`${ipfs.gatewayUrl}/ipfs/not-a-cid/`)).status).toBe(400);
    expect((await fetch(`${ipfs.gatewayUrl}/favicon.ico`)).status).toBe(404);
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await httpGet(`${ipfs.gatewayUrl}/ipfs/${siteCid}/docs/notes.md`, {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe('8');
    expect(res.body.length).toBe(0);
  });

  it('returns a raw block whose bytes hash to its CID', async () => {
    for (const url of [`${ipfs.gatewayUrl}/ipfs/${siteCid}/docs/notes.md?format=raw`, `${ipfs.gatewayUrl}/ipfs/${siteCid}`]) {
      const accept: Record<string, string> = url.includes('format=') ? {} : { Accept: 'application/vnd.ipld.raw' };
      const res = await fetch(url, { headers: accept });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.ipld.raw');
      const bytes = new Uint8Array(await res.arrayBuffer());
      const cid = CID.parse(res.headers.get('x-ipfs-roots')!.split(',').at(-1)!);
      const digest = await sha256.digest(bytes);
      expect(Buffer.from(digest.bytes).equals(Buffer.from(cid.multihash.bytes))).toBe(true);
    }
  });

  it('returns a CAR that reads back to the complete, verified DAG', async () => {
    const res = await fetch(`${ipfs.gatewayUrl}/ipfs/${siteCid}`, { headers: { Accept: 'application/vnd.ipld.car' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/vnd\.ipld\.car; version=1/);
    const reader = await CarReader.fromBytes(new Uint8Array(await res.arrayBuffer()));
    expect((await reader.getRoots()).map(String)).toEqual([siteCid]);
    const blocks = new Map<string, Uint8Array>();
    for await (const { cid, bytes } of reader.blocks()) {
      const digest = await sha256.digest(bytes);
      expect(Buffer.from(digest.bytes).equals(Buffer.from(cid.multihash.bytes))).toBe(true);
      expect(blocks.has(cid.toString())).toBe(false); // dups=n
      blocks.set(cid.toString(), bytes);
      // Each block equals the one the gateway serves as raw.
      const raw = await fetch(`${ipfs.gatewayUrl}/ipfs/${cid}?format=raw`);
      expect(Buffer.from(await raw.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    }
    // Complete: every link of every block is in the CAR.
    for (const [key, bytes] of blocks) {
      for (const link of linksOf(CID.parse(key), bytes)) expect(blocks.has(link.toString())).toBe(true);
    }
    // And the CAR alone is enough to read a multi-block file back.
    const store = { async *get(cid: CID) { const b = blocks.get(cid.toString()); if (!b) throw new Error(`missing ${cid}`); yield b; } };
    const entry = await exporter(`${siteCid}/docs/big.bin`, store);
    const chunks: Uint8Array[] = [];
    if (entry.type !== 'file') throw new Error('expected a file');
    for await (const c of entry.content()) chunks.push(c);
    expect(Buffer.concat(chunks).equals(bigFile)).toBe(true);
  });

  it('puts the path blocks first in a CAR for a sub-path (?format=car)', async () => {
    const res = await fetch(`${ipfs.gatewayUrl}/ipfs/${siteCid}/docs/notes.md?format=car`);
    const reader = await CarReader.fromBytes(new Uint8Array(await res.arrayBuffer()));
    const cids: string[] = [];
    for await (const { cid } of reader.blocks()) cids.push(cid.toString());
    const roots = res.headers.get('x-ipfs-roots')!.split(',');
    expect(cids).toEqual(roots); // root dir, docs dir, notes.md (a single raw leaf)
  });

  it('serves the same content on a subdomain Host and offers that URL on path requests', async () => {
    const pathRes = await fetch(`${ipfs.gatewayUrl}/ipfs/${siteCid}/docs/notes.md`);
    const offered = pathRes.headers.get('x-subdomain-url')!;
    expect(offered).toBe(`http://${siteCid}.ipfs.localhost:${PORTS.NU_GATEWAY_PORT}/docs/notes.md`);
    const res = await httpGet(`${ipfs.gatewayUrl}/docs/notes.md`, { Host: `${siteCid}.ipfs.localhost:${PORTS.NU_GATEWAY_PORT}` });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('# notes\n');
    const index = await httpGet(`${ipfs.gatewayUrl}/`, { Host: `${siteCid}.ipfs.localhost:${PORTS.NU_GATEWAY_PORT}` });
    expect(index.body.toString()).toContain('<h1>Network Union</h1>');
  });

  it('allows any origin, including preflight', async () => {
    const get = await fetch(`${ipfs.gatewayUrl}/ipfs/${siteCid}/`, { headers: { Origin: 'http://example.test' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    const pre = await fetch(`${ipfs.apiUrl}/api/v0/add`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://example.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('answers 504 within the timeout for a CID whose blocks nobody has', async () => {
    const missing = CID.createV1(0x55, await sha256.digest(new TextEncoder().encode(`absent ${Date.now()}`)));
    const started = Date.now();
    const res = await fetch(`${ipfs.gatewayUrl}/ipfs/${missing}`);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(504);
    expect(await res.text()).toContain('timed out');
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 3000);
  });

  it('keeps content across a restart, and reports a clear error when a port is taken', async () => {
    const other = await tempDataDir('ipfs2');
    try {
      // Same gateway port as the running node: the child must fail and we must see why.
      await expect(startIpfs({ ...env(), NU_DATA_DIR: other.dir, NU_IPFS_SWARM_PORT: testPort(14303), NU_IPFS_WS_PORT: testPort(14304) })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await other.remove();
    }
    await ipfs.stop();
    expect((await ipfs.child.exited).code).toBe(0);
    ipfs = await startIpfs(env());
    const res = await fetch(`${ipfs.gatewayUrl}/ipfs/${siteCid}/docs/notes.md`);
    expect(await res.text()).toBe('# notes\n');
  });
});

// `npm run publish`'s guarantees, against a real IPFS service process: the same build staged with the
// same config.json always has the same root CID, the IPFS node computes that CID too, and site.car's
// root is that CID with every block of the site inside.
import '../stack/helpers.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { CarReader } from '@ipld/car/reader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSite, writeSiteCar } from '../../../scripts/publish/car.ts';
import { stageSite } from '../../../scripts/site/stage.ts';
import { cspOf } from '../../../scripts/site/csp.ts';
import { addFolderViaApi } from '../../../scripts/stack/ipfs/client.ts';
import { startIpfs, type IpfsHandle } from '../../../scripts/stack/processes.ts';
import type { AppConfig } from '../../../web/lib/config/types.ts';
import { tempDataDir } from '../stack/helpers.ts';
import { testPort } from '../ports.ts';

const PORTS = { NU_GATEWAY_PORT: testPort(18480), NU_IPFS_API_PORT: testPort(15401), NU_IPFS_SWARM_PORT: testPort(14401), NU_IPFS_WS_PORT: testPort(14402) };

const CONFIG: AppConfig = {
  chain: { id: 84532, name: 'Base Sepolia', rpcUrl: 'https://sepolia.base.org', blockExplorer: 'https://sepolia.basescan.org' },
  contracts: {
    unionFactory: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    deployBlock: 12,
    arbiters: null,
    escrow: null,
    crowdfund: null,
    demands: null,
    courses: null,
  },
  ceramic: { url: 'https://ceramic.example.org', models: { profile: 'kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god9', post: 'kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god9', reply: 'kjzl6hvfrbw6c5ajfmes842lu09vjxu5956e3xq0xk12gp2jcf9s90cagt2god9' } },
  ipfs: { gateway: 'https://dweb.link', uploadUrl: 'https://upload.example.org/api/v0/add' },
  demo: { union: null },
  uniswap: null,
};

let data: Awaited<ReturnType<typeof tempDataDir>>;
let ipfs: IpfsHandle;
let build: string;

beforeAll(async () => {
  data = await tempDataDir('publish');
  // A small stand-in for build/: index.html with SvelteKit's CSP meta, assets in nested folders.
  build = join(data.dir, 'build');
  await mkdir(join(build, '_app', 'immutable', 'entry'), { recursive: true });
  await writeFile(
    join(build, 'index.html'),
    `<!doctype html><head><meta http-equiv="content-security-policy" content="default-src 'self'; connect-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-x='"></head><body><script>boot()</script></body>`,
  );
  await writeFile(join(build, '_app', 'immutable', 'entry', 'start.js'), 'export const start = 1;\n'.repeat(5000));
  await writeFile(join(build, 'manifest.webmanifest'), '{"name":"Network Union"}');
  ipfs = await startIpfs({ ...PORTS, NU_DATA_DIR: data.dir });
});

afterAll(async () => {
  await ipfs?.stop();
  await data?.remove();
});

describe('publishing a build', () => {
  it('gives the same root CID every time the same build is staged with the same config', async () => {
    await stageSite(build, join(data.dir, 'a'), CONFIG);
    await stageSite(build, join(data.dir, 'b'), CONFIG);
    const a = await importSite(join(data.dir, 'a'));
    const b = await importSite(join(data.dir, 'b'));
    expect(a.root.toString()).toBe(b.root.toString());
    expect(a.root.version).toBe(1);
  });

  it('gives another CID when only config.json changes (a new deployment is a new CID)', async () => {
    await stageSite(build, join(data.dir, 'c'), { ...CONFIG, demo: { union: '0x5FbDB2315678afecb367f032d93F642f64180aa3' } });
    const a = await importSite(join(data.dir, 'a'));
    const c = await importSite(join(data.dir, 'c'));
    expect(c.root.toString()).not.toBe(a.root.toString());
  });

  it('the IPFS node computes the same CID, adding the folder twice', async () => {
    const local = (await importSite(join(data.dir, 'a'))).root.toString();
    expect(await addFolderViaApi(ipfs.apiUrl, join(data.dir, 'a'))).toBe(local);
    expect(await addFolderViaApi(ipfs.apiUrl, join(data.dir, 'b'))).toBe(local);
  });

  it('writes site.car whose only root is the CID and which holds every block of the site', async () => {
    const car = join(data.dir, 'site.car');
    const root = await writeSiteCar(join(data.dir, 'a'), car);
    const reader = await CarReader.fromIterable(createReadStream(car));
    const roots = await reader.getRoots();
    expect(roots.map(String)).toEqual([root.toString()]);
    const { blocks } = await importSite(join(data.dir, 'a'));
    for (const block of blocks) expect(await reader.has(block.cid)).toBe(true);
    // The gateway serves the same DAG: its CAR of the root has the same blocks.
    const res = await fetch(`${ipfs.gatewayUrl}/ipfs/${root}?format=car`);
    const gatewayCar = await CarReader.fromBytes(new Uint8Array(await res.arrayBuffer()));
    let count = 0;
    for await (const b of gatewayCar.blocks()) {
      count += 1;
      expect(await reader.has(b.cid)).toBe(true);
    }
    expect(count).toBe(blocks.length);
  });

  it('stages config.json and a CSP that allows exactly the configured origins', async () => {
    const staged = join(data.dir, 'a');
    expect(JSON.parse(await readFile(join(staged, 'config.json'), 'utf8'))).toEqual(CONFIG);
    const csp = cspOf(await readFile(join(staged, 'index.html'), 'utf8')) ?? '';
    const connect = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src')) ?? '';
    expect(connect.split(' ').slice(1).sort()).toEqual(
      ["'self'", 'https://ceramic.example.org', 'https://dweb.link', 'https://sepolia.base.org', 'https://sepolia.basescan.org', 'https://upload.example.org'].sort(),
    );
    expect(csp).toMatch(/img-src 'self' data: https:\/\/dweb\.link/);
  });
});

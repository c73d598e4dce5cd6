// Writes the PNG app icons the web app manifest names (static/icon-192.png, icon-512.png): a solid
// disc on the brand colour, drawn pixel by pixel so no image library is needed. Run once; the PNGs
// are committed. `node --import tsx scripts/site/icons.ts`
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { projectRoot } from '../lib/tools.ts';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGB PNG: brand background, a lighter disc covering the middle 60% (safe zone for maskable icons). */
export function iconPng(size: number): Buffer {
  const bg = [0x2d, 0x6a, 0x4f];
  const fg = [0xff, 0xff, 0xff];
  const rows: Buffer[] = [];
  const r = size * 0.3;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 <= r * r;
      const [cr, cg, cb] = inside ? fg : bg;
      row[1 + x * 3] = cr;
      row[2 + x * 3] = cg;
      row[3 + x * 3] = cb;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

for (const size of [192, 512]) writeFileSync(join(projectRoot, 'static', `icon-${size}.png`), iconPng(size));
console.log('wrote static/icon-192.png and static/icon-512.png');

/**
 * A favicon.ico for clients that ask for /favicon.ico without reading the page's <link rel=icon>:
 * a 32×32 PNG (inside an ICO) of the brand's primary colour with a light dot, made here so the
 * designer does not need an icon tool. A brand favicon given as .ico is shipped as is instead.
 */
import { deflateSync } from 'node:zlib';
import { parseHex } from '../config/contrast.ts';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
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

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

export function faviconIco(primary: string, onPrimary: string): Buffer {
  const size = 32;
  const [r, g, b] = parseHex(primary) ?? [11, 92, 173];
  const [fr, fg, fb] = parseHex(onPrimary) ?? [255, 255, 255];
  const image = png(size, (x, y) => {
    const cx = x + 0.5 - size / 2;
    const cy = y + 0.5 - size / 2;
    // rounded square: outside the corners is transparent
    const corner = 7;
    const dx = Math.max(Math.abs(cx) - (size / 2 - corner), 0);
    const dy = Math.max(Math.abs(cy) - (size / 2 - corner), 0);
    if (dx * dx + dy * dy > corner * corner) return [0, 0, 0, 0];
    return cx * cx + cy * cy <= 36 ? [fr, fg, fb, 255] : [r, g, b, 255];
  });
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(1, 4); // one image
  const entry = Buffer.alloc(16);
  entry.writeUInt8(size, 0);
  entry.writeUInt8(size, 1);
  entry.writeUInt16LE(1, 4); // planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(image.length, 8);
  entry.writeUInt32LE(header.length + entry.length, 12);
  return Buffer.concat([header, entry, image]);
}

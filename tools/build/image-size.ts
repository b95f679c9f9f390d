/**
 * The pixel size of a brand picture (PNG, GIF, JPEG, WebP), read from its header: the page's <img>
 * carries it as width and height, so the browser reserves the picture's own shape before the picture
 * arrives and nothing moves when it does (a wordmark is wider than it is high).
 */
export interface PixelSize {
  width: number;
  height: number;
}

const ascii = (b: Buffer, at: number, text: string) => b.toString('latin1', at, at + text.length) === text;

function png(b: Buffer): PixelSize | undefined {
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || !ascii(b, 12, 'IHDR')) return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function gif(b: Buffer): PixelSize | undefined {
  if (b.length < 10 || !(ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'))) return undefined;
  return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
}

/** The first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC) holds the size. */
function jpeg(b: Buffer): PixelSize | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

function webp(b: Buffer): PixelSize | undefined {
  if (b.length < 30 || !ascii(b, 0, 'RIFF') || !ascii(b, 8, 'WEBP')) return undefined;
  if (ascii(b, 12, 'VP8 ')) return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (ascii(b, 12, 'VP8L')) {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (ascii(b, 12, 'VP8X')) return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  return undefined;
}

/** The size, or undefined when the file is none of these formats (or says it is 0 pixels wide or high). */
export function pixelSize(file: Buffer): PixelSize | undefined {
  const size = png(file) ?? gif(file) ?? jpeg(file) ?? webp(file);
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

/**
 * Brand pictures in the built pages: their pixel size read from the file (so the <img> reserves the
 * picture's own shape), and the markup that leaves asking for them to the page's script, with a copy
 * for browsers without JavaScript.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pixelSize } from '../../tools/build/image-size.ts';
import { deferPictures, DEFER_ATTR } from '../../tools/build/plugin-pages.ts';

const fixture = (...p: string[]) => readFileSync(path.join(import.meta.dirname, '..', 'fixtures', ...p));

describe('pixelSize', () => {
  // Sizes as ImageMagick wrote the files (test/fixtures/images, brand/).
  it.each([
    ['brand/wordmark.png', 480, 120],
    ['brand/hero.webp', 1000, 400], // lossy, VP8
    ['images/baseline.jpg', 35, 21],
    ['images/progressive.jpg', 37, 23], // SOF2
    ['images/gradient.gif', 31, 17],
    ['images/lossless.webp', 29, 13], // VP8L
    ['images/alpha.webp', 27, 19], // VP8X
    ['images/lossy.webp', 33, 21],
  ])('reads %s as %i × %i', (file, width, height) => {
    expect(pixelSize(fixture(...file.split('/')))).toEqual({ width, height });
  });

  it('says nothing, without throwing, for what is not one of these pictures or is cut short', () => {
    const png = fixture('brand', 'wordmark.png');
    const jpeg = fixture('images', 'baseline.jpg');
    for (const b of [
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.alloc(0),
      png.subarray(0, 20),
      jpeg.subarray(0, 40),
      fixture('images', 'alpha.webp').subarray(0, 26),
    ]) {
      expect(pixelSize(b)).toBeUndefined();
    }
  });

  it('never throws on a damaged picture: any bytes of a real one changed or cut, or noise with a real signature', () => {
    const files = [
      'brand/wordmark.png',
      'brand/hero.webp',
      'images/progressive.jpg',
      'images/gradient.gif',
      'images/alpha.webp',
      'images/lossless.webp',
    ].map((f) => fixture(...f.split('/')));
    const damaged = fc
      .tuple(fc.constantFrom(...files), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat())
      .map(([file, changes, cut]) => {
        const b = Buffer.from(file.subarray(0, Math.max(0, file.length - (cut % file.length))));
        for (const [at, value] of changes) if (b.length) b[at % b.length] = value;
        return b;
      });
    const noise = fc
      .tuple(fc.constantFrom('\x89PNG\r\n\x1a\n', 'GIF89a', '\xff\xd8\xff', 'RIFF\0\0\0\0WEBPVP8X'), fc.uint8Array({ maxLength: 64 }))
      .map(([head, rest]) => Buffer.concat([Buffer.from(head, 'latin1'), rest]));
    fc.assert(
      fc.property(fc.oneof(damaged, noise), (b) => {
        const size = pixelSize(b);
        if (size) expect(Number.isInteger(size.width) && size.width > 0 && Number.isInteger(size.height) && size.height > 0).toBe(true);
      }),
      { seed: 20261130, numRuns: 500 },
    );
  });
});

describe('deferPictures', () => {
  const page = (body: string) =>
    `<!doctype html>\n<html><head>\n<script type="module" crossorigin src="/assets/login-x.js"></script>\n</head>\n<body>${body}</body></html>`;

  it('moves a marked picture to data-hs-src, with a <noscript> copy, and hides the placeholder without JavaScript', () => {
    const out = deferPictures(page(`<img class="hs-logo" src="/assets/logo-1.png" alt="" width="480" height="120" ${DEFER_ATTR}>`));
    expect(out).toContain(
      '<img class="hs-logo" data-hs-src="/assets/logo-1.png" alt="" width="480" height="120"><noscript><img class="hs-logo" src="/assets/logo-1.png" alt="" width="480" height="120"></noscript>',
    );
    expect(out).toContain('<noscript><style>img[data-hs-src]{display:none}</style></noscript>\n</head>');
    expect(out).not.toContain(DEFER_ATTR);
  });

  it('leaves pictures that are not marked, and pages without one, as they are', () => {
    const plain = page('<img class="hs-logo" src="/assets/logo-1.png" alt="">');
    expect(deferPictures(plain)).toBe(plain);
  });
});

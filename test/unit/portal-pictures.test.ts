/**
 * Brand pictures in the built pages: their pixel size read from the file (so the <img> reserves the
 * picture's own shape), and the markup that leaves asking for them to the page's script, with a copy
 * for browsers without JavaScript.
 */
import { readFileSync } from 'node:fs';
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

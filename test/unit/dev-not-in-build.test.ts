/**
 * The dev toolbar, gallery and Vite's dev client exist only in `npm run dev`: a build of the portal
 * carries none of their code, names or URLs into what is uploaded to the router.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { listFiles } from '../../tools/build/files.ts';
import { builtPortal } from '../support/built-portal.ts';

let dir: string;
beforeAll(async () => {
  // The example build the other tests share: this test only looks at what the build contains.
  dir = await builtPortal(example);
});

/** Strings only the dev server's code and pages contain. */
const DEV_MARKERS = ['hs-dev-', '__dev/', '__gallery', '@vite/client', '/@fs/', 'tools/dev', 'vr-mac', '__vr/'];

it('dist/hotspot/ contains no toolbar, gallery or dev-server code', () => {
  const files = listFiles(dir);
  expect(files.map((f) => f.path)).toContain('login.html');
  const found = files.flatMap((f) => {
    const text = readFileSync(path.join(dir, f.path), 'latin1');
    return DEV_MARKERS.filter((m) => text.includes(m)).map((m) => `${f.path}: ${m}`);
  });
  expect(found).toEqual([]);
});

/**
 * The dev toolbar, gallery and Vite's dev client exist only in `npm run dev`: a build of the portal
 * carries none of their code, names or URLs into what is uploaded to the router.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { buildPortal } from '../../tools/build/main.ts';
import { listFiles } from '../../tools/build/files.ts';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hs-no-dev-'));
  // Budgets are another test's business: this one only looks at what the build contains.
  await buildPortal({ outDir: dir, quiet: true, config: { ...example, budgets: { loginPageKB: 1000, totalKB: 10_000 } } });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

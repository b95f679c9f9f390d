/**
 * A throw-away copy of the project for tests that edit it (the dev server's hot reload): the files a
 * designer edits are copied, the toolkit (tools/) and node_modules are linked, and the repository's
 * own files are never touched.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const COPIED = ['portal.config.ts', 'tsconfig.json', 'portal', 'templates', 'brand'];
const LINKED = ['tools', 'node_modules'];

export interface ProjectCopy {
  dir: string;
  /** Where the dev server keeps its rendered pages and dependency cache for this copy. */
  cacheDir: string;
  remove(): void;
}

export function copyProject(): ProjectCopy {
  const dir = mkdtempSync(path.join(tmpdir(), 'hs-dev-project-'));
  for (const name of COPIED) cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  for (const name of LINKED) symlinkSync(path.join(ROOT, name), path.join(dir, name), 'dir');
  // Outside the copy, so the dev server's own writes are not edits it watches.
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'hs-dev-cache-'));
  return {
    dir,
    cacheDir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

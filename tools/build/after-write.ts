/** A build step that checks dist/hotspot/ once Vite has written it, as a small named Vite plugin. */
import path from 'node:path';
import type { Plugin } from 'vite';

export function afterWrite(name: string, check: (outDir: string) => void): Plugin {
  let outDir = '';
  return {
    name,
    apply: 'build',
    configResolved(resolved) {
      outDir = path.resolve(resolved.root, resolved.build.outDir);
    },
    writeBundle: { sequential: true, order: 'post', handler: () => check(outDir) },
  };
}

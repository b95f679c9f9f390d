/** Listing a built hotspot folder: every file, as a path relative to it with `/` separators. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface BuiltFile {
  path: string;
  size: number;
}

export function listFiles(dir: string): BuiltFile[] {
  const out: BuiltFile[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push({ path: child, size: statSync(path.join(dir, child)).size });
    }
  };
  walk('');
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Files the servlet runs through `$(...)` substitution (fact sheet §1.5). */
export function isSubstituted(file: string): boolean {
  return /\.(html?|txt)$/i.test(file) || file === 'api.json' || file.endsWith('/api.json');
}

/** Paths the servlet answers itself (no file needed): `/`, login, status, logout, api, in any locale folder. */
export function isServletPath(urlPath: string): boolean {
  return urlPath === '/' || /^\/(?:[a-z0-9-]+\/)?(?:login|status|logout|api)$/i.test(urlPath);
}

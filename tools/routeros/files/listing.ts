/**
 * The file store's listing (tools/routeros/files/file-store.ts): what `/file print` shows of a file,
 * the listing's order, and the bytes a folder holds.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface FileEntry {
  /** RouterOS file name: the path from the root, `/`-separated, no leading slash. */
  name: string;
  directory: boolean;
  /** RouterOS's `type` column: `directory`, `disk`, `.html file`, `script`, … */
  type: string;
  size: number;
  mtimeMs: number;
}

/**
 * RouterOS names file types after the extension (`.html file`), with a few of its own names
 * (`script` for .rsc, `backup`, `package`). The exact list is not documented: this is our reading
 * of `/file print` outputs.
 */
export function fileType(name: string, directory: boolean, hasFlash: boolean): string {
  if (directory) return hasFlash && name === 'flash' ? 'disk' : 'directory';
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return 'file';
  const ext = base.slice(dot + 1).toLowerCase();
  const special: Record<string, string> = { rsc: 'script', backup: 'backup', npk: 'package' };
  return special[ext] ?? `.${ext} file`;
}

/** The bytes of every file below `dir`; symlinks are not followed. */
export function usedSync(dir: string): number {
  let sum = 0;
  for (const name of readdirSync(dir)) {
    const st = lstatSync(join(dir, name));
    if (st.isDirectory()) sum += usedSync(join(dir, name));
    else if (st.isFile()) sum += st.size;
  }
  return sum;
}

/** `list` with `entry` in its place (replacing one of the same name): the walk's order, parents first, names sorted. */
export function withEntry(list: FileEntry[], entry: FileEntry): FileEntry[] {
  const out = list.filter((e) => e.name !== entry.name);
  const key = entry.name.split('/');
  const at = out.findIndex((e) => before(key, e.name.split('/')));
  out.splice(at < 0 ? out.length : at, 0, entry);
  return out;
}

/** Whether path `a` comes before `b` in a walk that lists a folder's sorted names, each followed by its contents. */
function before(a: string[], b: string[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return a.length < b.length;
}

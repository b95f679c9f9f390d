/**
 * The bundle as deploy sees it: every file of dist/hotspot with its size and SHA-256, and the bundle's
 * own hash (of the sorted file list), which names the folder it is uploaded into.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../routeros/servlet/html-dir.ts';

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  /** First 12 hex digits of the bundle hash; part of the folder name. */
  id: string;
  hash: string;
  files: ManifestFile[];
  totalBytes: number;
}

/**
 * Where a deployed version's manifest is kept, so the next deploy knows what is there: beside its
 * folder, never inside it, since every file of the html directory is served to guests before login.
 */
export const manifestPath = (folder: string) => `${folder}.manifest.json`;
/** Where earlier releases kept it (inside the folder): still read, and moved out on the next switch. */
export const LEGACY_MANIFEST_NAME = '.hotspot-manifest.json';

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function buildManifest(dir: string): Promise<Manifest> {
  const files: ManifestFile[] = [];
  for (const path of await listFiles(dir)) {
    if (path === LEGACY_MANIFEST_NAME) continue;
    const data = await readFile(join(dir, path));
    files.push({ path, size: data.length, sha256: sha256(data) });
  }
  const hash = sha256(files.map((f) => `${f.sha256}  ${f.path}\n`).join(''));
  return { id: hash.slice(0, 12), hash, files, totalBytes: files.reduce((n, f) => n + f.size, 0) };
}

export interface ManifestDiff {
  added: ManifestFile[];
  changed: ManifestFile[];
  unchanged: ManifestFile[];
  removed: ManifestFile[];
}

/** What differs between the bundle and what a folder on the router holds. */
export function diffManifests(next: Manifest, previous: Pick<Manifest, 'files'> | undefined): ManifestDiff {
  const before = new Map((previous?.files ?? []).map((f) => [f.path, f]));
  const diff: ManifestDiff = { added: [], changed: [], unchanged: [], removed: [] };
  for (const f of next.files) {
    const old = before.get(f.path);
    if (!old) diff.added.push(f);
    else if (old.sha256 !== f.sha256) diff.changed.push(f);
    else diff.unchanged.push(f);
    before.delete(f.path);
  }
  diff.removed = [...before.values()];
  return diff;
}

/**
 * The bundle's files as a deploy uploads them: each read from --dist and checked against the manifest
 * once, then shared by every router of a fleet. Reading and hashing the bundle again for each router
 * cost the technician's machine as much CPU per router as the SSH work of a file, and a file edited
 * during the fleet's deploy could then reach some routers and not others.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256, type ManifestFile } from './manifest.ts';

/** Why a bundle file cannot be uploaded: gone or unreadable, or no longer what the manifest says. */
export class BundleFileError extends Error {
  constructor(
    readonly kind: 'unreadable' | 'changed',
    readonly why: string,
  ) {
    super(why);
  }
}

export class BundleFiles {
  private readonly read = new Map<string, Promise<Buffer>>();

  constructor(readonly distDir: string) {}

  /** The file's bytes, exactly as the manifest lists them; rejects with a BundleFileError otherwise. */
  get(f: ManifestFile): Promise<Buffer> {
    let p = this.read.get(f.path);
    if (!p) {
      p = readChecked(this.distDir, f);
      // A failure is every router's answer for that file too; until asked, it is no unhandled rejection.
      p.catch(() => undefined);
      this.read.set(f.path, p);
    }
    return p;
  }
}

async function readChecked(distDir: string, f: ManifestFile): Promise<Buffer> {
  let data: Buffer;
  try {
    data = await readFile(join(distDir, f.path));
  } catch (err) {
    throw new BundleFileError('unreadable', (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is no longer there' : (err as Error).message);
  }
  if (data.length !== f.size || sha256(data) !== f.sha256) throw new BundleFileError('changed', 'changed after the deploy started');
  return data;
}

/**
 * The router's file store: a folder on disk standing for RouterOS's `/file` root (fact sheet §8.2).
 * SFTP and the CLI (`/file print|remove|add`, `/import`) both go through it, so both see the same
 * names and both are confined to the root: a name that climbs out with `..` or passes through a
 * symlink is refused (RouterOS has no symlinks; the store treats one as a way out, never as a file).
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { lstat, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { UserError } from '../../lib/errors.ts';
import { fileType, usedSync, withEntry, type FileEntry } from './listing.ts';

export { fileType, type FileEntry } from './listing.ts';

export interface FileStoreOptions {
  /** Create `flash/` (the persistent disk of routers that have one). */
  flash?: boolean;
  /** Free bytes the store reports at start; uploads use it up. Default: total minus what is there. */
  freeSpace?: number;
  /** Total bytes of the disk (default 128 MiB, or more when the folder already holds more). */
  totalSpace?: number;
}

/** Why the store refused a name: outside the root, or a symlink on the way. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    readonly code: 'outside' | 'symlink' | 'missing' | 'exists' | 'not-empty' | 'no-space',
  ) {
    super(message);
  }
}

const MIB = 1024 * 1024;

export class FileStore {
  readonly root: string;
  readonly hasFlash: boolean;
  private readonly ids = new Map<string, string>();
  private nextId = 1;
  private readonly usedAtStart: number;
  private readonly freeAtStart: number;
  private readonly total: number;

  constructor(root: string, options: FileStoreOptions = {}) {
    this.root = resolve(root);
    if (!existsSync(this.root) || !statSync(this.root).isDirectory()) {
      throw new UserError(`The router's file store ${root} is not an existing folder: create it, or pass another folder as --storage.`);
    }
    this.hasFlash = Boolean(options.flash);
    if (this.hasFlash) mkdirSync(join(this.root, 'flash'), { recursive: true });
    this.usedAtStart = usedSync(this.root);
    const total = options.totalSpace ?? Math.max(128 * MIB, this.usedAtStart + (options.freeSpace ?? 0));
    this.freeAtStart = options.freeSpace ?? Math.max(0, total - this.usedAtStart);
    this.total = Math.max(total, this.usedAtStart + this.freeAtStart);
  }

  /**
   * The absolute path of a RouterOS file name (leading `/` optional, as SFTP sends it). `..` may not
   * climb above the root. Symlinks are checked by `checkLinks`.
   */
  resolve(name: string): string {
    const parts: string[] = [];
    for (const part of name.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (!parts.length) throw new StoreError(`${name} is outside the file store`, 'outside');
        parts.pop();
      } else {
        if (part.includes('\\') || part.includes('\0')) throw new StoreError(`${name} is not a valid file name`, 'outside');
        parts.push(part);
      }
    }
    return parts.length ? join(this.root, ...parts) : this.root;
  }

  /** The RouterOS name of an absolute path inside the root (`''` for the root itself). */
  nameOf(abs: string): string {
    return abs === this.root
      ? ''
      : abs
          .slice(this.root.length + 1)
          .split(sep)
          .join('/');
  }

  /**
   * Refuses a path with a symlink anywhere below the root (missing trailing parts are fine). Every
   * file operation passes here: synchronous lstat, a fraction of the async one's cost.
   */
  async checkLinks(abs: string): Promise<void> {
    const rel = this.nameOf(abs);
    let cur = this.root;
    for (const part of rel ? rel.split('/') : []) {
      cur = join(cur, part);
      try {
        if (lstatSync(cur).isSymbolicLink()) throw new StoreError(`${rel} passes through a link`, 'symlink');
      } catch (err) {
        if (err instanceof StoreError) throw err;
        return; // the rest does not exist yet
      }
    }
  }

  /** resolve + checkLinks: the one door every caller uses. */
  async path(name: string): Promise<string> {
    const abs = this.resolve(name);
    await this.checkLinks(abs);
    return abs;
  }

  /** A stable internal id per file name, as RouterOS gives every item (`*1A`). */
  idOf(name: string): string {
    let id = this.ids.get(name);
    if (!id) {
      id = `*${(this.nextId++).toString(16).toUpperCase()}`;
      this.ids.set(name, id);
    }
    return id;
  }

  /** The file name an id was given to (it may have been removed since). */
  nameOfId(id: string): string | undefined {
    for (const [name, known] of this.ids) if (known === id) return name;
    return undefined;
  }

  /** The listing shared by the steps of one batch (one CLI run); dropped on any change through the store. */
  private memo: FileEntry[] | undefined;
  private batches = 0;

  /**
   * Runs `fn` with the store's listing computed once and reused until something changes: a CLI line
   * such as `/file add … contents=[/file get [find …] contents]` looks at the whole list several times.
   * Outside a batch every list() reads the disk, so changes made behind the store's back are seen.
   */
  async batch<T>(fn: () => Promise<T>): Promise<T> {
    this.batches++;
    try {
      return await fn();
    } finally {
      if (--this.batches === 0) this.memo = undefined;
    }
  }

  /** Changes through the store so far: a listing patched after an await must not have missed one. */
  private changes = 0;

  /** Forgets the batch listing; SFTP calls it for the files it writes, renames and removes. */
  changed(): void {
    this.memo = undefined;
    this.changes++;
  }

  /**
   * Every file and folder, parents before their contents, names sorted; symlinks left out. A
   * synchronous walk: CLI lines list the store again after each change, and the async walk cost
   * several times the CPU for folders this size.
   */
  async list(): Promise<FileEntry[]> {
    if (this.batches && this.memo) return this.memo;
    const out: FileEntry[] = [];
    // A file removed while the walk runs (another process) is simply not listed.
    const gone = <T>(read: () => T): T | undefined => {
      try {
        return read();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    };
    const walk = (dir: string) => {
      const entries = (gone(() => readdirSync(dir, { withFileTypes: true })) ?? []).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (!e.isDirectory() && !e.isFile()) continue;
        const abs = join(dir, e.name);
        const st = gone(() => lstatSync(abs));
        if (!st) continue;
        const name = this.nameOf(abs);
        out.push({
          name,
          directory: e.isDirectory(),
          type: fileType(name, e.isDirectory(), this.hasFlash),
          size: e.isDirectory() ? 0 : st.size,
          mtimeMs: st.mtimeMs,
        });
        if (e.isDirectory()) walk(abs);
      }
    };
    walk(this.root);
    if (this.batches) this.memo = out;
    return out;
  }

  async exists(name: string): Promise<boolean> {
    try {
      await lstat(await this.path(name));
      return true;
    } catch {
      return false;
    }
  }

  /** Removes a file, or a folder with everything in it (as `/file remove` does). */
  async remove(name: string): Promise<void> {
    const abs = await this.path(name);
    if (abs === this.root) throw new StoreError('the root cannot be removed', 'outside');
    this.changed();
    await rm(abs, { recursive: true });
  }

  async mkdir(name: string): Promise<void> {
    const abs = await this.path(name);
    if (existsSync(abs)) throw new StoreError(`${name} already exists`, 'exists');
    this.changed();
    await mkdir(abs);
  }

  async writeText(name: string, contents: string): Promise<void> {
    const abs = await this.path(name);
    const grow = Buffer.byteLength(contents) - (existsSync(abs) ? (await lstat(abs)).size : 0);
    if (grow > (await this.freeBytes())) throw new StoreError('not enough space on disk', 'no-space');
    const memo = this.memo;
    this.changed();
    const seen = this.changes;
    await writeFile(abs, contents);
    // Within a batch the listing is patched, not walked again: a copy script writes file after file.
    if (memo && this.batches && this.changes === seen && !this.memo) this.memo = this.withFile(memo, abs);
  }

  /** The listing with the file at `abs` in its place, and the new time of its folder. */
  private withFile(list: FileEntry[], abs: string): FileEntry[] {
    const name = this.nameOf(abs);
    const st = lstatSync(abs);
    const out = withEntry(list, { name, directory: false, type: fileType(name, false, this.hasFlash), size: st.size, mtimeMs: st.mtimeMs });
    const folder = dirname(abs);
    const at = folder === this.root ? -1 : out.findIndex((e) => e.name === this.nameOf(folder));
    if (at >= 0) out[at] = { ...out[at]!, mtimeMs: lstatSync(folder).mtimeMs };
    return out;
  }

  async readText(name: string): Promise<string> {
    return readFile(await this.path(name), 'utf8');
  }

  /**
   * The bytes of every file, read from the disk (a file written behind the store's back counts), or
   * from the batch listing. A synchronous walk: every SFTP write asks, and the async one cost far more CPU.
   */
  async usedBytes(): Promise<number> {
    if (this.batches && this.memo) return this.memo.reduce((sum, e) => sum + e.size, 0);
    return usedSync(this.root);
  }

  /** Free space: what was free at start, less what has been added since. */
  async freeBytes(): Promise<number> {
    return Math.max(0, this.freeAtStart - ((await this.usedBytes()) - this.usedAtStart));
  }

  totalBytes(): number {
    return this.total;
  }
}

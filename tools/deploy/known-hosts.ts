/**
 * Pinned router host keys. A key seen for the first time is recorded only with consent; a key that
 * differs from the pinned one stops the deploy and shows both fingerprints (as OpenSSH does).
 * File format, one router a line: `host:port key-type base64-key`.
 * Several deploys may share the file (one per router, run side by side): a new key is merged into the
 * file as it is at that moment, under a lock, and the file is replaced whole, so no deploy drops another's
 * key and none reads a half-written file.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../lib/errors.ts';

export function fingerprint(key: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(key).digest('base64').replace(/=+$/, '');
}

/** The key type named inside an SSH public key blob (`ssh-ed25519`, `ssh-rsa`, …). */
export function keyType(key: Buffer): string {
  const len = key.length >= 4 ? key.readUInt32BE(0) : 0;
  return len > 0 && len < 64 ? key.subarray(4, 4 + len).toString('ascii') : 'unknown';
}

export class KnownHosts {
  private constructor(
    readonly file: string,
    private readonly entries: Map<string, { type: string; key: string }>,
  ) {}

  static async load(file: string): Promise<KnownHosts> {
    return new KnownHosts(file, parse(file, await readText(file)));
  }

  /** `known`, `unknown`, or `changed` with the pinned fingerprint. */
  check(host: string, key: Buffer): { status: 'known' } | { status: 'unknown' } | { status: 'changed'; pinned: string } {
    const e = this.entries.get(host);
    if (!e) return { status: 'unknown' };
    if (e.key === key.toString('base64')) return { status: 'known' };
    return { status: 'changed', pinned: fingerprint(Buffer.from(e.key, 'base64')) };
  }

  async trust(host: string, key: Buffer): Promise<void> {
    const entry = { type: keyType(key), key: key.toString('base64') };
    this.entries.set(host, entry);
    await mkdir(dirname(this.file), { recursive: true });
    await withLock(`${this.file}.lock`, async () => {
      // What other deploys pinned since this one loaded the file stays; this key is added to it.
      const current = parse(this.file, await readText(this.file));
      current.set(host, entry);
      for (const [h, e] of current) this.entries.set(h, e);
      const lines = [...current].map(([h, e]) => `${h} ${e.type} ${e.key}`);
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFile(temp, `# Router host keys pinned by npm run deploy\n${lines.join('\n')}\n`, { mode: 0o600 });
      await rename(temp, this.file);
    });
  }
}

type Entries = Map<string, { type: string; key: string }>;

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new UserError(`The known-hosts file ${file} cannot be read: check its permissions.`);
  }
}

function parse(file: string, text: string): Entries {
  const entries: Entries = new Map();
  text.split('\n').forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const [host, type, key] = t.split(/\s+/);
    if (!host || !type || !key) throw new UserError(`${file} line ${i + 1} is not "host:port key-type key": fix or delete that line.`);
    entries.set(host, { type, key });
  });
  return entries;
}

/** A lock older than this was left by a deploy that died while holding it (holding takes milliseconds). */
const STALE_LOCK_MS = 10_000;

/** Runs `work` while holding `lock` (a file created exclusively), waiting up to a few seconds for it. */
async function withLock(lock: string, work: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await (await open(lock, 'wx')).close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS) await rm(lock, { force: true });
      else if (attempt >= 200) throw new UserError(`${lock} has been held for a while: if no other deploy is running, delete it and run again.`);
      else await new Promise((r) => setTimeout(r, 25));
    }
  }
  try {
    await work();
  } finally {
    await rm(lock, { force: true });
  }
}

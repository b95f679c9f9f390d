/**
 * Pinned router host keys. A key seen for the first time is recorded only with consent; a key that
 * differs from the pinned one stops the deploy and shows both fingerprints (as OpenSSH does).
 * File format, one router a line: `host:port key-type base64-key`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
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
    const entries = new Map<string, { type: string; key: string }>();
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new UserError(`The known-hosts file ${file} cannot be read: check its permissions.`);
    }
    text.split('\n').forEach((line, i) => {
      const t = line.trim();
      if (!t || t.startsWith('#')) return;
      const [host, type, key] = t.split(/\s+/);
      if (!host || !type || !key) throw new UserError(`${file} line ${i + 1} is not "host:port key-type key": fix or delete that line.`);
      entries.set(host, { type, key });
    });
    return new KnownHosts(file, entries);
  }

  /** `known`, `unknown`, or `changed` with the pinned fingerprint. */
  check(host: string, key: Buffer): { status: 'known' } | { status: 'unknown' } | { status: 'changed'; pinned: string } {
    const e = this.entries.get(host);
    if (!e) return { status: 'unknown' };
    if (e.key === key.toString('base64')) return { status: 'known' };
    return { status: 'changed', pinned: fingerprint(Buffer.from(e.key, 'base64')) };
  }

  async trust(host: string, key: Buffer): Promise<void> {
    this.entries.set(host, { type: keyType(key), key: key.toString('base64') });
    await mkdir(dirname(this.file), { recursive: true });
    const lines = [...this.entries].map(([h, e]) => `${h} ${e.type} ${e.key}`);
    await writeFile(this.file, `# Router host keys pinned by npm run deploy\n${lines.join('\n')}\n`, { mode: 0o600 });
  }
}

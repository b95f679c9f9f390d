/**
 * The SSH host key: generated (ed25519) at each start, or kept in a file so that a router restarted
 * with the same file presents the same key (and a test can change it by using another file).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import ssh2 from 'ssh2';
import { UserError } from '../../lib/errors.ts';

export interface HostKey {
  /** The private key, OpenSSH format. */
  private: Buffer;
  /** `SHA256:…` as `ssh-keygen -lf` prints it. */
  fingerprint: string;
  /** `ssh-ed25519 AAAA…`, the known_hosts form. */
  publicKey: string;
}

function describe(key: Buffer, source: string): HostKey {
  const parsed = ssh2.utils.parseKey(key);
  if (parsed instanceof Error || Array.isArray(parsed)) {
    throw new UserError(
      `The host key file ${source} does not hold one unencrypted SSH private key: delete it to have a new key made, or pass another --host-key file.`,
    );
  }
  const blob = parsed.getPublicSSH();
  return {
    private: key,
    fingerprint: 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, ''),
    publicKey: `${parsed.type} ${blob.toString('base64')}`,
  };
}

function parses(key: Buffer): boolean {
  const parsed = ssh2.utils.parseKey(key);
  return !(parsed instanceof Error) && !Array.isArray(parsed);
}

export async function loadHostKey(file?: string): Promise<HostKey> {
  if (file) {
    try {
      return describe(await readFile(file), file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  // ssh2 now and then makes an ed25519 key its own parser refuses (about 1 in 200): make another.
  let key = Buffer.from(ssh2.utils.generateKeyPairSync('ed25519').private);
  for (let tries = 0; tries < 10 && !parses(key); tries++) key = Buffer.from(ssh2.utils.generateKeyPairSync('ed25519').private);
  if (file) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, key, { mode: 0o600 });
  }
  return describe(key, file ?? 'generated');
}

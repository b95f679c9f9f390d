/**
 * HTTP-CHAP as the HotSpot servlet does it (fact sheet §4.2): a 1-byte id and a 16-byte challenge per
 * host, written into the page as `\ooo` octal escapes; the browser answers lower-case hex
 * MD5(id ‖ password ‖ challenge). A challenge is reused until a login attempt consumes it or it expires
 * (about 1 h without activity), which is what makes a stale page give `chap-missing`.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Challenge {
  id: Buffer;
  challenge: Buffer;
  issuedAt: number;
}

/** Every byte as a backslash and three octal digits, printable ones included (`e` → `\145`). */
export function octalEscape(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += '\\' + b.toString(8).padStart(3, '0');
  return out;
}

/**
 * The expected response. The password is hashed as UTF-8 (what the router does with non-ASCII
 * passwords is UNCERTAIN, fact sheet §4.2; the portal's CHAP code hashes UTF-8 too).
 */
export function chapResponse(id: Uint8Array, password: string, challenge: Uint8Array): string {
  return createHash('md5').update(id).update(Buffer.from(password, 'utf8')).update(challenge).digest('hex');
}

export class ChapChallenges {
  private readonly byMac = new Map<string, Challenge>();
  constructor(
    private readonly now: () => number,
    private readonly lifetimeMs: number,
  ) {}

  /** The live challenge for this host, or a fresh one. */
  current(mac: string): Challenge {
    const live = this.live(mac);
    if (live) return live;
    const fresh: Challenge = { id: randomBytes(1), challenge: randomBytes(16), issuedAt: this.now() };
    this.byMac.set(mac, fresh);
    return fresh;
  }

  /** The challenge still valid for this host, if any (without issuing one). */
  live(mac: string): Challenge | undefined {
    const c = this.byMac.get(mac);
    if (c && this.now() - c.issuedAt < this.lifetimeMs) return c;
    if (c) this.byMac.delete(mac);
    return undefined;
  }

  /** A login attempt uses the challenge up, whatever its outcome. */
  consume(mac: string): void {
    this.byMac.delete(mac);
  }
}

/**
 * The portal's CHAP response against node:crypto: MD5 over chap-id ‖ UTF-8 password ‖ chap-challenge,
 * for random ids, challenges and passwords (ASCII and not), with the id and challenge arriving the
 * way the page receives them: octal escapes parsed by a classic (sloppy-mode) script.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chapResponse } from '../../portal/hotspot/chap.ts';
import { loginFields, voucherCredentials } from '../../portal/hotspot/login.ts';

const octal = (bytes: Uint8Array) => [...bytes].map((b) => '\\' + b.toString(8).padStart(3, '0')).join('');
/** What `'$(chap-id)'` becomes in the page: a sloppy-mode string literal turns \ooo into one char per byte. */
const asPageString = (bytes: Uint8Array): string => new Function(`return '${octal(bytes)}';`)() as string;
const expected = (id: Uint8Array, password: string, challenge: Uint8Array) =>
  createHash('md5').update(id).update(Buffer.from(password, 'utf8')).update(challenge).digest('hex');

const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const WIDE = ['é', 'ß', 'Ж', 'ж', 'ع', 'م', '中', '文', '😀', '🔑', 'ñ', 'ø'];
const pick = (set: readonly string[] | string, n: number) => Array.from({ length: n }, () => set[randomInt(set.length)]).join('');

describe('CHAP response', () => {
  it('equals MD5(id ‖ password ‖ challenge) for 200 random ASCII passwords', () => {
    for (let i = 0; i < 200; i++) {
      const id = randomBytes(1);
      const challenge = randomBytes(16);
      const password = pick(ASCII, randomInt(0, 40));
      expect(chapResponse(asPageString(id), password, asPageString(challenge))).toBe(expected(id, password, challenge));
    }
  });

  it('hashes non-ASCII passwords as UTF-8 (200 random ones)', () => {
    for (let i = 0; i < 200; i++) {
      const id = randomBytes(1);
      const challenge = randomBytes(16);
      const password = pick([...ASCII, ...WIDE], randomInt(1, 20)) + pick(WIDE, 1);
      expect(chapResponse(asPageString(id), password, asPageString(challenge))).toBe(expected(id, password, challenge));
    }
  });

  it('matches a known vector (RouterOS manual example challenge)', () => {
    const id = Buffer.from([0o371]);
    const challenge = Buffer.from([0o357, 0o015, 0o330, 0o013, 0o021, 0o234, 0o145, 0o245, 0o303, 0o253, 0o142, 0o246, 0o133, 0o175, 0o375, 0o316]);
    expect(chapResponse(asPageString(id), 'secret', asPageString(challenge))).toBe(expected(id, 'secret', challenge));
    expect(chapResponse(asPageString(id), 'secret', asPageString(challenge))).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses id or challenge strings that are not bytes', () => {
    expect(() => chapResponse('\u0100', 'x', 'y')).toThrow(/byte strings/);
  });

  it('sends the hash, never the password, when the page has CHAP values', () => {
    const id = randomBytes(1);
    const challenge = randomBytes(16);
    const fields = loginFields(
      { username: 'alice', password: 'p@ss wörd' },
      { id: asPageString(id), challenge: asPageString(challenge) },
      'http://example.com/',
    );
    expect(fields).toEqual({ username: 'alice', password: expected(id, 'p@ss wörd', challenge), dst: 'http://example.com/', popup: 'false' });
    expect(JSON.stringify(fields)).not.toContain('p@ss');
  });

  it('sends the plain password without CHAP (PAP), and vouchers as username = password', () => {
    expect(loginFields(voucherCredentials('  AB12CD '), undefined, '')).toEqual({ username: 'AB12CD', password: 'AB12CD', dst: '', popup: 'false' });
  });
});

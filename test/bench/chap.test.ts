/**
 * CHAP as the bench's simulated guests and its baseline page do it: reading chap-id and chap-challenge
 * from a served page, the answer, and the baseline's own md5.js against Node's MD5.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { chapAnswer, chapFromPage, octalBytes } from '../../tools/lib/simulated-guest.ts';
import { BASELINE_DIR } from '../../tools/bench/main.ts';

const octal = (b: Buffer) => [...b].map((x) => `\\${x.toString(8).padStart(3, '0')}`).join('');
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest('hex');

describe('reading CHAP values from a page', () => {
  const id = Buffer.from([0o371]);
  const challenge = randomBytes(16);

  it("reads the portal's inline script", () => {
    const page = `<script>var hsChap = { id: '${octal(id)}', challenge: '${octal(challenge)}' };</script>`;
    expect(chapFromPage(page)).toEqual({ id, challenge });
  });

  it("reads a classic page's hexMD5 call", () => {
    const page = `document.sendin.password.value = hexMD5('${octal(id)}' + document.login.password.value + '${octal(challenge)}');`;
    expect(chapFromPage(page)).toEqual({ id, challenge });
  });

  it('answers with MD5 over id, UTF-8 password and challenge', () => {
    expect(chapAnswer({ id, challenge }, 'pässword')).toBe(md5(id, Buffer.from('pässword', 'utf8'), challenge));
  });

  it('says so when a page has no challenge or the escapes are not octal bytes', () => {
    expect(() => chapFromPage('<p>no chap here</p>')).toThrow(/no chap-id and chap-challenge/);
    expect(() => octalBytes('\\371x')).toThrow(/not an octal-escaped string/);
    expect(() => octalBytes('')).toThrow(/not an octal-escaped string/);
  });
});

describe("the baseline's md5.js", () => {
  const sandbox: { hexMD5?: (s: string) => string } = {};
  createContext(sandbox);
  runInContext(readFileSync(path.join(BASELINE_DIR, 'md5.js'), 'utf8'), sandbox);
  const hexMD5 = sandbox.hexMD5!;

  it("matches Node's MD5 on every length around the block boundaries", () => {
    for (let n = 0; n <= 130; n++) {
      const bytes = randomBytes(n);
      expect(hexMD5(bytes.toString('latin1')), `length ${n}`).toBe(md5(bytes));
    }
  });

  it('computes a CHAP answer as RouterOS checks it (ASCII password)', () => {
    const id = randomBytes(1);
    const challenge = randomBytes(16);
    expect(hexMD5(id.toString('latin1') + 'secret' + challenge.toString('latin1'))).toBe(chapAnswer({ id, challenge }, 'secret'));
  });
});

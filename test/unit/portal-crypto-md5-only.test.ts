/**
 * The login page's crypto-js keeps only what `MD5(Latin1.parse(bytes)).toString()` uses: the trimmed
 * modules still hash like node:crypto, for any bytes, and the parts MD5 never touches are gone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md5OnlyCryptoJs } from '../../tools/build/crypto-js-md5-only.ts';
import { browserCryptoCore, cryptoJsToEsm } from '../../tools/build/plugin-crypto-js.ts';

const require = createRequire(import.meta.url);
const dir = mkdtempSync(path.join(tmpdir(), 'cryptojs-md5-only-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type WordArray = { sigBytes: number; toString(): string };
let MD5: (w: WordArray) => WordArray;
let Latin1: { parse(s: string): WordArray; stringify?: unknown };
let core: Record<string, Record<string, Record<string, unknown>>>;
const sources: Record<string, string> = {};

beforeAll(async () => {
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  for (const name of ['core', 'md5', 'enc-latin1']) {
    const original = readFileSync(require.resolve(`crypto-js/${name}.js`), 'utf8');
    let esm = cryptoJsToEsm(original)!;
    if (name === 'core') esm = browserCryptoCore(esm);
    if (name !== 'enc-latin1') esm = md5OnlyCryptoJs(esm);
    sources[name] = esm;
    writeFileSync(path.join(dir, `${name}.js`), esm);
  }
  MD5 = (await import(pathToFileURL(path.join(dir, 'md5.js')).href)).default;
  Latin1 = (await import(pathToFileURL(path.join(dir, 'enc-latin1.js')).href)).default;
  core = (await import(pathToFileURL(path.join(dir, 'core.js')).href)).default;
});

describe('crypto-js, MD5 only', () => {
  it('hashes any bytes like node:crypto (CHAP: id, UTF-8 password, challenge)', () => {
    for (let i = 0; i < 200; i++) {
      const bytes = Buffer.concat([randomBytes(1), Buffer.from(`pässwörd-${i}-${'x'.repeat(i % 70)}`, 'utf8'), randomBytes(16)]);
      expect(MD5(Latin1.parse(bytes.toString('latin1'))).toString()).toBe(createHash('md5').update(bytes).digest('hex'));
    }
  });

  it('leaves out HMAC, random word arrays, clones, create, update, the UTF-8 codec, Hex.parse, Latin1.stringify and the Object.create polyfill', () => {
    const lib = core['lib']!;
    expect(lib['WordArray']!['random']).toBeUndefined();
    expect(lib['WordArray']!['clone']).toBeUndefined();
    expect(lib['Base']!['clone']).toBeUndefined();
    expect(lib['Hasher']!['_createHmacHelper']).toBeUndefined();
    expect(lib['Base']!['create']).toBeUndefined();
    expect(lib['Hasher']!['update']).toBeUndefined();
    expect(core['enc']!['Utf8']).toBeUndefined();
    expect(core['enc']!['Hex']!['parse']).toBeUndefined();
    expect(typeof core['enc']!['Hex']!['stringify']).toBe('function');
    expect(Latin1.stringify).toBeUndefined();
    expect((core as Record<string, unknown>)['HmacMD5']).toBeUndefined();
    expect(typeof (core as Record<string, unknown>)['MD5']).toBe('function');
    expect(sources['core']).toMatch(/var create = Object\.create;/);
    expect(sources['core']!.length).toBeLessThan(cryptoJsToEsm(readFileSync(require.resolve('crypto-js/core.js'), 'utf8'))!.length - 2000);
  });

  it('changes nothing in a file without those members', () => {
    const code = 'var a = { init: function () { return 1; } };\nC.MD5 = f(a);\n';
    expect(md5OnlyCryptoJs(code)).toBe(code);
  });
});

/**
 * The build's source transforms: crypto-js served as ES modules still hashes correctly, and the Lit
 * template minifier drops only formatting whitespace.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { browserCryptoCore, cryptoJsToEsm } from '../../tools/build/plugin-crypto-js.ts';
import { minifyCss, minifyLitTemplates } from '../../tools/build/plugin-lit-templates.ts';

const require = createRequire(import.meta.url);

describe('crypto-js as ES modules', () => {
  it('converts md5, enc-latin1 and core (browser random source only), and the result hashes like node:crypto', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cryptojs-esm-'));
    try {
      writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
      for (const name of ['core', 'md5', 'enc-latin1']) {
        const converted = cryptoJsToEsm(readFileSync(require.resolve(`crypto-js/${name}.js`), 'utf8'));
        const esm = name === 'core' && converted ? browserCryptoCore(converted) : converted;
        expect(esm, name).toBeDefined();
        expect(esm).not.toMatch(/\bmodule\.exports\b|\bdefine\(|require\("\.\//);
        writeFileSync(path.join(dir, `${name}.js`), esm!);
      }
      const MD5 = (await import(pathToFileURL(path.join(dir, 'md5.js')).href)).default;
      const Latin1 = (await import(pathToFileURL(path.join(dir, 'enc-latin1.js')).href)).default;
      const core = (await import(pathToFileURL(path.join(dir, 'core.js')).href)).default;
      expect(readFileSync(path.join(dir, 'core.js'), 'utf8')).not.toContain("require('crypto')");
      expect(core.lib.WordArray.random(16).sigBytes).toBe(16); // random() still has a source
      const bytes = Buffer.from([0xf9, ...Buffer.from('pässwörd', 'utf8'), 0x00, 0xff, 0x7f]);
      expect(MD5(Latin1.parse(bytes.toString('latin1'))).toString()).toBe(createHash('md5').update(bytes).digest('hex'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves a file without the crypto-js wrapper alone', () => {
    expect(cryptoJsToEsm('module.exports = 1;')).toBeUndefined();
  });
});

describe('Lit template minifier', () => {
  it('minifies css`` without changing selectors', () => {
    expect(
      minifyCss(`\n  :host([kind='error']) .box {\n    margin: 0 0 0.5rem;\n    color: var(--hs-error);\n  }\n  a :focus-visible { outline: 0 }\n`),
    ).toBe(`:host([kind='error']) .box{margin:0 0 .5rem;color:var(--hs-error)}a :focus-visible{outline:0}`);
  });

  it('drops indentation between tags, keeps one space between attributes and words', () => {
    const src =
      'const t = html`<section>\n      <input\n        id="u"\n        .value=${this.v}\n      />\n      <p>${a ? html`<b>x</b>\n   <i>y</i>` : nothing} and ${b}</p>\n    </section>`;';
    expect(minifyLitTemplates(src)).toBe(
      'const t = html`<section><input id="u" .value=${this.v}/><p>${a ? html`<b>x</b><i>y</i>` : nothing} and ${b}</p></section>`;',
    );
  });

  it('leaves code outside templates and css with interpolations untouched', () => {
    const src = 'const a = `x\n  y`; const s = css`a { b: ${c}; }`;';
    expect(minifyLitTemplates(src)).toBe(src);
  });
});

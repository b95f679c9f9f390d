/**
 * What each built page makes a guest download: the page itself (logo, icon and default-locale texts
 * inline), its one entry script, and the shared `static` chunk on the pages the build renders whole
 * (login, alogin, status, logout, error, fstatus, flogout), with the `figures` chunk on the pages that
 * show figures (status, logout); light pages (redirect, rlogin, radvert)
 * load only their own script. No page loads Lit. The login page's entry is the small CHAP path, which
 * loads the page's second script (`login-app`, with its default-locale texts) and the static chunk
 * after it. Other locales' texts stay files fetched on demand, and the login budget counts the page
 * with the largest of them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { measure, pageLoad } from '../../tools/build/budgets.ts';
import { buildCatalogs } from '../../tools/build/catalogs.ts';
import { listFiles } from '../../tools/build/files.ts';
import { pageTexts, textsIsland, unusedTexts } from '../../tools/build/page-texts.ts';
import { pagesFor } from '../../tools/build/pages.ts';
import { validateConfig } from '../../tools/config/index.ts';
import { parseTemplate } from '../../tools/routeros/engine/index.ts';
import { builtPortal } from '../support/built-portal.ts';

const input = { ...example, adverts: { urls: ['http://ads.example.com/'] } };
const config = validateConfig(input);
const LIGHT = ['radvert.html', 'redirect.html', 'rlogin.html'];
const STATIC = ['alogin.html', 'status.html', 'logout.html', 'error.html', 'fstatus.html', 'flogout.html'];
/** The pages with figures: their own chunk beside the static one, which the login page loads too. */
const FIGURES = ['status.html', 'logout.html'];
let dir: string;
beforeAll(async () => {
  dir = await builtPortal(input);
}, 60_000);

const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
const island = (html: string) => /<script type="application\/json" id="hs-texts" data-locale="([a-z-]+)">([^<]*)<\/script>/.exec(html);

describe('what each page loads', () => {
  it('one entry script per page (two on the login page), plus the static chunk on the pages rendered whole (and the figures chunk on status and logout), and no Lit', () => {
    expect(
      pagesFor(config)
        .filter((p) => p.static)
        .map((p) => p.file),
    ).toEqual(STATIC);
    for (const spec of pagesFor(config)) {
      const load = pageLoad(dir, spec.file);
      const scripts = load.files.filter((f) => f.endsWith('.js')).map((f) => f.replace(/-[\w-]{8}\.js$/, ''));
      const name = spec.file.replace('.html', '');
      const own = spec.app ? [`assets/${name}`, `assets/${name}-app`] : [`assets/${name}`];
      const shared = LIGHT.includes(spec.file) ? [] : FIGURES.includes(spec.file) ? ['assets/static', 'assets/figures'] : ['assets/static'];
      expect(scripts.sort(), spec.file).toEqual([...own, ...shared].sort());
      // Lit's own code ("lit-html", its template marker) nowhere: Lit runs at build time only.
      const lit = load.files.filter((f) => f.endsWith('.js') && read(f).includes('lit$'));
      expect(lit, spec.file).toEqual([]);
      expect(
        load.files.filter((f) => !f.endsWith('.js')),
        spec.file,
      ).toEqual([spec.file]); // no logo, icon or texts file
    }
  });

  it('carries no CSS for what the pages do not use: no light-dark() polyfill, no shadow roots on the login page', () => {
    for (const page of pagesFor(config)) expect(read(page.file)).not.toContain('--lightningcss-');
    expect(read('login.html')).not.toContain('<template');
  });

  it("asks for each page's script first: right after the charset, before the stylesheet and the data island", () => {
    for (const page of pagesFor(config)) {
      expect(read(page.file)).toMatch(
        /<head>\n<meta charset="utf-8">\n<script type="module" crossorigin src="\/assets\/[\w-]+\.js"><\/script>\n<meta name="viewport"/,
      );
    }
  });

  it('no chunk besides the entries, the static chunk and the figures chunk', () => {
    const scripts = listFiles(dir)
      .map((f) => f.path)
      .filter((f) => f.endsWith('.js'));
    const entries = pagesFor(config).flatMap((p) =>
      p.app ? [p.file.replace('.html', ''), p.file.replace('.html', '-app')] : [p.file.replace('.html', '')],
    );
    expect(scripts.map((f) => path.basename(f).replace(/-[\w-]{8}\.js$/, '')).sort()).toEqual([...entries, 'static', 'figures'].sort());
  });

  it("the default locale's texts are in each page but the light ones (login: in its full script), as the page's texts; the others are files", () => {
    const catalogs = buildCatalogs(config);
    const en = catalogs.find((c) => c.code === 'en')!;
    for (const spec of pagesFor(config)) {
      const found = island(read(spec.file));
      if (LIGHT.includes(spec.file)) {
        expect(found, spec.file).toBeNull();
        continue;
      }
      if (spec.app) {
        expect(found, spec.file).toBeNull();
        const app = pageLoad(dir, spec.file).files.find((f) => /-app-[\w-]{8}\.js$/.test(f))!;
        for (const text of Object.values(pageTexts(en, spec, unusedTexts(config)))) expect(read(app), spec.file).toContain(text);
        continue;
      }
      expect(found?.[1], spec.file).toBe('en');
      expect(JSON.parse(found![2]!), spec.file).toEqual(pageTexts(en, spec, unusedTexts(config)));
    }
    const texts = listFiles(dir)
      .map((f) => f.path)
      .filter((f) => /texts-/.test(f));
    expect(texts.filter((f) => /texts-en-/.test(f))).toEqual([]);
    expect(texts.filter((f) => /texts-ar-login-/.test(f))).toHaveLength(1);
    expect(texts.filter((f) => /texts-es-login-/.test(f))).toHaveLength(1);
  });

  it('counts the login budget as the page (inline content included) with its scripts and the largest other language', () => {
    const report = measure(dir);
    const size = (f: string) => listFiles(dir).find((x) => x.path === f)!.size;
    expect(report.loginLazy).toHaveLength(1);
    expect(report.loginLazy[0]).toMatch(/^assets\/texts-ar-login-\w+\.json$/); // Arabic is the largest
    expect(report.login).toBe([...report.loginFiles, ...report.loginLazy].reduce((n, f) => n + size(f), 0));
    expect(report.loginFiles).toContain('login.html');
    expect(report.loginAfterError.every((f) => /errors-(en|es|ar)-login-/.test(f))).toBe(true);
  });
});

describe('the texts island', () => {
  it('cannot be ended early by a text, and holds nothing the router would take for its markup', () => {
    const text = 'Terms: </script><script>alert(1)</script> <!-- a & b > c, price $(amount)';
    const html = textsIsland('en', { 'brand.terms': text });
    const body = island(html)![2]!;
    expect(body).not.toMatch(/[<>&$]/);
    expect(JSON.parse(body)).toEqual({ 'brand.terms': text });
    expect(() => parseTemplate(html, 'login.html')).not.toThrow();
  });
});

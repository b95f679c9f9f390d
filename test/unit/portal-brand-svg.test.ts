/**
 * SVG brand files are part of every page: the logo as an inline <svg> hidden from screen readers,
 * the icon as a percent-encoded data: URL. A brand SVG the router could corrupt (`$(`) or that would
 * run code once inlined stops the build with a sentence naming the file; raster logos stay files.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { inlineLogo, readBrandSvg, svgDataUrl } from '../../tools/build/brand-svg.ts';
import { findUserError } from '../../tools/build/build-error.ts';
import { buildCatalogs } from '../../tools/build/catalogs.ts';
import { pagesFor } from '../../tools/build/pages.ts';
import { createShells } from '../../tools/build/shells.ts';
import { hotspotViteConfig } from '../../tools/build/vite-config.ts';
import { validateConfig, type PortalConfigInput } from '../../tools/config/index.ts';
import { UserError } from '../../tools/lib/errors.ts';
import { parseTemplate } from '../../tools/routeros/engine/index.ts';
import { copyProject } from '../support/dev-project.ts';

const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48"><rect width="48" height="48" rx="10" fill="#0b5cad"/><text x="4" y="30">A&amp;B</text></svg>';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A folder with brand files, standing in for the project root. */
function brandRoot(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hs-brand-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const shellsFor = (root: string, brand: Partial<PortalConfigInput['brand']>) => {
  const config = validateConfig({ ...example, brand: { ...example.brand, ...brand } });
  return { config, shells: createShells({ config, root, templatesDir: path.resolve('templates'), catalogs: buildCatalogs(config) }) };
};

describe('SVG brand files in the pages', () => {
  it('puts the logo inline, sized and hidden from screen readers, and the icon as a data: URL, on every page', () => {
    const root = brandRoot({ 'brand/logo.svg': `<?xml version="1.0"?>\n<!-- exported -->\n${LOGO}\n` });
    const { config, shells } = shellsFor(root, { logo: 'brand/logo.svg', favicon: undefined });
    for (const spec of pagesFor(config)) {
      const html = shells.renderPage(spec);
      expect(html, spec.file).toContain('<svg class="hs-logo" viewBox="0 0 48 48" width="40" height="40" aria-hidden="true"><rect');
      expect(html, spec.file).toMatch(
        /<link rel="icon" href="data:image\/svg\+xml,%3Csvg xmlns='http:\/\/www\.w3\.org\/2000\/svg' viewBox='0 0 48 48'%3E[^"]*%3C\/svg%3E">/,
      );
      expect(html, spec.file).not.toMatch(/<img|\.svg"|<\?xml|exported/);
    }
  });

  it('encodes the icon so that it holds no quote, tag, entity, fragment or "$"', () => {
    const url = svgDataUrl(`${LOGO.replace('</svg>', '<text>$(identity) 100% "#1"</text></svg>')}`);
    const body = url.slice('data:image/svg+xml,'.length);
    expect(body).not.toMatch(/["<>&#$]/);
    expect(body).not.toMatch(/%(?![0-9A-F]{2})/);
    expect(decodeURIComponent(body)).toBe(
      `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 48 48'><rect width='48' height='48' rx='10' fill='#0b5cad'/><text x='4' y='30'>A&amp;B</text><text>$(identity) 100% "#1"</text></svg>`,
    );
  });

  it('gives a logo without viewBox one from its size, so that it scales to 40 px', () => {
    expect(inlineLogo('<svg width="120px" height="60" xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1"/></svg>')).toBe(
      '<svg class="hs-logo" viewBox="0 0 120 60" width="40" height="40" aria-hidden="true"><path d="M0 0h1"/></svg>',
    );
  });

  it('keeps raster logos and icons as files', () => {
    const root = brandRoot({ 'brand/logo.png': 'png', 'brand/icon.png': 'png' });
    const { config, shells } = shellsFor(root, { logo: 'brand/logo.png', favicon: 'brand/icon.png' });
    const html = shells.renderPage(pagesFor(config)[0]!);
    // Not a picture the build can measure: a 40 px square. Marked for the page's script to ask for (tools/build/plugin-pages.ts).
    expect(html).toContain('<img class="hs-logo" src="/brand/logo.png" alt="" width="40" height="40" data-hs-defer>');
    expect(html).toContain('<link rel="icon" href="/brand/icon.png">');
  });

  it.each([
    [
      '"$(" (the router would fill it in)',
      `${LOGO.replace('</svg>', '<desc>price $(amount)</desc></svg>')}`,
      /^brand\/logo\.svg contains "\$\(", which the router would take for one of its variables/,
    ],
    [
      'a script',
      `${LOGO.replace('</svg>', '<script>alert(1)</script></svg>')}`,
      /^brand\/logo\.svg contains a script, an event handler or foreign content/,
    ],
    ['an event handler', LOGO.replace('<rect ', '<rect onclick="alert(1)" '), /^brand\/logo\.svg contains a script, an event handler/],
    ['something that is not SVG', '<html><svg/></html>', /^brand\/logo\.svg is not an SVG image/],
  ])('refuses a logo with %s, naming the file', (_, text, message) => {
    const root = brandRoot({ 'brand/logo.svg': text });
    expect(() => readBrandSvg(root, 'brand/logo.svg')).toThrow(UserError);
    expect(() => readBrandSvg(root, 'brand/logo.svg')).toThrow(message);
    expect(() => shellsFor(root, { logo: 'brand/logo.svg', favicon: undefined })).toThrow(message);
  });

  it('accepts text that merely reads like an attribute', () => {
    const root = brandRoot({ 'brand/logo.svg': LOGO.replace('A&amp;B', 'Zone one = free') });
    expect(readBrandSvg(root, 'brand/logo.svg')).toContain('<text x="4" y="30">Zone one = free</text>');
  });

  it('says which brand file is missing', () => {
    expect(() => readBrandSvg(brandRoot({}), 'brand/nope.svg')).toThrow(
      'brand/nope.svg (named in portal.config.ts) does not exist; add the file or fix the path.',
    );
  });

  it('leaves pages whose only "$(" is RouterOS markup', () => {
    const root = brandRoot({ 'brand/logo.svg': LOGO });
    const { config, shells } = shellsFor(root, { logo: 'brand/logo.svg', favicon: undefined });
    for (const spec of pagesFor(config)) expect(() => parseTemplate(shells.renderPage(spec), spec.file)).not.toThrow();
  });

  it('stops the build with that sentence when a brand SVG holds "$("', async () => {
    const project = copyProject();
    try {
      writeFileSync(path.join(project.dir, 'brand/favicon.svg'), LOGO.replace('</svg>', '<!-- $(if x) --></svg>'));
      const config = validateConfig(example);
      const outDir = path.join(project.cacheDir, 'out');
      const err = await build({
        ...hotspotViteConfig({ config, dir: project.dir }, { outDir, quiet: true }),
        configFile: false,
        logLevel: 'silent',
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(findUserError(err)?.message).toMatch(/^brand\/favicon\.svg contains "\$\(", which the router would take for one of its variables/);
    } finally {
      project.remove();
    }
  });
});

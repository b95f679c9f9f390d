/**
 * What `npm run dev` does with an edited file: every brand file a page carries or links re-renders the
 * pages (a terms fragment is terms.html, a hero image is in every page's markup); other files are Vite's.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { validateConfig } from '../../tools/config/index.ts';
import { DevPortal } from '../../tools/dev/dev-portal.ts';

const root = path.resolve(import.meta.dirname, '../..');

function devPortal(brand: object): DevPortal {
  const config = validateConfig({ ...example, brand: { ...example.brand, ...brand } });
  return new DevPortal({ root, configFile: path.join(root, 'portal.config.ts'), config, htmlDir: '/nonexistent', setup: { env: {} } });
}

describe('an edit in the dev server', () => {
  it('to a brand file that a page carries or links renders the pages again', () => {
    const portal = devPortal({
      hero: 'brand/hero.jpg',
      terms: { ...example.brand.terms, page: 'brand/terms.html' },
    });
    for (const file of ['brand/logo.svg', 'brand/favicon.svg', 'brand/hero.jpg', 'brand/terms.html', 'templates/pages/login.hbs'])
      expect(portal.classify(path.join(root, file)), file).toBe('shells');
    expect(portal.classify(path.join(root, 'portal.config.ts'))).toBe('config');
    expect(portal.classify(path.join(root, 'portal/i18n/locales/en.ts'))).toBe('restart');
    expect(portal.classify(path.join(root, 'brand/notes.txt'))).toBe('none');
    expect(portal.classify(path.join(root, 'portal/components/hs-element.ts'))).toBe('none');
  });
});

/**
 * What `npm run dev` does with an edited file: every brand file a page carries or links re-renders the
 * pages (a terms fragment is terms.html, a hero image is in every page's markup), and so does every
 * portal module (the build renders the components and views into the pages); other files are Vite's.
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
    // The pages are the views as the build renders them: a component's edit must reach them.
    expect(portal.classify(path.join(root, 'portal/components/hs-trial/hs-trial.ts'))).toBe('shells');
    expect(portal.classify(path.join(root, 'portal/pages/views/login-page.ts'))).toBe('shells');
  });
});

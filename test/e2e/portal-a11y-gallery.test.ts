/**
 * axe-core on every page × state of the gallery (tools/dev/gallery-states.ts: login with and without
 * JavaScript, errors, trial, every status kind, logout, error, not logged in), each served by its own
 * simulated router, in light and dark colour schemes, left to right and right to left.
 */
import type { BrowserContext } from 'playwright';
import { describe, expect, it } from 'vitest';
import { GALLERY } from '../../tools/dev/gallery-states.ts';
import { viewUrl } from '../../tools/dev/state.ts';
import { useDevLab } from '../support/dev-server.ts';
import { axeViolations } from './portal-harness.ts';

const lab = useDevLab();

const PICTURES = GALLERY.filter((g) => g.screenshot);

/**
 * axe runs as a script in the page, which a browser with JavaScript off does not run. So the page a
 * guest without JavaScript gets is shown with scripting on but as that browser renders it: its
 * scripts taken out and its <noscript> content in place.
 */
async function withoutScripts(context: BrowserContext): Promise<void> {
  await context.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const served = await route.fetch();
    const body = (await served.text())
      .replace(/<script\b(?![^>]*type="application\/(?:json|x-hotspot)")[^>]*>[\s\S]*?<\/script>/g, '')
      .replace(/<\/?noscript>/g, '');
    await route.fulfill({ response: served, body });
  });
}

describe('every page in every state', () => {
  it.each([
    ['light', 'en'],
    ['dark', 'en'],
    ['light', 'ar'],
    ['dark', 'ar'],
  ] as const)('has no axe violations (%s, %s)', { timeout: 120_000 }, async (colorScheme, locale) => {
    const found: string[] = [];
    for (const js of [true, false]) {
      const context = await lab.browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme, locale });
      if (!js) await withoutScripts(context);
      // One tab for all pages: each new tab costs Chromium about as much as loading and checking a page.
      const page = await context.newPage();
      for (const g of PICTURES.filter((p) => p.state.js === js)) {
        await page.goto(lab.dev.url + viewUrl(g.state));
        await page.locator('.hs-brand').waitFor();
        if (js) {
          // The page picks the browser's language; without a script it stays in the default one.
          await page.locator('html[data-hs-app]').waitFor({ state: 'attached' });
          expect(await page.evaluate(() => document.documentElement.dir), g.name).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        } else {
          expect(await page.locator('script[src], script:not([type])').count()).toBe(0);
        }
        found.push(...(await axeViolations(page)).map((v) => `${g.name}: ${v}`));
        // Leaving the page stops its own timers (alogin goes on to the status page after a few
        // seconds), which would otherwise abort the next page's navigation.
        await page.goto('about:blank');
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });
});

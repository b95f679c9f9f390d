/**
 * axe-core on every page × state of the gallery (tools/dev/gallery-states.ts: login with and without
 * JavaScript, errors, trial, every status kind, logout, error, not logged in), in light and dark
 * colour schemes, left to right and right to left. The pages are the built portal's, as guests get
 * them (not the dev server's unbundled modules; dev-workbench.test.ts loads every state from the dev
 * server): each state is the dev toolbar's simulated router (tools/dev/scenarios.ts) serving the
 * build's html directory.
 */
import { createServer, type Server } from 'node:http';
import type { BrowserContext } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { validateConfig } from '../../tools/config/index.ts';
import { GALLERY } from '../../tools/dev/gallery-states.ts';
import { scenarioRequest, Scenarios } from '../../tools/dev/scenarios.ts';
import { viewUrl } from '../../tools/dev/state.ts';
import { listenOn } from '../../tools/lib/listen.ts';
import { builtPortal } from '../support/built-portal.ts';
import { BrowserSession } from '../support/chromium.ts';
import { axeViolations } from './portal-harness.ts';

const browser = new BrowserSession();
let server: Server;
let url: string;
beforeAll(async () => {
  const config = validateConfig(example);
  const scenarios = new Scenarios({ htmlDir: await builtPortal(example), config: () => config, log: () => {}, setup: { env: {} } });
  server = createServer((req, res) => {
    const state = scenarioRequest(req.url ?? '/');
    // The pages' scripts and styles (/assets/…): any router serves them from its html directory.
    if (state) scenarios.handle(req, res, state.key, state.rest, state.view);
    else scenarios.handleLive(req, res);
  });
  url = `http://127.0.0.1:${await listenOn(server, 0, '127.0.0.1', '--port')}`;
});
afterAll(async () => {
  await browser.close();
  if (!server) return; // beforeAll failed before listening: nothing to close (close() would never call back)
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

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
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme, locale });
      if (!js) await withoutScripts(context);
      // One tab for all pages: each new tab costs Chromium about as much as loading and checking a page.
      const page = await context.newPage();
      for (const g of PICTURES.filter((p) => p.state.js === js)) {
        await page.goto(url + viewUrl(g.state));
        await page.locator('.hs-brand').waitFor();
        if (js) {
          // The page picks the browser's language; without a script it stays in the default one.
          await page.locator('html[data-hs-app]').waitFor({ state: 'attached' });
          expect(await page.evaluate(() => document.documentElement.dir), g.name).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        } else {
          expect(await page.locator('script[src], script:not([type])').count()).toBe(0);
        }
        found.push(...(await axeViolations(page)).map((v) => `${g.name}: ${v}`));
        // Leaving alogin stops its timer (it goes on to the status page after a few seconds), which
        // would otherwise abort the next page's navigation.
        if (g.state.page === 'alogin') await page.goto('about:blank');
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });
});

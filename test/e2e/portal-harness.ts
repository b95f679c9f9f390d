/**
 * Shared set-up of the portal's browser tests: the portal built once per config and test run (shared
 * by the files, see test/support/built-portal.ts), the virtual router serving it with a frozen clock, and
 * contexts of the worker's Chromium (test/support/chromium.ts) sending all traffic through the router
 * as a guest behind a hotspot does. Only loopback is contacted.
 */
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright';
import example from '../../portal.config.ts';
import type { PortalConfigInput } from '../../tools/config/index.ts';
import type { RouterConfigInput } from '../../tools/routeros/config.ts';
import { startVirtualRouter, type VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { builtPortal } from '../support/built-portal.ts';
import { BrowserSession } from '../support/chromium.ts';

/** The hotspot's address in the virtual router's default profile: `$(link-login-only)` is http://10.5.50.1/login. */
export const HOTSPOT = 'http://10.5.50.1';

export const USERS: Array<Record<string, string>> = [
  { name: 'alice', password: 'secret', 'limit-uptime': '1h', 'limit-bytes-total': '1000000' },
  { name: 'bob', password: 'builder' },
  { name: 'carol', password: 'cheese' },
  { name: 'dave', password: 'dive' },
  { name: 'erin', password: 'earth' },
  { name: 'V7KQ2M', password: 'V7KQ2M' },
  { name: 'K3PX9Q', password: 'K3PX9Q' },
];

export const ROUTER: RouterConfigInput = {
  'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-chap,cookie,trial', 'trial-uptime-limit': '30m', 'trial-uptime-reset': '1d' }],
  'ip/hotspot/user/profile': [{ name: 'default', 'shared-users': '1', 'status-autorefresh': '1m' }],
  'ip/hotspot/user': USERS,
};

export interface Guest {
  context: BrowserContext;
  page: Page;
  /** Bodies of every POST the page sent. */
  posts: string[];
  /** Uncaught script errors. */
  errors: string[];
}

export class Portal {
  private constructor(
    /** The built portal the router serves: shared with other tests, never changed. */
    readonly dir: string,
    readonly vr: VirtualRouter,
    /** The worker's Chromium, its traffic sent through the router. */
    readonly browser: BrowserSession,
  ) {}

  /** Builds the portal (the example brand unless `config` is given) and starts the router. */
  static async start(router: RouterConfigInput = ROUTER, config: PortalConfigInput = example): Promise<Portal> {
    const dir = await builtPortal(config);
    const vr = await startVirtualRouter({ htmlDir: dir, clock: { frozen: true }, config: router });
    return new Portal(dir, vr, new BrowserSession(vr.url));
  }

  /** A device with its own MAC, cookies and storage. */
  async guest(mac: string, options: BrowserContextOptions = {}): Promise<Guest> {
    const context = await this.browser.newContext({
      viewport: { width: 375, height: 667 },
      locale: 'en-US',
      ...options,
      extraHTTPHeaders: { 'x-vr-mac': mac, ...options.extraHTTPHeaders },
    });
    const page = await context.newPage();
    const posts: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.postData() ?? '');
    });
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, posts, errors };
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.vr.close();
  }
}

/** Axe violations on the page as it stands, as "rule: target" lines (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const options = { resultTypes: ['violations'] } satisfies axe.RunOptions;
  let violations: axe.Result[];
  if (page.frames().length === 1) {
    // The same axe-core and rules as AxeBuilder's, which injects axe's 0.5 MB twice per check (to probe
    // for it, then into each frame) and, by default, merges the results in a fresh page: most of a
    // check's time on a page without frames, where none of that is needed.
    await page.evaluate(axe.source);
    violations = await page.evaluate((o) => (window as unknown as { axe: typeof axe }).axe.run(document, o).then((r) => r.violations), options);
  } else {
    violations = (await new AxeBuilder({ page }).options(options).analyze()).violations;
  }
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? v.help})`));
}

/**
 * Waits until the page's script has taken over the page the build rendered (boot.ts sets
 * `data-hs-app`) and shows `heading`: the live page, in the guest's language.
 */
export async function live(page: Page, heading: string | RegExp): Promise<void> {
  await page.locator('html[data-hs-app]').waitFor({ state: 'attached' });
  await page.getByRole('heading', { name: heading }).waitFor();
}

/** Ticks the terms box (every login needs it with the example brand). */
export async function acceptTerms(page: Page): Promise<void> {
  await page.getByRole('checkbox', { name: /acceptable use|uso aceptable|الاستخدام المقبول/ }).check();
}

/** Logs in with the member form. */
export async function memberLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await acceptTerms(page);
  await page.getByRole('button', { name: 'Log in' }).click();
}

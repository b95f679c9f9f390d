/**
 * The brand's larger logo slot and hero picture: the pictures load beside the login form and never
 * before it (they are asked for once the page's first script has arrived, so on a slow link they do
 * not share it with that script, and the form works while they are still on their way), their boxes
 * are reserved in their own shape, so nothing moves when they arrive, and without JavaScript they show too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import type { PortalConfigInput } from '../../tools/config/index.ts';
import { axeViolations, HOTSPOT, live, Portal, ROUTER } from './portal-harness.ts';

const CONFIG: PortalConfigInput = {
  ...example,
  brand: { ...example.brand, logo: 'test/fixtures/brand/wordmark.png', logoSize: 'large', hero: 'test/fixtures/brand/hero.webp' },
};

let portal: Portal;
beforeAll(async () => {
  portal = await Portal.start(ROUTER, CONFIG);
});
afterAll(async () => {
  await portal?.close();
});

describe('hero picture', () => {
  it('does not hold the form back, and takes its place without moving anything', async () => {
    const { page, context } = await portal.guest('02:00:00:00:14:01', { viewport: { width: 360, height: 640 } });
    await page.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) (window as unknown as { shifts: number }).shifts += (e as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/hero-[\w-]+\.webp$/, async (route) => {
      await held;
      await route.continue();
    });
    // When each request starts and ends, in the page's own order.
    const log: string[] = [];
    page.on('request', (r) => log.push(`ask ${new URL(r.url()).pathname}`));
    page.on('requestfinished', (r) => log.push(`got ${new URL(r.url()).pathname}`));
    await page.goto(`${HOTSPOT}/login`, { waitUntil: 'commit' });
    await page.locator('html[data-hs-ready]').waitFor({ state: 'attached' }); // the form can be sent
    const firstScript = log.findIndex((l) => /^got \/assets\/login-[\w-]+\.js$/.test(l));
    const pictures = log.filter((l) => /^ask \/assets\/(hero|wordmark)-/.test(l)).map((l) => log.indexOf(l));
    expect(firstScript).toBeGreaterThan(-1);
    expect(pictures).toHaveLength(2); // the logo and the hero, each asked for once
    for (const at of pictures) expect(at).toBeGreaterThan(firstScript);
    const hero = page.locator('img.hs-hero');
    expect(await hero.evaluate((img: HTMLImageElement) => img.complete)).toBe(false);
    await live(page, 'Welcome to Acme Guest Wi-Fi');
    const box = await hero.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeCloseTo((box!.width * 2) / 5, 0); // reserved before the picture arrives
    const formTop = (await page.locator('hs-login-form').boundingBox())!.y;
    release();
    await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1000);
    expect((await page.locator('hs-login-form').boundingBox())!.y).toBe(formTop);
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
    expect(await hero.getAttribute('alt')).toBe(''); // decorative
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('is on the login page only', async () => {
    const { page, context } = await portal.guest('02:00:00:00:14:02');
    await page.goto(`${HOTSPOT}/status`);
    await live(page, 'You are not logged in');
    expect(await page.locator('img.hs-hero').count()).toBe(0);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('shows the logo and the hero from the markup', async () => {
    const { page, context } = await portal.guest('02:00:00:00:14:03', { javaScriptEnabled: false, viewport: { width: 360, height: 640 } });
    await page.goto(`${HOTSPOT}/login`);
    for (const selector of ['img.hs-logo', 'img.hs-hero']) {
      const shown = page.locator(`${selector}:visible`);
      expect(await shown.count(), selector).toBe(1);
      await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    }
    expect((await page.locator('img.hs-logo:visible').boundingBox())!.width).toBe(192);
    await context.close();
  });
});

describe('large logo', () => {
  it('has its box, in its own shape, before the picture arrives', async () => {
    const { page, context } = await portal.guest('02:00:00:00:14:04', { viewport: { width: 360, height: 640 } });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/wordmark-[\w-]+\.png$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${HOTSPOT}/login`, { waitUntil: 'commit' });
    await live(page, /Acme Guest Wi-Fi/);
    const logo = page.locator('img.hs-logo');
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete)).toBe(false);
    const before = (await logo.boundingBox())!;
    release();
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
    expect(await logo.boundingBox()).toEqual(before);
    expect(before).toMatchObject({ width: 192, height: 64 });
    await context.close();
  });

  it.each(['en', 'ar'])('fills a larger slot and keeps the language picker in the header row at 360×640 (%s)', async (locale) => {
    const { page, context } = await portal.guest(`02:00:00:00:14:1${locale === 'en' ? 0 : 1}`, { viewport: { width: 360, height: 640 }, locale });
    await page.goto(`${HOTSPOT}/login`);
    await live(page, /Acme Guest Wi-Fi/);
    const logo = (await page.locator('.hs-logo').boundingBox())!;
    const picker = (await page.locator('hs-language-picker select').boundingBox())!;
    expect(logo.height).toBe(64); // 4rem
    expect(logo.width).toBe(192); // a 4:1 wordmark, up to 12rem wide
    expect(picker.y).toBeLessThan(logo.y + logo.height);
    expect(picker.y + picker.height).toBeGreaterThan(logo.y);
    // The name is in the picture: it stays for screen readers.
    expect(await page.locator('.hs-brand').textContent()).toBe('Acme Guest Wi-Fi');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await context.close();
  });
});

/**
 * The brand's larger logo slot and hero picture: the picture loads beside the login form and never
 * before it (the form works while the picture is still on its way), and its box is reserved, so
 * nothing moves when it arrives.
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
    await page.goto(`${HOTSPOT}/login`, { waitUntil: 'commit' });
    await page.locator('html[data-hs-ready]').waitFor({ state: 'attached' }); // the form can be sent
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

describe('large logo', () => {
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

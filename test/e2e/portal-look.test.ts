/**
 * The look of the built portal on a guest's phone: dark mode from prefers-color-scheme with the
 * brand's dark colours (axe clean in every login state; the pages after login are checked dark in
 * portal-a11y.test.ts), text sizes that follow the browser's font size setting, and a language
 * picker that shares the header row instead of pushing the form down.
 */
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { darkPalette } from '../../tools/config/dark.ts';
import { acceptTerms, axeViolations, HOTSPOT, live, Portal, ROUTER } from './portal-harness.ts';

let portal: Portal;
beforeAll(async () => {
  portal = await Portal.start(ROUTER);
});
afterAll(async () => {
  await portal?.close();
});

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
};

/** The computed style `prop` of the first element matching `selector`, shadow roots included. */
function deepStyle(page: Page, selector: string, prop: string): Promise<string> {
  return page.evaluate(
    ([sel, p]) => {
      const find = (root: Document | ShadowRoot): Element | null => {
        const hit = root.querySelector(sel!);
        if (hit) return hit;
        for (const el of root.querySelectorAll('*')) {
          const inner = el.shadowRoot && find(el.shadowRoot);
          if (inner) return inner;
        }
        return null;
      };
      const el = find(document);
      return el ? getComputedStyle(el).getPropertyValue(p!) : 'missing';
    },
    [selector, prop],
  );
}

describe('dark mode', () => {
  const light = (({ dark: _, ...rest }) => rest)({ ...example.brand.colors! } as Record<string, string>);
  const dark = darkPalette(light as never);

  it('follows the device: dark colours derived from the brand, page and form alike', async () => {
    const { page, context } = await portal.guest('02:00:00:00:12:01', { colorScheme: 'dark' });
    await page.goto(`${HOTSPOT}/login`);
    await live(page, 'Welcome to Acme Guest Wi-Fi');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(rgb(dark.background));
    expect(await deepStyle(page, '.card', 'background-color')).toBe(rgb(dark.surface));
    expect(await deepStyle(page, 'input#username', 'color')).toBe(rgb(dark.text));
    expect(await deepStyle(page, 'button[type=submit]', 'background-color')).toBe(rgb(dark.primary));
    await context.close();
    const day = await portal.guest('02:00:00:00:12:02', { colorScheme: 'light' });
    await day.page.goto(`${HOTSPOT}/login`);
    await live(day.page, 'Welcome to Acme Guest Wi-Fi');
    expect(await day.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(rgb(light['background']!));
    await day.context.close();
  });

  it.each(['en', 'ar'])('login page in %s: no axe violations in dark mode, in every state of the form', async (locale) => {
    const { page, context } = await portal.guest(`02:00:00:00:12:1${locale === 'en' ? 0 : 1}`, { colorScheme: 'dark', locale });
    await page.goto(`${HOTSPOT}/login`);
    await live(page, /Acme Guest Wi-Fi/);
    expect(await axeViolations(page)).toEqual([]);
    const submit = page.locator('hs-login-form button[type=submit]');
    await submit.click(); // every field and the terms missing
    await expect.poll(() => deepStyle(page, '#username', 'border-top-width')).toBe('2px');
    expect(await axeViolations(page)).toEqual([]);
    await acceptTerms(page);
    await page.locator('#mode-voucher').check();
    await page.locator('#voucher').fill('WRONG1');
    await submit.click();
    await page.locator('hs-message[kind=error]').getByRole('alert').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('text size', () => {
  it.each(['en', 'ar'])('follows the browser font size setting at 200 percent in %s, without sideways scrolling at 360 px', async (locale) => {
    const { page, context } = await portal.guest(`02:00:00:00:12:2${locale === 'en' ? 0 : 1}`, { viewport: { width: 360, height: 640 }, locale });
    const sizes = () =>
      Promise.all(['h1', 'label[for=username]', 'input#username', 'button[type=submit]', '.hs-footer p'].map((s) => deepStyle(page, s, 'font-size')));
    await page.goto(`${HOTSPOT}/login`);
    await live(page, /Acme Guest Wi-Fi/);
    const normal = await sizes();
    // The browser's own setting (Settings → Appearance → Font size), not a style of the page.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await page.reload();
    await live(page, /Acme Guest Wi-Fi/);
    const large = await sizes();
    expect(large.map((s) => parseFloat(s))).toEqual(normal.map((s) => parseFloat(s) * 2));
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(await fits()).toBe(true);
    await page.goto(`${HOTSPOT}/status`); // not logged in: the notice page
    await page.locator('html[data-hs-app]').waitFor({ state: 'attached' });
    expect(await fits()).toBe(true);
    await context.close();
  });
});

describe('language picker', () => {
  it.each(['en', 'ar'])('sits in the header row on a 360×640 phone in %s, so the form starts right below the header', async (locale) => {
    const { page, context } = await portal.guest(`02:00:00:00:12:3${locale === 'en' ? 0 : 1}`, { viewport: { width: 360, height: 640 }, locale });
    await page.goto(`${HOTSPOT}/login`);
    await live(page, /Acme Guest Wi-Fi/);
    const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!;
    const [logo, picker, header, main] = [
      await box('.hs-logo'),
      await box('hs-language-picker select'),
      await box('.hs-header'),
      await box('.hs-main'),
    ];
    // One row: the picker overlaps the logo's height, the header has no second row, the form follows it.
    expect(picker.y).toBeLessThan(logo.y + logo.height);
    expect(picker.y + picker.height).toBeGreaterThan(logo.y);
    expect(header.height).toBeLessThan(2 * picker.height);
    expect(main.y).toBeCloseTo(header.y + header.height, 0);
    await context.close();
  });
});

describe('show password', () => {
  it('is a toggle button that keeps the focus, and the login still goes out as a CHAP hash', async () => {
    const mac = '02:00:00:00:12:40';
    const { page, context, posts } = await portal.guest(mac);
    await page.goto(`${HOTSPOT}/login`);
    await live(page, 'Welcome to Acme Guest Wi-Fi');
    const toggle = page.getByRole('button', { name: 'Show password' });
    const password = page.getByLabel('Password', { exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await page.getByLabel('Username').fill('bob');
    await password.fill('builder');
    await page.keyboard.press('Tab'); // from the password to its toggle
    await page.keyboard.press('Space');
    await expect.poll(() => password.getAttribute('type')).toBe('text');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    expect(await password.inputValue()).toBe('builder');
    await toggle.click();
    await expect.poll(() => password.getAttribute('type')).toBe('password');
    await toggle.click(); // shown while it is sent
    await acceptTerms(page);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => portal.vr.hotspot.session(mac)?.user).toBe('bob');
    const sent = new URLSearchParams(posts[0]);
    expect(sent.get('password')).toMatch(/^[0-9a-f]{32}$/);
    expect(posts.join('&')).not.toContain('builder');
    await context.close();
  });

  it('is not offered where it could not work (no script), and the field icons are hidden from screen readers', async () => {
    const { page, context } = await portal.guest('02:00:00:00:12:41', { javaScriptEnabled: false });
    await page.goto(`${HOTSPOT}/login`);
    await page.locator('hs-login-form #password').waitFor({ state: 'attached' });
    expect(await page.locator('hs-login-form button.reveal').isHidden()).toBe(true);
    const icons = page.locator('hs-login-form svg.icon');
    expect(await icons.count()).toBeGreaterThanOrEqual(3);
    expect(await icons.evaluateAll((all) => all.every((s) => s.getAttribute('aria-hidden') === 'true'))).toBe(true);
    await context.close();
  });
});

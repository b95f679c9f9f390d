/**
 * Hostile router values on the built portal: a user name, a RADIUS reply message, a `var` echo and
 * a dst crafted to break out of HTML or script. They must show as text and never run: a sentinel
 * global the payloads try to set stays unset, and the text appears literally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { acceptTerms, HOTSPOT, Portal } from './portal-harness.ts';

let portal: Portal;
beforeAll(async () => {
  portal = await Portal.start();
});
afterAll(async () => {
  await portal?.close();
});

const PAYLOADS = [
  `</script><script>window.__pwned = 1</script>`,
  `"><img src=x onerror="window.__pwned = 1">`,
  `'); window.__pwned = 1; ('`,
  // RouterOS markup in a value is text: the router substitutes once, the page never.
  `$(link-login) $(if logged-in == 'no')x$(endif)`,
];

const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: unknown }).__pwned);
const alertText = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ }).first().textContent();

async function failLogin(page: Page, username: string): Promise<void> {
  await page.goto(`${HOTSPOT}/login`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('wrong');
  await acceptTerms(page);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describe('hostile values', () => {
  it.each(PAYLOADS.map((p, i) => [i, p] as const))('a RADIUS reply message shows as text (%i)', async (i, payload) => {
    const { page, errors, context } = await portal.guest(`02:00:00:00:03:0${i}`);
    portal.vr.servlet.forcedError = { key: 'radius-reply', detail: payload };
    await failLogin(page, 'alice');
    // In the page's own words around it, the message itself verbatim (isolated, for right-to-left frames).
    await expect.poll(() => alertText(page)).toBe(`Login refused: \u2068${payload}\u2069`);
    expect(await pwned(page)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(PAYLOADS.map((p, i) => [i, p] as const))('a user name echoed by the router stays text (%i)', async (i, payload) => {
    const { page, errors, context } = await portal.guest(`02:00:00:00:03:1${i}`);
    portal.vr.servlet.forcedError = { key: 'user-session-limit' };
    await failLogin(page, payload);
    await expect.poll(() => alertText(page)).toBe(`No more devices may log in as ${payload} at the same time.`);
    expect(await page.getByLabel('Username').inputValue()).toBe(payload);
    expect(await pwned(page)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a var echo and a crafted dst never run, and alogin continues only to an http URL', async () => {
    const mac = '02:00:00:00:03:20';
    const { page, errors, context } = await portal.guest(mac);
    const dst = `http://example.com/a"><script>window.__pwned=1</script>`;
    await page.goto(`${HOTSPOT}/login?dst=${encodeURIComponent(dst)}&var=${encodeURIComponent(PAYLOADS[0]!)}`);
    expect(await pwned(page)).toBeUndefined();
    await page.getByLabel('Username').fill('bob');
    await page.getByLabel('Password').fill('builder');
    await acceptTerms(page);
    await page.getByRole('button', { name: 'Log in' }).click();
    const go = page.getByRole('link', { name: 'Continue to example.com' });
    await expect.poll(() => go.isVisible()).toBe(true);
    expect(await go.getAttribute('href')).toBe(new URL(dst).href);
    expect(await pwned(page)).toBeUndefined();
    await page.waitForURL(/^http:\/\/example\.com\//);
    expect(await pwned(page)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a javascript: dst is never followed', async () => {
    const mac = '02:00:00:00:03:21';
    const { page, context } = await portal.guest(mac);
    await page.goto(`${HOTSPOT}/login?dst=${encodeURIComponent('javascript:window.__pwned=1')}`);
    await page.getByLabel('Username').fill('V7KQ2M');
    await page.getByLabel('Password').fill('V7KQ2M');
    await acceptTerms(page);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'You are connected' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /^Continue to/ }).count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    await context.close();
  });
});

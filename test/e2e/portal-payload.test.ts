/**
 * What a guest's browser fetches for the built portal: a guest in the default language gets the
 * login page from the page and its scripts alone (texts, logo and icon are in the page); a guest
 * whose browser prefers another language fetches that language only; switching back needs nothing;
 * error texts are fetched only after a failed login.
 */
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptTerms, HOTSPOT, Portal } from './portal-harness.ts';

let portal: Portal;
beforeAll(async () => {
  portal = await Portal.start();
});
afterAll(async () => {
  await portal?.close();
});

/** Paths the page requested from the hotspot, in order, with hashes replaced by `*`. */
function watch(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${HOTSPOT}/`)) paths.push(new URL(r.url()).pathname.replace(/-[\w-]{8}\.(js|json)$/, '-*.$1'));
  });
  return paths;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name }).waitFor();

describe('what the login page fetches', () => {
  it('in the default language: the page and its three scripts, nothing else (no texts, logo or icon)', async () => {
    const { page, context, errors } = await portal.guest('02:00:00:00:07:01');
    const paths = watch(page);
    await page.goto(`${HOTSPOT}/login`);
    await heading(page, 'Welcome to Acme Guest Wi-Fi');
    await page.waitForLoadState('networkidle'); // the browser asks for a page's icon after it loads
    expect(paths.sort()).toEqual(['/assets/login-*.js', '/assets/login-app-*.js', '/assets/static-*.js', '/login']);
    expect(await page.evaluate(() => document.querySelector('link[rel=icon]')?.getAttribute('href')?.startsWith('data:image/svg+xml,'))).toBe(true);
    expect(await page.locator('header svg.hs-logo').getAttribute('aria-hidden')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("in another language: that language's texts only; switching back to the default needs no request", async () => {
    const { page, context, errors } = await portal.guest('02:00:00:00:07:02', { locale: 'ar-EG' });
    const paths = watch(page);
    await page.goto(`${HOTSPOT}/login`);
    await heading(page, 'مرحبًا بك في شبكة Acme Guest Wi-Fi');
    expect(paths.filter((p) => p.endsWith('.json'))).toEqual(['/assets/texts-ar-login-*.json']);
    paths.length = 0;
    await page.getByLabel('اللغة').selectOption('en');
    await heading(page, 'Welcome to Acme Guest Wi-Fi');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    expect(await page.getByText('Need help? Ask at the front desk.').isVisible()).toBe(true);
    await page.getByLabel('Language').selectOption('es');
    await heading(page, 'Bienvenido a Acme Guest Wi-Fi');
    expect(paths).toEqual(['/assets/texts-es-login-*.json']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after a failed login: the error texts, and still no default-language texts file', async () => {
    const { page, context } = await portal.guest('02:00:00:00:07:03');
    await page.goto(`${HOTSPOT}/login`);
    await page.getByLabel('Username').fill('alice');
    await page.getByLabel('Password').fill('wrong');
    await acceptTerms(page);
    const paths = watch(page);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
    expect(paths.filter((p) => p.endsWith('.json'))).toEqual(['/assets/errors-en-login-*.json']);
    await context.close();
  });
});

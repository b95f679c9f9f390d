/**
 * The pages the build renders whole (alogin, status, logout, error, fstatus, flogout) load no Lit:
 * Chromium fetches no Lit module for them and defines no component, yet they speak the guest's language,
 * switch it from their picker, and show what only a script can (figures in the guest's units, the
 * checked way on after login, the router's links). Without JavaScript the error page still says what
 * went wrong, picked by the router from its error type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { HOTSPOT, live, memberLogin, Portal } from './portal-harness.ts';

let portal: Portal;
beforeAll(async () => {
  portal = await Portal.start();
});
afterAll(async () => {
  await portal?.close();
});

/** Script files the page fetched from /assets/, by name without the hash. */
function scriptsOf(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const m = /\/assets\/([\w-]+?)-[\w-]{8}\.js$/.exec(r.url());
    if (m) seen.push(m[1]!);
  });
  return seen;
}

const definedComponents = (page: Page) =>
  page.evaluate(() =>
    [
      'hs-login-page',
      'hs-login-form',
      'hs-terms',
      'hs-trial',
      'hs-message',
      'hs-alogin-page',
      'hs-status-page',
      'hs-notice-page',
      'hs-status-figures',
      'hs-language-picker',
    ].filter((t) => customElements.get(t)),
  );

describe('pages without Lit', () => {
  it('login, alogin, status and logout load no Lit module and define no component', async () => {
    const mac = '02:00:00:00:09:01';
    const { page, context, errors } = await portal.guest(mac);
    const scripts = scriptsOf(page);
    await page.goto(`${HOTSPOT}/login`);
    await live(page, 'Welcome to Acme Guest Wi-Fi');
    expect(await definedComponents(page), '/login').toEqual([]);
    await memberLogin(page, 'bob', 'builder');
    await live(page, 'You are connected');
    for (const path of ['/login', '/status']) {
      await page.goto(`${HOTSPOT}${path}`);
      await live(page, 'You are connected');
      expect(await definedComponents(page), path).toEqual([]);
    }
    portal.vr.hotspot.addTraffic(mac, { bytesIn: 2_000, bytesOut: 64_000 });
    await page.reload();
    await live(page, 'You are connected');
    expect(await page.locator('[data-figure=download] dd').textContent()).toBe('64 kB');
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await live(page, 'You have logged out');
    expect(await definedComponents(page)).toEqual([]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => !['login', 'login-app', 'alogin', 'status', 'logout', 'static', 'figures'].includes(s))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("speak the guest's language, switch it from the picker the build rendered, and remember it", async () => {
    const mac = '02:00:00:00:09:02';
    const { page, context } = await portal.guest(mac, { locale: 'es-ES' });
    await page.goto(`${HOTSPOT}/login`);
    await page.getByLabel('Usuario').fill('carol');
    await page.getByLabel('Contraseña').fill('cheese');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL(`${HOTSPOT}/status`);
    await live(page, 'Está conectado');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.getByText('Hola, carol.').isVisible()).toBe(true);
    await page.getByLabel('Idioma').selectOption('ar');
    await page.getByRole('heading', { name: 'أنت متصل' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, localStorage.getItem('hs-locale')])).toEqual([
      'ar',
      'rtl',
      'ar',
    ]);
    expect(await page.getByRole('button', { name: 'Log out', exact: true }).count()).toBe(0);
    await page.reload();
    await live(page, 'أنت متصل');
    expect(await page.getByLabel('اللغة').inputValue()).toBe('ar');
    await context.close();
  });

  it("follow the router's links, and say a fatal error in the guest's language, or as the router's text", async () => {
    const { page, context } = await portal.guest('02:00:00:00:09:03');
    await page.goto(`${HOTSPOT}/status`);
    await live(page, 'You are not logged in');
    expect(await page.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe(`${HOTSPOT}/login`);

    portal.vr.servlet.forcedError = { key: 'internal-error', detail: 'disk full' };
    await page.goto(`${HOTSPOT}/login`);
    await live(page, 'Welcome to Acme Guest Wi-Fi');
    // The login goes by fetch: the router's answer is shown in the login page's own window, where the
    // static chunk is already loaded (the login page's second script uses it): it brings its own script only.
    const scripts = scriptsOf(page);
    await memberLogin(page, 'dave', 'dive');
    await live(page, 'Something went wrong');
    expect(await page.getByRole('alert').textContent()).toBe('Internal error. Please tell the staff.');
    expect(scripts).toEqual(['error']);
    expect(await page.getByLabel('Language').inputValue()).toBe('en');
    await context.close();

    // Without JavaScript the router picked the same text by its error type.
    const off = await portal.guest('02:00:00:00:09:04', { javaScriptEnabled: false });
    await off.page.goto(`${HOTSPOT}/login`);
    portal.vr.servlet.forcedError = { key: 'internal-error', detail: 'disk full' };
    await off.page.goto(`${HOTSPOT}/login?username=dave&password=dive`);
    expect(await off.page.getByRole('heading', { level: 1 }).textContent()).toBe('Something went wrong');
    expect(await off.page.getByRole('alert').textContent()).toBe('Internal error. Please tell the staff.');
    await off.context.close();
  });
});

/**
 * Languages and accessibility of the built portal: every locale renders (Arabic right to left), the
 * guest's choice is remembered, errors.txt is translated per locale folder, axe-core finds nothing in
 * the states a guest's input brings the login form to nor on the redirect pages, the focus order
 * follows the form, and the pages fit 320 px and 375×667. Every page in every state the router
 * serves it in (status, alogin, logout, trial, MAC, not logged in…), light and dark, left to right
 * and right to left, is axe-checked once, in portal-a11y-gallery.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device } from '../support/hotspot-client.ts';
import { acceptTerms, axeViolations, HOTSPOT, live, memberLogin, Portal, ROUTER } from './portal-harness.ts';

let portal: Portal;
beforeAll(async () => {
  portal = await Portal.start(ROUTER);
});
afterAll(async () => {
  await portal?.close();
});

const ready = live;

describe('languages', () => {
  it.each([
    ['en-US', 'en', 'ltr', 'Welcome to Acme Guest Wi-Fi', 'Username'],
    ['es-MX', 'es', 'ltr', 'Bienvenido a Acme Guest Wi-Fi', 'Usuario'],
    ['ar-EG', 'ar', 'rtl', 'مرحبًا بك في شبكة Acme Guest Wi-Fi', 'اسم المستخدم'],
  ])('renders the login page for a %s browser', async (browserLocale, lang, dir, title, label) => {
    const { page, context } = await portal.guest('02:00:00:00:04:01', { locale: browserLocale });
    await page.goto(`${HOTSPOT}/login`);
    await ready(page, title);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, dir]);
    expect(await page.getByLabel(label).isVisible()).toBe(true);
    await context.close();
  });

  it('switches language on the page and remembers the choice', async () => {
    const { page, context } = await portal.guest('02:00:00:00:04:02');
    await page.goto(`${HOTSPOT}/login`);
    await ready(page, 'Welcome to Acme Guest Wi-Fi');
    await page.getByLabel('Language').selectOption('ar');
    await ready(page, 'مرحبًا بك في شبكة Acme Guest Wi-Fi');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByText('هل تحتاج إلى مساعدة؟', { exact: false }).isVisible()).toBe(true); // the shell footer too
    await page.goto(`${HOTSPOT}/status`); // another page, same choice
    await ready(page, 'لم تسجّل الدخول');
    expect(await page.evaluate(() => localStorage.getItem('hs-locale'))).toBe('ar');
    await context.close();
  });

  it('serves errors.txt translated in each locale folder', async () => {
    const { page, context } = await portal.guest('02:00:00:00:04:03');
    const text = async (path: string) => (await page.goto(`${HOTSPOT}${path}`))!.text();
    expect(await text('/errors.txt')).toMatch(/^invalid-username = Wrong username or password\.$/m);
    expect(await text('/es/errors.txt')).toMatch(/^invalid-username = Usuario o contraseña incorrectos\.$/m);
    expect(await text('/ar/errors.txt')).toMatch(/^invalid-username = اسم المستخدم أو كلمة المرور غير صحيحة\.$/m);
    // as uploaded, before the router fills in $(username):
    expect(readFileSync(path.join(portal.dir, 'ar/errors.txt'), 'utf8')).toMatch(/^uptime-limit = استنفد \$\(username\) الوقت المسموح به\.$/m);
    await context.close();
  });
});

describe('accessibility', () => {
  // Two tests rather than one: six axe passes in one test came close to the time limit on a loaded machine.
  it('login page: no axe violations in Arabic and, after switching, in English', async () => {
    const { page, context } = await portal.guest('02:00:00:00:04:10', { locale: 'ar' });
    await page.goto(`${HOTSPOT}/login`);
    await ready(page, /Acme Guest Wi-Fi/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('اللغة').selectOption('en');
    await ready(page, 'Welcome to Acme Guest Wi-Fi');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('login page: no axe violations with an error, with the terms unticked, in voucher mode', async () => {
    const { page, context } = await portal.guest('02:00:00:00:04:15', { locale: 'en-US' });
    await page.goto(`${HOTSPOT}/login`);
    await ready(page, 'Welcome to Acme Guest Wi-Fi');
    await page.getByRole('button', { name: 'Log in' }).click(); // fields missing
    await expect.poll(() => page.getByText('Enter your username and password.').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Username').fill('nobody');
    await page.getByLabel('Password').fill('nothing');
    await page.getByRole('button', { name: 'Log in' }).click(); // terms not accepted
    await expect.poll(() => page.getByText('Please accept the terms of use first.').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await acceptTerms(page);
    await page.getByRole('radio', { name: 'Voucher' }).check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Voucher code').fill('WRONG1'); // terms stay accepted
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('That voucher code is not valid or has been used.').waitFor(); // not "wrong username or password"
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('error.html and the redirect pages: no axe violations', async () => {
    const { page, context } = await portal.guest('02:00:00:00:04:13');
    portal.vr.servlet.forcedError = { key: 'internal-error', detail: 'disk full' };
    await page.goto(`${HOTSPOT}/login`);
    await memberLogin(page, 'bob', 'builder');
    await ready(page, 'Something went wrong');
    expect(await page.getByRole('alert').textContent()).toBe('Internal error. Please tell the staff.');
    expect(await axeViolations(page)).toEqual([]);
    // The redirect pages answer 302 and then leave at once; look at them as the router fills them,
    // without their script.
    const device = new Device(portal.vr.url, '02:00:00:00:04:13');
    for (const file of ['rlogin.html', 'redirect.html']) {
      const served = await device.get(`${HOTSPOT}/${file}`);
      expect(served.status).toBe(302);
      await page.route(`${HOTSPOT}/${file}`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: served.body.replace(/<script type="module"[^>]*><\/script>/g, '') }),
      );
      await page.goto(`${HOTSPOT}/${file}`);
      await page.getByRole('heading', { name: 'Redirecting' }).waitFor(); // no Lit here: nothing takes over
      expect(await axeViolations(page)).toEqual([]);
    }
    await context.close();
  });

  it('moves focus through the login page in reading order', async () => {
    const { page, context } = await portal.guest('02:00:00:00:04:14');
    await page.goto(`${HOTSPOT}/login`);
    await ready(page, 'Welcome to Acme Guest Wi-Fi');
    const order: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          let el = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          if (!el) return '';
          const labelled = (el as HTMLInputElement).labels?.[0]?.textContent?.trim();
          return `${el.tagName.toLowerCase()}:${labelled ?? el.textContent?.trim() ?? ''}`.slice(0, 40);
        }),
      );
    }
    expect(order).toEqual([
      'select:Language',
      'input:I accept the acceptable use policy',
      'input:Account',
      'input:Username',
      'input:Password',
      'button:Show password',
      'button:Log in',
      'button:Start free trial',
      'a:wifi@acme.example',
      'a:+1 555 0100',
    ]);
    await context.close();
  });

  it.each([
    [320, 568],
    [375, 667],
  ])('fits a %i px wide window without sideways scrolling, and logs in there', async (width, height) => {
    const mac = `02:00:00:00:04:2${width === 320 ? 0 : 1}`;
    const { page, context } = await portal.guest(mac, { viewport: { width, height } });
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    await page.goto(`${HOTSPOT}/login`);
    await ready(page, 'Welcome to Acme Guest Wi-Fi');
    expect(await fits()).toBe(true);
    const language = page.getByRole('combobox');
    await language.selectOption('ar'); // longer words, right to left
    await ready(page, 'مرحبًا بك في شبكة Acme Guest Wi-Fi');
    expect(await fits()).toBe(true);
    await language.selectOption('en');
    await memberLogin(page, width === 320 ? 'V7KQ2M' : 'bob', width === 320 ? 'V7KQ2M' : 'builder');
    await ready(page, 'You are connected');
    await page.goto(`${HOTSPOT}/status`);
    await ready(page, 'You are connected');
    expect(await fits()).toBe(true);
    await context.close();
  });
});

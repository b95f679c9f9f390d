/**
 * The built portal behind a virtual router whose guests are in a real FreeRADIUS: a reject's
 * Reply-Message is shown to the guest as text (never as markup), and the status page shows the time
 * and data RADIUS granted.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFreeRadius, type FreeRadius } from '../../tools/lib/freeradius.ts';
import { radiusRow } from '../radius/radius-harness.ts';
import { acceptTerms, HOTSPOT, memberLogin, Portal, ROUTER } from './portal-harness.ts';

const SECRET = 'portal-radius-test';
const MESSAGE = 'Your <b>plan</b> has expired <img src=x onerror="window.hacked=1"> $(link-login)';

let radius: FreeRadius;
let portal: Portal;
beforeAll(async () => {
  radius = await startFreeRadius({
    secret: SECRET,
    users: [
      { name: 'expired', reject: true, reply: { 'Reply-Message': MESSAGE } },
      {
        name: 'rita',
        password: 'radius-pass',
        reply: { 'Session-Timeout': 7200, 'Mikrotik-Total-Limit': 2_000_000, 'Mikrotik-Rate-Limit': '2M/8M' },
      },
    ],
  });
  portal = await Portal.start({
    ...ROUTER,
    'ip/hotspot/profile': [{ ...ROUTER['ip/hotspot/profile']![0]!, 'use-radius': 'yes' }],
    radius: [radiusRow(radius)],
  });
});
afterAll(async () => {
  await portal?.close();
  await radius?.stop();
});

const alertText = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ }).first().textContent();

describe('a RADIUS hotspot in Chromium', () => {
  it.each([
    ['en-US', '02:00:00:00:0A:11', 'Username', 'Password', 'Log in', 'Login refused'],
    ['es-ES', '02:00:00:00:0A:12', 'Usuario', 'Contraseña', 'Entrar', 'Acceso rechazado'],
    ['ar-EG', '02:00:00:00:0A:13', 'اسم المستخدم', 'كلمة المرور', 'دخول', 'تم رفض تسجيل الدخول'],
  ])("shows a reject's Reply-Message as plain text, verbatim, in the guest's language (%s)", async (locale, mac, user, password, submit, frame) => {
    const { page, context, errors } = await portal.guest(mac, { locale });
    await page.goto(`${HOTSPOT}/login`);
    await page.getByLabel(user).fill('expired');
    await page.getByLabel(password).fill('whatever');
    await acceptTerms(page);
    await page.getByRole('button', { name: submit }).click();
    await expect.poll(() => alertText(page)).toBe(`${frame}: \u2068${MESSAGE}\u2069`);
    expect(await page.locator('hs-login-page').evaluate((el) => (el.shadowRoot ?? el).querySelectorAll('b, img[src="x"]').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the time, data and speed RADIUS granted on the status page', async () => {
    const mac = '02:00:00:00:0A:02';
    const { page, context } = await portal.guest(mac);
    await page.goto(`${HOTSPOT}/login`);
    await memberLogin(page, 'rita', 'radius-pass');
    await expect.poll(() => portal.vr.hotspot.session(mac)?.user).toBe('rita');
    portal.vr.hotspot.addTraffic(mac, { bytesIn: 200_000, bytesOut: 300_000 });
    await page.goto(`${HOTSPOT}/status`);
    const left = page.locator('[data-figure="time-left"] dd');
    await expect.poll(() => left.textContent()).toContain('2 hr');
    expect((await page.locator('[data-figure="data-left"] dd').textContent())?.trim()).toBe('1.5 MB');
    // Mikrotik-Rate-Limit 2M/8M: rx (the guest's upload) 2 Mbit/s, tx (their download) 8 Mbit/s.
    expect((await page.locator('[data-figure="speed"] dd').textContent())?.trim()).toBe('8 Mb/s down, 2 Mb/s up');
    await context.close();
  });
});

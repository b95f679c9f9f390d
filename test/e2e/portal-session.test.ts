/**
 * After the login, on the built portal behind the virtual router: the status page's figures against
 * the router's counters, logout, the free trial until it is used up, cookie login and "forget this
 * device", MAC login without a logout button, api.json in each state, and adverts (radvert.html).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import example from '../../portal.config.ts';
import { acceptTerms, HOTSPOT, live, memberLogin, Portal, ROUTER, USERS } from './portal-harness.ts';

let portal: Portal;
beforeAll(async () => {
  portal = await Portal.start();
});
afterAll(async () => {
  await portal?.close();
});

/** name → { raw value, shown text } of the status figures. */
async function figures(page: Page): Promise<Record<string, { value: string | null; text: string }>> {
  await page.locator('[data-figure]').first().waitFor();
  return page.locator('[data-figure]').evaluateAll((els) =>
    Object.fromEntries(
      els.map((el) => {
        const dd = el.querySelector('dd')!;
        const raw = dd.querySelector('data')?.getAttribute('value') ?? dd.querySelector('time')?.getAttribute('datetime') ?? null;
        return [el.getAttribute('data-figure'), { value: raw, text: dd.textContent!.trim() }];
      }),
    ),
  );
}

async function api(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async (url) => (await fetch(url)).json(), `${HOTSPOT}/api`);
}

describe('status page', () => {
  it('shows the router counters in human units, with the raw numbers, and logs out', async () => {
    const mac = '02:00:00:00:02:01';
    const { page, context } = await portal.guest(mac);
    await page.goto(`${HOTSPOT}/login`);
    expect((await api(page)).captive).toBe(true);
    await memberLogin(page, 'alice', 'secret');
    await expect.poll(() => portal.vr.hotspot.session(mac)?.user).toBe('alice');

    portal.vr.hotspot.addTraffic(mac, { bytesIn: 250_000, bytesOut: 450_000, packetsIn: 900, packetsOut: 1200 });
    portal.vr.clock.advance('5m');
    await page.goto(`${HOTSPOT}/status`);
    await live(page, 'You are connected');
    const state = portal.vr.state().sessions.find((s) => s.mac === mac)!;
    expect(await figures(page)).toEqual({
      ip: { value: null, text: state.ip },
      uptime: { value: 'PT300S', text: '5 min' },
      'time-left': { value: 'PT3300S', text: '55 min' },
      download: { value: String(state.bytesOut), text: '450 kB' },
      upload: { value: String(state.bytesIn), text: '250 kB' },
      'data-left': { value: String(state.remainBytesTotal), text: '300 kB' },
    });
    expect(state).toMatchObject({ bytesOut: 450_000, bytesIn: 250_000, remainBytesTotal: 300_000, timeLeft: '55m' });
    // What is left is a bar of the whole allowance too (alice: 1 h, 1 MB).
    const bars = await page
      .locator('hs-status-figures progress')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('aria-label'), (e as HTMLProgressElement).value, (e as HTMLProgressElement).max]));
    expect(bars).toEqual([
      ['Time left', 3300, 3600],
      ['Data left', 300_000, 1_000_000],
    ]);
    expect(await page.getByText('Welcome, alice.').isVisible()).toBe(true);
    expect(await page.getByText('This page updates every 1 min.').isVisible()).toBe(true);
    expect(await api(page)).toEqual({
      captive: false,
      'user-portal-url': `${HOTSPOT}/login`,
      'seconds-remaining': 3300,
      'bytes-remaining': 300000,
      'can-extend-session': true,
    });

    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'You have logged out' }).isVisible()).toBe(true);
    expect(portal.vr.hotspot.session(mac)).toBeUndefined();
    // The page reads as the router filled it ("5m") until its script has put the figures in the guest's units.
    await page.locator('html[data-hs-app]').waitFor({ state: 'attached' });
    expect((await figures(page)).uptime).toEqual({ value: 'PT300S', text: '5 min' });
    expect((await api(page)).captive).toBe(true);
    await context.close();
  });

  it('tells a guest who is not logged in, on /status and /logout', async () => {
    const { page, context } = await portal.guest('02:00:00:00:02:02');
    for (const path of ['/status', '/logout']) {
      await page.goto(`${HOTSPOT}${path}`);
      await expect.poll(() => page.getByRole('heading', { name: 'You are not logged in' }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe(`${HOTSPOT}/login`);
    }
    await context.close();
  });
});

describe('free trial', () => {
  it('is offered, greets the guest on the status page, and is then used up', async () => {
    const mac = '02:00:00:00:02:03';
    const { page, context } = await portal.guest(mac);
    await page.goto(`${HOTSPOT}/login`);
    await acceptTerms(page);
    await page.getByRole('button', { name: 'Start free trial' }).click();
    await expect.poll(() => portal.vr.hotspot.session(mac)?.loginBy).toBe('trial');
    expect(portal.vr.hotspot.session(mac)?.user).toBe(`T-${mac}`);
    await page.goto(`${HOTSPOT}/status`);
    await expect.poll(() => page.getByText('Welcome! You are using the free trial.').isVisible()).toBe(true);

    portal.vr.clock.advance('31m');
    await page.goto(`${HOTSPOT}/login`);
    await expect.poll(() => page.getByText('The free trial on this device is used up.', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Start free trial' }).count()).toBe(0);
    await context.close();
  });
});

describe('cookie login', () => {
  it('logs a returning browser in by its cookie until the guest logs out and forgets the device', async () => {
    const mac = '02:00:00:00:02:04';
    const { page, context } = await portal.guest(mac);
    await page.goto(`${HOTSPOT}/login`);
    await memberLogin(page, 'bob', 'builder');
    await expect.poll(() => portal.vr.hotspot.session(mac)?.loginBy).toBe('http-chap');
    await page.getByRole('heading', { name: 'You are connected' }).waitFor(); // the answer, with its cookie, has arrived
    expect((await context.cookies()).map((c) => c.name)).toContain('mikrotik-hotspot');

    await page.goto(`${HOTSPOT}/status`);
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'You have logged out' }).isVisible()).toBe(true);

    await page.goto(`${HOTSPOT}/login`); // the cookie logs the browser straight back in
    await expect.poll(() => page.getByRole('heading', { name: 'You are connected' }).isVisible()).toBe(true);
    expect(portal.vr.hotspot.session(mac)?.loginBy).toBe('cookie');

    await page.goto(`${HOTSPOT}/status`);
    await page.getByRole('button', { name: 'Log out and forget this device' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'You have logged out' }).isVisible()).toBe(true);
    expect((await context.cookies()).map((c) => c.name)).not.toContain('mikrotik-hotspot');
    await page.goto(`${HOTSPOT}/login`);
    await expect.poll(() => page.getByLabel('Username').isVisible()).toBe(true);
    expect(portal.vr.hotspot.session(mac)).toBeUndefined();
    await context.close();
  });
});

describe('MAC login', () => {
  let macPortal: Portal;
  const mac = '02:00:00:00:02:05';
  beforeAll(async () => {
    macPortal = await Portal.start({
      ...ROUTER,
      'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'mac,http-chap' }],
      'ip/hotspot/user': [...USERS, { name: mac, password: '' }],
    });
  });
  afterAll(async () => {
    await macPortal?.close();
  });

  it('shows the status page without a logout button, and says why', async () => {
    const { page, context } = await macPortal.guest(mac);
    await page.goto('http://example.com/');
    expect(macPortal.vr.hotspot.session(mac)?.loginBy).toBe('mac');
    await page.goto(`${HOTSPOT}/status`);
    await expect
      .poll(() => page.getByText('This device was logged in automatically by its hardware (MAC) address', { exact: false }).isVisible())
      .toBe(true);
    expect(await page.getByRole('button', { name: /log out/i }).count()).toBe(0);
    await context.close();
  });
});

describe('adverts', () => {
  let ads: Portal;
  const mac = '02:00:00:00:02:06';
  beforeAll(async () => {
    ads = await Portal.start(
      {
        ...ROUTER,
        'ip/hotspot/user/profile': [
          { name: 'default', advertise: 'yes', 'advertise-url': 'http://ads.example.com/spring', 'advertise-interval': '10m' },
        ],
      },
      { ...example, adverts: { urls: ['http://ads.example.com/spring'], interval: '10m' } },
    );
  });
  afterAll(async () => {
    await ads?.close();
  });

  it('ships radvert.html, which sends a logged-in guest to the due advert with a real 302', async () => {
    const { page, context } = await ads.guest(mac);
    await page.goto(`${HOTSPOT}/login`);
    await memberLogin(page, 'bob', 'builder');
    await expect.poll(() => ads.vr.hotspot.session(mac)?.user).toBe('bob');
    ads.vr.clock.advance('11m');
    const res = await page.goto('http://example.com/');
    expect(
      await res!
        .request()
        .redirectedFrom()
        ?.response()
        .then((r) => r?.status()),
    ).toBe(302);
    expect(page.url()).toBe('http://ads.example.com/spring');
    await context.close();
  });
});

/**
 * Logging in on the built portal behind the virtual router: CHAP (the POST carries the hash, never
 * the password), member and voucher modes, the voucher link, the terms gate, a wrong password in the
 * guest's language, PAP with its warning, and the page without JavaScript.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { acceptTerms, HOTSPOT, live, memberLogin, Portal, ROUTER, USERS } from './portal-harness.ts';

let portal: Portal;
beforeAll(async () => {
  portal = await Portal.start();
});
afterAll(async () => {
  await portal?.close();
});

/** Bytes of a string whose characters are bytes (how the page holds chap-id and chap-challenge). */
const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('member login by CHAP', () => {
  it('posts only the user name and the hash, then continues to the page the guest asked for', async () => {
    const { page, posts, errors, context } = await portal.guest('02:00:00:00:01:01');
    const first = await page.goto('http://example.com/news?id=7');
    expect(first?.request().redirectedFrom()?.response()).toBeTruthy();
    expect((await first!.request().redirectedFrom()!.response())!.status()).toBe(302); // rlogin.html's real 302
    expect(page.url()).toBe(`${HOTSPOT}/login?dst=http%3A%2F%2Fexample.com%2Fnews%3Fid%3D7`);

    await page.getByLabel('Username').fill('alice');
    await page.getByLabel('Password').fill('secret');
    const chap = await page.evaluate(() => window.hsChap as { id: string; challenge: string });
    await acceptTerms(page);
    await page.getByRole('button', { name: 'Log in' }).click();

    await page.getByRole('heading', { name: 'You are connected' }).waitFor();
    await page.waitForURL('http://example.com/news?id=7');
    expect(await page.locator('#vr-upstream-url').textContent()).toBe('http://example.com/news?id=7');

    expect(posts).toHaveLength(1);
    const sent = new URLSearchParams(posts[0]);
    const expected = createHash('md5').update(bytes(chap.id)).update('secret').update(bytes(chap.challenge)).digest('hex');
    expect([...sent.keys()].sort()).toEqual(['dst', 'password', 'popup', 'username', 'var']);
    expect(sent.get('username')).toBe('alice');
    expect(sent.get('password')).toBe(expected);
    expect(posts[0]).not.toContain('secret');
    expect(portal.vr.hotspot.session('02:00:00:00:01:01')?.loginBy).toBe('http-chap');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a wrong password as a translated error and keeps the user name', async () => {
    const { page, context } = await portal.guest('02:00:00:00:01:02', { locale: 'es-ES' });
    await page.goto(`${HOTSPOT}/login`);
    await page.getByLabel('Usuario').fill('alice');
    await page.getByLabel('Contraseña').fill('wrong');
    await acceptTerms(page);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: /\S/ }).first().textContent()).toBe('Usuario o contraseña incorrectos.');
    expect(await page.getByLabel('Usuario').inputValue()).toBe('alice');
    expect(portal.vr.hotspot.session('02:00:00:00:01:02')).toBeUndefined();
    await context.close();
  });
});

describe('before and while the second script arrives', () => {
  /** Holds back login-app-*.js (the page's second script: languages, trial, errors) until `release()`. */
  async function heldBack(mac: string) {
    const guest = await portal.guest(mac);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await guest.page.route(/\/assets\/login-app-/, async (route) => {
      await gate;
      await route.continue();
    });
    return { ...guest, release };
  }
  const inForm = (page: import('playwright-core').Page) =>
    page.evaluate(() => {
      // The login page's view is in light DOM: its ids are the document's.
      const input = (id: string) => document.querySelector<HTMLInputElement>(`hs-login-page #${id}`)!;
      return {
        username: input('username').value,
        password: input('password').value,
        terms: input('accept').checked,
        focus: document.activeElement?.id,
        started: document.documentElement.hasAttribute('data-hs-app'),
      };
    });

  it('takes a login from the page as the build rendered it, before the second script has loaded, and sends it by CHAP once that script is there', async () => {
    const { page, posts, context, release } = await heldBack('02:00:00:00:01:11');
    await page.goto(`${HOTSPOT}/login`);
    await page.getByLabel('Username').fill('bob');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Log in' }).click();
    // Every missing step at once, from the small script alone.
    expect(await page.getByText('Please accept the terms of use first.').isVisible()).toBe(true);
    expect(posts).toEqual([]);
    await acceptTerms(page);
    await page.evaluate(() => document.documentElement.setAttribute('data-test-first-document', ''));
    await page.getByRole('button', { name: 'Log in' }).click();
    // The login waits for the second script (a plain form post would have gone at the click).
    await page.waitForTimeout(500);
    expect(posts).toEqual([]);
    release();
    await expect.poll(() => posts.length, { timeout: 10_000 }).toBe(1);
    expect(new URLSearchParams(posts[0]).get('password')).toMatch(/^[0-9a-f]{32}$/);
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
    // Refused in place, by the second script's fetch: still the first document.
    expect(await page.locator('html[data-test-first-document]').count()).toBe(1);
    await context.close();
  });

  it('sends a waiting login as a plain form post when the second script does not come within a few seconds', async () => {
    const { page, context } = await heldBack('02:00:00:00:01:15');
    await page.goto(`${HOTSPOT}/login`);
    await memberLogin(page, 'erin', 'earth');
    await page.getByRole('heading', { name: 'You are connected' }).waitFor({ timeout: 15_000 });
    expect(portal.vr.hotspot.session('02:00:00:00:01:15')?.loginBy).toBe('http-chap');
    await context.close();
  });

  it('keeps what the guest typed and ticked, and the focus, when the second script starts', async () => {
    const { page, context, release } = await heldBack('02:00:00:00:01:12');
    await page.goto(`${HOTSPOT}/login`);
    await page.getByLabel('Username').fill('dave');
    await page.getByLabel('Password').fill('dive');
    await acceptTerms(page);
    await page.getByLabel('Username').focus();
    expect(await inForm(page)).toEqual({ username: 'dave', password: 'dive', terms: true, focus: 'username', started: false });
    release();
    await expect
      .poll(() => inForm(page), { timeout: 10_000 })
      .toEqual({ username: 'dave', password: 'dive', terms: true, focus: 'username', started: true });
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'You are connected' }).waitFor();
    await context.close();
  });
});

describe('voucher mode', () => {
  it('switches between member and voucher forms', async () => {
    const { page, context } = await portal.guest('02:00:00:00:01:03');
    await page.goto(`${HOTSPOT}/login`);
    await expect.poll(() => page.getByLabel('Username').isVisible()).toBe(true);
    await page.getByRole('radio', { name: 'Voucher' }).check();
    expect(await page.getByLabel('Voucher code').isVisible()).toBe(true);
    expect(await page.getByLabel('Username').isVisible()).toBe(false);
    await page.getByLabel('Voucher code').fill('AB12');
    await page.getByRole('radio', { name: 'Account' }).check();
    expect(await page.getByLabel('Password').isVisible()).toBe(true);
    expect(await page.getByLabel('Voucher code').isVisible()).toBe(false);
    // What was typed in each form stays for when the guest comes back to it.
    await page.getByRole('radio', { name: 'Voucher' }).check();
    expect(await page.getByLabel('Voucher code').inputValue()).toBe('AB12');
    await context.close();
  });

  it('is pre-filled by a ?voucher= link and logs in with the code as user and password (hashed)', async () => {
    const { page, posts, context } = await portal.guest('02:00:00:00:01:04');
    await page.goto(`${HOTSPOT}/login?voucher=V7KQ2M`);
    expect(await page.getByLabel('Voucher code').inputValue()).toBe('V7KQ2M');
    expect(await page.getByRole('radio', { name: 'Voucher' }).isChecked()).toBe(true);
    await acceptTerms(page);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => portal.vr.hotspot.session('02:00:00:00:01:04')?.user).toBe('V7KQ2M');
    const sent = new URLSearchParams(posts[0]);
    expect(sent.get('username')).toBe('V7KQ2M');
    expect(sent.get('password')).toMatch(/^[0-9a-f]{32}$/);
    await context.close();
  });

  it('matches a code the way it is printed: capitals, spaces and dashes dropped', async () => {
    const { page, posts, context } = await portal.guest('02:00:00:00:01:13');
    await page.goto(`${HOTSPOT}/login`);
    await page.getByRole('radio', { name: 'Voucher' }).check();
    await page.getByLabel('Voucher code').fill(' k3px-9q ');
    await acceptTerms(page);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'You are connected' }).waitFor();
    expect(portal.vr.hotspot.session('02:00:00:00:01:13')?.user).toBe('K3PX9Q');
    expect(new URLSearchParams(posts[0]).get('username')).toBe('K3PX9Q');
    await context.close();
  });

  it('reopens the voucher form after a failed voucher login', async () => {
    const { page, context } = await portal.guest('02:00:00:00:01:05');
    await page.goto(`${HOTSPOT}/login`);
    await page.getByRole('radio', { name: 'Voucher' }).check();
    await page.getByLabel('Voucher code').fill('NOPE99');
    await acceptTerms(page);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That voucher code is not valid or has been used.' }).waitFor();
    expect(await page.getByLabel('Voucher code').inputValue()).toBe('NOPE99');
    // The tick survives the failed login.
    expect(await page.getByRole('checkbox', { name: /acceptable use/ }).isChecked()).toBe(true);
    await context.close();
  });
});

describe('terms', () => {
  it('reports every missing step at once: the empty fields and the unticked box', async () => {
    const { page, posts, context } = await portal.guest('02:00:00:00:01:14');
    await page.goto(`${HOTSPOT}/login`);
    await live(page, 'Welcome to Acme Guest Wi-Fi');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Please accept the terms of use first.').waitFor();
    expect(await page.getByText('Enter your username and password.').isVisible()).toBe(true);
    expect(posts).toEqual([]);
    await context.close();
  });

  it('must be accepted before any login: the form and the trial do nothing until then', async () => {
    const { page, posts, context } = await portal.guest('02:00:00:00:01:06');
    await page.goto(`${HOTSPOT}/login`);
    await page.getByLabel('Username').fill('bob');
    await page.getByLabel('Password').fill('builder');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByText('Please accept the terms of use first.').isVisible()).toBe(true);
    expect(await page.getByText('Enter your username and password.').isVisible()).toBe(false);
    const focused = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('type');
    });
    expect(focused).toBe('checkbox');
    await page.getByRole('button', { name: 'Start free trial' }).click();
    expect(posts).toEqual([]);
    await acceptTerms(page);
    expect(await page.getByText('Please accept the terms of use first.').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => portal.vr.hotspot.session('02:00:00:00:01:06')?.user).toBe('bob');
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('says JavaScript is needed, offers no plain form when PAP is not configured, and offers the trial', async () => {
    const { page, context } = await portal.guest('02:00:00:00:01:07', { javaScriptEnabled: false });
    await page.goto(`${HOTSPOT}/login`);
    // (Playwright's text search skips <noscript>, so the paragraph is found by place.)
    const card = page.locator('main noscript .hs-card');
    expect(await card.locator('h1').textContent()).toBe('Welcome to Acme Guest Wi-Fi');
    const note = card.locator('p').first();
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toBe('This page needs JavaScript to log you in securely. Please turn JavaScript on and reload the page.');
    expect(await page.locator('form:visible').count()).toBe(0); // the rendered CHAP form is hidden: it cannot hash
    expect(await page.locator('hs-login-page').isVisible()).toBe(false);
    expect(await page.getByRole('combobox').count()).toBe(0); // nor the language picker, which cannot switch
    // The free trial needs no password: a plain link, as on MikroTik's own page.
    await card.getByRole('link', { name: 'Start free trial' }).click();
    await expect.poll(() => portal.vr.hotspot.session('02:00:00:00:01:07')?.loginBy).toBe('trial');
    await context.close();
  });

  it('shows the page as the build rendered it, with the figures the router fills in, on status and logout', async () => {
    const { page, context } = await portal.guest('02:00:00:00:01:10');
    await page.goto(`${HOTSPOT}/login`);
    await memberLogin(page, 'carol', 'cheese');
    await expect.poll(() => page.getByRole('heading', { name: 'You are connected' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => portal.vr.hotspot.session('02:00:00:00:01:10')?.user).toBe('carol');
    await context.close();
    const off = await portal.guest('02:00:00:00:01:10', { javaScriptEnabled: false });
    await off.page.goto(`${HOTSPOT}/status`);
    expect(await off.page.getByRole('heading', { level: 1 }).textContent()).toBe('You are connected');
    expect(await off.page.getByText('Welcome, carol.').isVisible()).toBe(true);
    expect(await off.page.locator('[data-figure=ip] dd').textContent()).toMatch(/^10\.5\.50\.\d+$/);
    expect(await off.page.locator('[data-figure=uptime] dd').textContent()).toMatch(/\d+s$/);
    await off.page.getByRole('button', { name: 'Log out', exact: true }).click();
    await expect.poll(() => off.page.getByRole('heading', { level: 1 }).textContent()).toBe('You have logged out');
    expect(portal.vr.hotspot.session('02:00:00:00:01:10')).toBeUndefined();
    await off.page.getByRole('link', { name: 'Log in again' }).click();
    expect(await off.page.locator('main noscript .hs-card h1').textContent()).toBe('Welcome to Acme Guest Wi-Fi');
    await off.context.close();
  });
});

describe('PAP', () => {
  let pap: Portal;
  beforeAll(async () => {
    pap = await Portal.start(
      { ...ROUTER, 'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-pap' }], 'ip/hotspot/user': USERS },
      { ...example, login: { ...example.login, methods: ['pap', 'member', 'voucher'] } },
    );
  });
  afterAll(async () => {
    await pap?.close();
  });

  it('posts the plain password when the router has no CHAP, with a visible warning on http', async () => {
    const { page, posts, context } = await pap.guest('02:00:00:00:01:08');
    await page.goto(`${HOTSPOT}/login`);
    expect(await page.evaluate(() => window.hsChap)).toBeUndefined();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'This page is not encrypted' }).isVisible()).toBe(true);
    await memberLogin(page, 'bob', 'builder');
    await expect.poll(() => pap.vr.hotspot.session('02:00:00:00:01:08')?.loginBy).toBe('http-pap');
    expect(new URLSearchParams(posts[0]).get('password')).toBe('builder');
    await context.close();
  });

  it('offers a plain form without JavaScript, gated by the terms', async () => {
    const { page, context } = await pap.guest('02:00:00:00:01:09', { javaScriptEnabled: false });
    await page.goto(`${HOTSPOT}/login`);
    expect(await page.locator('main noscript .hs-card p').first().textContent()).toMatch(/^You can also log in with this simple form/);
    const plain = page.locator('main noscript');
    await plain.getByLabel('Username').fill('alice');
    await plain.getByLabel('Password').fill('secret');
    await plain.getByRole('button', { name: 'Log in' }).click();
    expect(pap.vr.hotspot.session('02:00:00:00:01:09')).toBeUndefined(); // the required terms box stops the form
    await plain.getByRole('checkbox').check();
    await plain.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => pap.vr.hotspot.session('02:00:00:00:01:09')?.loginBy).toBe('http-pap');
    await context.close();
  });
});

describe('a network error on submit', () => {
  // A router of its own: these guests log in as users the tests above may still be logged in as (shared-users=1).
  let portal: Portal;
  beforeAll(async () => {
    portal = await Portal.start();
  });
  afterAll(async () => {
    await portal?.close();
  });
  const OFFLINE = 'Your device could not reach the Wi-Fi network. Check that it is still connected, then try again.';

  it('keeps the guest on the page with a message; trying again logs in by CHAP', async () => {
    const mac = '02:00:00:00:01:20';
    const { page, posts, errors, context } = await portal.guest(mac);
    await page.goto(`${HOTSPOT}/login`);
    await live(page, 'Welcome to Acme Guest Wi-Fi');
    // The router cannot be reached: every login request fails as a dropped Wi-Fi link would.
    await page.route(`${HOTSPOT}/login`, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await memberLogin(page, 'bob', 'builder');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: OFFLINE }).isVisible()).toBe(true);
    expect(page.url()).toBe(`${HOTSPOT}/login`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Acme Guest Wi-Fi');
    expect(portal.vr.hotspot.session(mac)).toBeUndefined();
    expect(await page.getByLabel('Username').inputValue()).toBe('bob'); // nothing typed is lost
    await page.unroute(`${HOTSPOT}/login`);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'You are connected' }).waitFor();
    expect(portal.vr.hotspot.session(mac)?.loginBy).toBe('http-chap');
    expect(posts).toHaveLength(2);
    expect(posts[1]).toBe(posts[0]); // the same CHAP answer: the router never saw the first
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the guest on the page when the link drops on a login sent before the second script had arrived', async () => {
    const mac = '02:00:00:00:01:23';
    const { page, posts, context } = await portal.guest(mac);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/login-app-/, async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(`${HOTSPOT}/login`);
    await page.locator('html[data-hs-ready]').waitFor({ state: 'attached' });
    await page.route(`${HOTSPOT}/login`, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await memberLogin(page, 'bob', 'builder');
    release();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: OFFLINE }).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(page.url()).toBe(`${HOTSPOT}/login`);
    expect(posts).toHaveLength(1);
    expect(portal.vr.hotspot.session(mac)).toBeUndefined();
    await context.close();
  });

  it("when the second script cannot load, the first posts as the router's own page does: a plain form post, answered with the router's page", async () => {
    const mac = '02:00:00:00:01:21';
    const { page, posts, context } = await portal.guest(mac);
    await page.route(/\/assets\/(login-app|static)-/, (route) => route.abort('internetdisconnected'));
    await page.goto(`${HOTSPOT}/login`);
    await page.locator('html[data-hs-ready]').waitFor({ state: 'attached' });
    await memberLogin(page, 'carol', 'cheese');
    await page.getByRole('heading', { name: 'You are connected' }).waitFor();
    expect(portal.vr.hotspot.session(mac)?.loginBy).toBe('http-chap');
    expect(new URLSearchParams(posts[0]).get('password')).toMatch(/^[0-9a-f]{32}$/);
    await context.close();
  });

  it("a refused login still shows the router's error, in place, and the next try uses the new challenge", async () => {
    const mac = '02:00:00:00:01:22';
    const { page, context } = await portal.guest(mac);
    await page.goto(`${HOTSPOT}/login`);
    await live(page, 'Welcome to Acme Guest Wi-Fi');
    const before = await page.evaluate(() => window.hsChap?.challenge);
    await memberLogin(page, 'dave', 'wrong');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => window.hsChap?.challenge)).not.toBe(before);
    await page.getByLabel('Password').fill('dive');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'You are connected' }).waitFor();
    expect(portal.vr.hotspot.session(mac)?.loginBy).toBe('http-chap');
    await context.close();
  });
});

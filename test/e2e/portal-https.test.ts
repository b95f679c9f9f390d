/**
 * HTTPS login in real Chromium: the built portal behind the virtual router with login-by=https beside
 * CHAP, a certificate from a CA the test makes, trusted by Chromium through its SPKI hash only. The
 * guest reaches the hotspot's DNS name through the router (CONNECT), sees a secure login page, posts
 * the plain password over TLS, and stays on https through alogin, status and logout, although the
 * router writes those links as http://. No https page loads anything over http.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import type { PortalConfigInput } from '../../tools/config/index.ts';
import { issueCertificate, makeLocalCa, type IssuedCertificate } from '../../tools/lib/make-certificate.ts';
import { startVirtualRouter, type VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { builtPortal } from '../support/built-portal.ts';
import { BrowserSession, launchChromium } from '../support/chromium.ts';
import { memberLogin, USERS } from './portal-harness.ts';

const NAME = 'wifi.acme.example';
const SECURE = `https://${NAME}`;
let dir: string;
let cert: IssuedCertificate;
let vr: VirtualRouter;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hs-https-'));
  const ca = await makeLocalCa(path.join(dir, 'ca'));
  cert = await issueCertificate(ca, { name: 'wifi', dnsNames: [NAME] });
  const config: PortalConfigInput = {
    ...example,
    login: { ...example.login, methods: ['https', 'chap', 'member', 'voucher', 'cookie'] },
    router: { ...example.router, dnsName: NAME, https: { certificate: cert.certFile, key: cert.keyFile } },
  };
  const out = await builtPortal(config);
  vr = await startVirtualRouter({
    htmlDir: out,
    clock: { frozen: true },
    https: { port: 0, certFile: cert.certFile, keyFile: cert.keyFile },
    config: {
      'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-chap,https,cookie', 'dns-name': NAME }],
      'ip/hotspot/user/profile': [{ name: 'default', 'shared-users': '1', 'status-autorefresh': '1m' }],
      'ip/hotspot/user': [...USERS, { name: 'carol', password: 'chap-pass' }],
    },
  });
  // Only this certificate's key is trusted: no CA is installed and no other certificate error is ignored.
  browser = await launchChromium({ args: [`--proxy-server=${vr.url}`, `--ignore-certificate-errors-spki-list=${cert.spki}`] });
});
afterAll(async () => {
  await browser?.close();
  await vr?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Guest {
  context: BrowserContext;
  page: Page;
  /** URL and body of every POST. */
  posts: Array<{ url: string; body: string }>;
  /** Every request made while the page showing was an https page: URL and the page's URL. */
  fromSecurePages: Array<{ url: string; page: string }>;
  errors: string[];
}

async function guest(mac: string): Promise<Guest> {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, locale: 'en-US', extraHTTPHeaders: { 'x-vr-mac': mac } });
  const page = await context.newPage();
  const g: Guest = { context, page, posts: [], fromSecurePages: [], errors: [] };
  page.on('request', (r) => {
    if (r.method() === 'POST') g.posts.push({ url: r.url(), body: r.postData() ?? '' });
    const frame = r.frame();
    const shown = r.isNavigationRequest() ? '' : frame.url();
    if (shown.startsWith('https:')) g.fromSecurePages.push({ url: r.url(), page: shown });
  });
  page.on('pageerror', (e) => g.errors.push(e.message));
  return g;
}

describe('HTTPS login through the virtual router', () => {
  it('sends a guest to the TLS login page, which says it is secure and posts the plain password over TLS only', async () => {
    const g = await guest('02:00:00:00:0C:01');
    const { page } = g;
    await page.goto('http://example.com/news');
    expect(page.url()).toBe(`${SECURE}/login?dst=http%3A%2F%2Fexample.com%2Fnews`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await expect.poll(() => page.getByText('This page is encrypted: your password is sent over a secure connection.').isVisible()).toBe(true);

    await memberLogin(page, 'alice', 'secret');
    await page.waitForURL('http://example.com/news');
    expect(g.posts).toHaveLength(1);
    expect(g.posts[0]!.url).toBe(`${SECURE}/login`);
    const sent = new URLSearchParams(g.posts[0]!.body);
    expect(sent.get('username')).toBe('alice');
    expect(sent.get('password')).toBe('secret');
    expect(vr.hotspot.session('02:00:00:00:0C:01')?.loginBy).toBe('https');
    expect(g.errors).toEqual([]);
    await g.context.close();
  });

  it('keeps the guest on https from alogin to status to logout, whatever http:// links the router writes', async () => {
    const g = await guest('02:00:00:00:0C:02');
    const { page } = g;
    await page.goto(`${SECURE}/login`);
    await memberLogin(page, 'bob', 'builder');
    await expect.poll(() => page.getByRole('heading', { name: 'You are connected' }).isVisible()).toBe(true);
    expect(page.url()).toMatch(new RegExp(`^${SECURE}/`));
    // The links are the router's once the page's script has taken over the page the build rendered.
    await page.locator('html[data-hs-app]').waitFor({ state: 'attached' });
    const status = page.getByRole('link', { name: /status/i }).first();
    expect(await status.getAttribute('href')).toBe(`${SECURE}/status`);
    await status.click();
    await page.waitForURL(`${SECURE}/status`);
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.waitForURL(new RegExp(`^${SECURE}/logout`));
    expect(vr.hotspot.session('02:00:00:00:0C:02')).toBeUndefined();
    const insecure = g.fromSecurePages.filter((r) => !r.url.startsWith('https:'));
    expect(insecure).toEqual([]);
    expect(g.fromSecurePages.length).toBeGreaterThan(3);
    expect(g.errors).toEqual([]);
    await g.context.close();
  });

  it('serves api.json over TLS with an https user-portal-url that is a valid URL of the login page', async () => {
    const g = await guest('02:00:00:00:0C:03');
    const res = await g.page.goto(`${SECURE}/api`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-type']).toBe('application/captive+json');
    const json = JSON.parse(await res!.text()) as Record<string, unknown>;
    expect(json.captive).toBe(true);
    const portalUrl = new URL(String(json['user-portal-url']));
    expect(portalUrl.href).toBe(`${SECURE}/login`);
    const login = await g.page.goto(portalUrl.href);
    expect(login?.status()).toBe(200);
    await g.context.close();
  });

  it('is refused by a browser that does not trust the certificate (the control: trust comes only from the SPKI pin)', async () => {
    // The worker's shared Chromium, launched without the pin.
    const plain = new BrowserSession(vr.url);
    try {
      const page = await plain.newPage();
      const err = await page.goto(`${SECURE}/login`).then(
        () => undefined,
        (e: Error) => e.message,
      );
      expect(err).toMatch(/ERR_CERT_AUTHORITY_INVALID/);
    } finally {
      await plain.close();
    }
  });
});

// Kept for the CHAP-beside-https case: a plain-HTTP page still logs in by CHAP.
describe('CHAP beside https', () => {
  it('logs in by CHAP from a page that came over plain HTTP, never sending the password', async () => {
    const g = await guest('02:00:00:00:0C:04');
    await g.page.goto(`http://${NAME}/login?dst=http%3A%2F%2Fexample.com%2F`);
    await memberLogin(g.page, 'carol', 'chap-pass');
    await g.page.waitForURL('http://example.com/');
    expect(g.posts.map((p) => p.body).join('&')).not.toContain('chap-pass');
    expect(vr.hotspot.session('02:00:00:00:0C:04')?.loginBy).toBe('http-chap');
    await g.context.close();
  });
});

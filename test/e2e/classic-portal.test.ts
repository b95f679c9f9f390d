/**
 * A real browser behind the virtual router, as a guest behind a hotspot: Chromium sends all traffic
 * through the router (proxy mode), asks for some site, is sent to the classic login page, and logs in
 * by HTTP-CHAP with the page's own md5.js. Only loopback is contacted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualRouter, type VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { BrowserSession } from '../support/chromium.ts';

let vr: VirtualRouter;
let browser: BrowserSession;

beforeAll(async () => {
  vr = await startVirtualRouter({
    htmlDir: 'test/fixtures/classic',
    clock: { frozen: true },
    config: {
      'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-chap,trial' }],
      'ip/hotspot/user': [
        { name: 'alice', password: 'secret' },
        { name: 'bob', password: 'builder' },
      ],
    },
  });
  browser = new BrowserSession(vr.url);
});
afterAll(async () => {
  await browser?.close();
  await vr?.close();
});

describe('a guest behind the hotspot, classic pages', () => {
  it('is sent to login, logs in by CHAP without posting the password, and reaches the site', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-vr-mac': '02:00:00:00:0B:01' } });
    const page = await context.newPage();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.postData() ?? '');
    });

    await page.goto('http://example.com/news?id=7');
    expect(page.url()).toBe('http://10.5.50.1/login?dst=http%3A%2F%2Fexample.com%2Fnews%3Fid%3D7');
    await page.getByLabel('login').fill('alice');
    await page.getByLabel('password').fill('secret');
    await page.getByRole('button', { name: 'OK' }).click();
    await page.waitForURL('http://example.com/news?id=7');
    await expect.poll(() => page.locator('#vr-upstream-url').textContent()).toBe('http://example.com/news?id=7');

    expect(posts).toHaveLength(1);
    const sent = new URLSearchParams(posts[0]);
    expect(sent.get('username')).toBe('alice');
    expect(sent.get('password')).toMatch(/^[0-9a-f]{32}$/);
    expect(posts[0]).not.toContain('secret');
    expect(vr.hotspot.sessions.get('02:00:00:00:0B:01')?.loginBy).toBe('http-chap');
    await context.close();
  });

  it('shows the errors.txt message after a wrong password, in the browser', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-vr-mac': '02:00:00:00:0B:02' } });
    const page = await context.newPage();
    await page.goto('http://10.5.50.1/login');
    await page.getByLabel('login').fill('alice');
    await page.getByLabel('password').fill('not-it');
    await page.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => page.locator('#error').textContent()).toBe('Wrong code or password, alice: please check it and try again.');
    await context.close();
  });

  it('keeps two browser contexts as two devices', async () => {
    const a = await browser.newContext({ extraHTTPHeaders: { 'x-vr-mac': '02:00:00:00:0B:03' } });
    const b = await browser.newContext({ extraHTTPHeaders: { 'x-vr-mac': '02:00:00:00:0B:04' } });
    const pa = await a.newPage();
    const pb = await b.newPage();
    await pa.goto('http://10.5.50.1/login');
    await pa.getByLabel('login').fill('bob'); // alice is logged in elsewhere, and shared-users is 1
    await pa.getByLabel('password').fill('builder');
    await pa.getByRole('button', { name: 'OK' }).click();
    await pa.waitForSelector('#alogin');
    await pb.goto('http://example.com/');
    expect(pb.url()).toContain('http://10.5.50.1/login?dst=');
    await pa.goto('http://example.com/');
    expect(await pa.locator('#vr-upstream-url').textContent()).toBe('http://example.com/');
    await a.close();
    await b.close();
  });
});

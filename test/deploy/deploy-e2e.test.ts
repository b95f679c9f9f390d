/**
 * After a deploy, a guest logs in through the pages the router now serves: Chromium behind the
 * virtual router (proxy mode), a v7 router with flash/ and a v6 router without.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { deployRouter } from '../../tools/deploy/deploy.ts';
import { launchChromium } from '../support/chromium.ts';
import { memberLogin } from '../e2e/portal-harness.ts';
import { DeployLab, target } from './deploy-harness.ts';

let lab: DeployLab;
let dist: string;
const browsers: Browser[] = [];
beforeAll(async () => {
  lab = await DeployLab.create();
  dist = await lab.build('e2e');
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await lab.dispose();
});

describe.each([
  ['7.19.4', true],
  ['6.49.13', false],
])('RouterOS %s (flash/: %s)', (version, flash) => {
  it('a guest logs in through the newly deployed pages', async () => {
    const vr = await lab.router(`e2e-${version}`, { version, flash, config: { 'ip/hotspot/user': [{ name: 'alice', password: 'secret' }] } });
    const deployed = await deployRouter(target(vr), await lab.job(dist));
    expect(deployed.status).toBe('deployed');

    const browser = await launchChromium({ args: [`--proxy-server=${vr.url}`] });
    browsers.push(browser);
    const context = await browser.newContext({
      viewport: { width: 375, height: 667 },
      locale: 'en-US',
      extraHTTPHeaders: { 'x-vr-mac': '02:00:00:00:40:01' },
    });
    const page = await context.newPage();
    await page.goto('http://example.com/welcome');
    expect(page.url()).toBe('http://10.5.50.1/login?dst=http%3A%2F%2Fexample.com%2Fwelcome');
    expect(await page.title()).toContain('Acme Guest Wi-Fi');
    await memberLogin(page, 'alice', 'secret');
    await expect.poll(() => page.getByRole('heading', { name: 'You are connected' }).isVisible()).toBe(true);
    await page.waitForURL('http://example.com/welcome');
    expect(vr.hotspot.sessions.get('02:00:00:00:40:01')).toMatchObject({ user: 'alice', loginBy: 'http-chap' });
    await context.close();
  });
});

/**
 * After a deploy, a guest logs in through the pages the router now serves: Chromium behind the
 * virtual router (proxy mode), a v7 router with flash/ and a v6 router without, at the same time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployRouter } from '../../tools/deploy/deploy.ts';
import { BrowserSession } from '../support/chromium.ts';
import { memberLogin } from '../e2e/portal-harness.ts';
import { DeployLab, target } from './deploy-harness.ts';

let lab: DeployLab;
let dist: string;
beforeAll(async () => {
  lab = await DeployLab.create();
  dist = await lab.build('e2e');
});
afterAll(() => lab.dispose());

describe.concurrent.each([
  ['7.19.4', true],
  ['6.49.13', false],
])('RouterOS %s (flash/: %s)', (version, flash) => {
  it('a guest logs in through the newly deployed pages', async ({ onTestFinished }) => {
    const vr = await lab.router(`e2e-${version}`, { version, flash, config: { 'ip/hotspot/user': [{ name: 'alice', password: 'secret' }] } });
    const deployed = await deployRouter(target(vr), await lab.job(dist));
    expect(deployed.status).toBe('deployed');

    const browser = new BrowserSession(vr.url);
    onTestFinished(() => browser.close());
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
  });
});

/**
 * `npm run dev -- --radius demo`: the preview's live router asks the demo RADIUS server, so Chromium
 * logging in as a demo RADIUS user gets the time, data and speed RADIUS granted on the status page, and
 * the refused demo user gets the server's Reply-Message as the login page's error. Without the flag the
 * preview asks the servers of portal.config.ts's router.radius (a real FreeRADIUS here), with the secret
 * from the environment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { DEMO_RADIUS_USERS } from '../../tools/dev/demo-radius.ts';
import { startFreeRadius } from '../../tools/lib/freeradius.ts';
import { chapResponse } from '../../tools/routeros/hotspot/chap.ts';
import { copyProject } from '../support/dev-project.ts';
import { startDevServer, type DevServer } from '../../tools/dev/server.ts';
import { BrowserSession } from '../support/chromium.ts';
import { memberLogin } from './portal-harness.ts';

let cacheDir: string;
let dev: DevServer;
let browser: BrowserSession;

beforeAll(async () => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'hs-dev-radius-'));
  dev = await startDevServer({ port: 0, cacheDir, logLevel: 'silent', radius: 'demo' });
  browser = new BrowserSession();
});
afterAll(async () => {
  await browser?.close();
  await dev?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

const demoUser = (name: string) => DEMO_RADIUS_USERS.find((u) => u.name === name)!;

describe('npm run dev --radius demo', () => {
  it('logs a demo RADIUS user in and shows the time, data and speed RADIUS granted', async () => {
    expect(dev.demoRadius?.address).toBe('127.0.0.1');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${dev.url}/login`);
    await memberLogin(page, 'carol', demoUser('carol').password!);
    await expect
      .poll(() =>
        dev.portal.scenarios
          .liveRouter()
          .hotspot.sessions.all()
          .map((s) => s.user),
      )
      .toEqual(['carol']);
    const session = dev.portal.scenarios.liveRouter().hotspot.sessions.all()[0]!;
    expect(session.radius?.grant.rateLimit).toBe('2M/8M');
    await page.goto(`${dev.url}/status`);
    await expect.poll(() => page.locator('[data-figure="time-left"] dd').textContent()).toMatch(/(59 min|1 hr)/);
    expect((await page.locator('[data-figure="data-left"] dd').textContent())?.trim()).toBe('200 MB');
    expect((await page.locator('[data-figure="speed"] dd').textContent())?.trim()).toBe('8 Mb/s down, 2 Mb/s up');
    await context.close();
  });

  it("shows the refused demo user the server's Reply-Message", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${dev.url}/login`);
    await memberLogin(page, 'expired', 'anything');
    const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
    await expect.poll(() => alert.textContent()).toContain(demoUser('expired').reject!);
    await context.close();
  });

  it('leaves a router with another secret without an answer (radius-timeout)', async () => {
    const { port } = dev.demoRadius!;
    const { VirtualRouter } = await import('../../tools/routeros/virtual-router.ts');
    const other = new VirtualRouter({
      config: {
        'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-pap', 'use-radius': 'yes' }],
        radius: [{ address: '127.0.0.1', secret: 'not-the-demo-secret', service: 'hotspot', 'authentication-port': port, timeout: '50ms' }],
      },
    });
    const result = await other.hotspot.authenticate('02:00:00:00:0B:01', { username: 'carol', password: 'radius' });
    expect(result).toMatchObject({ ok: false, error: 'radius-timeout' });
  });
});

describe('npm run dev with router.radius in portal.config.ts', () => {
  it('asks the configured server with the secret from the environment, and says when the variable is not set', async () => {
    const radius = await startFreeRadius({
      secret: 'preview-secret',
      users: [{ name: 'rita', password: 'radius-pass', reply: { 'Session-Timeout': 900 } }],
    });
    const project = copyProject();
    try {
      const file = path.join(project.dir, 'portal.config.ts');
      const server = `{ address: '127.0.0.1', authenticationPort: ${radius.authPort}, accountingPort: ${radius.acctPort}, timeout: '1s' }`;
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/\n {2}router: \{\n/, `\n  router: {\n    radius: { servers: [${server}], incoming: false },\n`),
      );
      const opts = { root: project.dir, cacheDir: project.cacheDir, port: 0, logLevel: 'silent' as const };

      const withSecret = await startDevServer({ ...opts, env: { RADIUS_SECRET: 'preview-secret' } });
      try {
        expect(withSecret.missingSecretEnv).toBeUndefined();
        const hs = withSecret.portal.scenarios.liveRouter().hotspot;
        const mac = '02:00:00:00:0F:01';
        const c = hs.chap.current(mac);
        const r = await hs.authenticate(mac, { username: 'rita', password: chapResponse(c.id, 'radius-pass', c.challenge) });
        expect(r.ok && r.session.radius?.grant.sessionTimeoutMs).toBe(900_000);
      } finally {
        await withSecret.close();
      }

      const without = await startDevServer({ ...opts, env: {} });
      await without.close();
      expect(without.missingSecretEnv).toBe('RADIUS_SECRET');
    } finally {
      project.remove();
      await radius.stop();
    }
  });
});

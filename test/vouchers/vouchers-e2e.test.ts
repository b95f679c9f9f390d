/**
 * The whole voucher loop, as a front desk and a guest live it: `npm run vouchers` (its main) creates a
 * batch over SSH on the virtual router serving the built portal and writes the tickets; page 1 of the
 * PDF is rendered to PNG (pdftoppm) and its QR codes decoded (zbarimg); Chromium, behind the router,
 * opens the decoded link, finds the code filled in, logs in, and the status page shows the voucher's
 * limits. The router password comes from ROUTER_PASSWORD and never shows in the output.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualRouter, type VirtualRouter } from '../../tools/routeros/virtual-router.ts';
import { main } from '../../tools/vouchers/main.ts';
import { copyOfBuiltPortal } from '../support/built-portal.ts';
import { BrowserSession } from '../support/chromium.ts';
import { runInProcess } from '../support/cli.ts';
import { acceptTerms } from '../e2e/portal-harness.ts';

const run = promisify(execFile);
const ADMIN = { name: 'admin', password: 'router-pw-e2e' };
const HOST = 'wifi.acme.example';

let dir: string;
let vr: VirtualRouter;
let browser: BrowserSession;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hs-vouchers-'));
  // The built portal where the HotSpot wizard puts the pages: hotspot/ in the router's file store.
  await copyOfBuiltPortal(join(dir, 'store', 'hotspot'));
  vr = await startVirtualRouter({
    storageDir: join(dir, 'store'),
    clock: { frozen: true },
    ssh: { admin: ADMIN, hostKeyFile: join(dir, 'host-key') },
    config: { 'ip/hotspot/profile': [{ name: 'hsprof1', 'dns-name': HOST, 'login-by': 'http-chap,cookie' }] },
  });
  browser = new BrowserSession(vr.url);
});
afterAll(async () => {
  await browser?.close();
  await vr?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI's main as `npm run vouchers -- …` would, capturing what it prints. */
async function vouchers(args: string[]): Promise<{ code: number; out: string }> {
  const common = ['--known-hosts', join(dir, 'known_hosts'), '--trust-new-host', '--out', join(dir, 'tickets')];
  const r = await runInProcess(main, [`127.0.0.1:${vr.sshPort}`, ...common, ...args], { env: { ROUTER_PASSWORD: ADMIN.password } });
  return { code: r.code, out: r.stdout + r.stderr };
}

describe('npm run vouchers', () => {
  it('prints tickets whose QR code logs a guest in, with the limits on the status page', async () => {
    const made = await vouchers(['--count', '3', '--profile', '1h', '--batch', 'front-desk', '--paper', 'a4']);
    expect(made.out).toMatch(/^Created 3 vouchers in batch front-desk on 127\.0\.0\.1:\d+ in [\d.]+ s \(profile 1h: 1 hour, 500 megabytes\)\.$/m);
    expect(made.code).toBe(0);
    expect(made.out).not.toContain(ADMIN.password);
    const codes = vr.db
      .rows('ip/hotspot/user')
      .filter((u) => u.comment === 'voucher:front-desk')
      .map((u) => u.name);
    expect(codes).toHaveLength(3);
    for (const c of codes) expect(made.out).not.toContain(c);
    expect(await readdir(join(dir, 'tickets'))).toEqual(['front-desk.html', 'front-desk.pdf']);
    expect((await stat(join(dir, 'tickets', 'front-desk.pdf'))).mode & 0o077).toBe(0);

    // The printed page, as a phone camera would see it.
    await run('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', join(dir, 'tickets', 'front-desk.pdf'), join(dir, 'page')]);
    const { stdout } = await run('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', join(dir, 'page.png')]);
    const decoded = stdout.trim().split('\n').sort();
    expect(decoded.filter((d) => d === 'WIFI:S:Acme Guest;T:nopass;;')).toHaveLength(3);
    const links = decoded.filter((d) => d.startsWith('http'));
    expect(links.sort()).toEqual(codes.map((c) => `http://${HOST}/login?voucher=${c}`).sort());
    const html = await readFile(join(dir, 'tickets', 'front-desk.html'), 'utf8');
    expect(html).toContain(`${codes[0]!.slice(0, 4)} ${codes[0]!.slice(4)}`);

    const mac = '02:00:00:00:14:01';
    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, locale: 'en-US', extraHTTPHeaders: { 'x-vr-mac': mac } });
    const page = await context.newPage();
    await page.goto(links[0]!);
    const code = new URL(links[0]!).searchParams.get('voucher')!;
    expect(await page.getByLabel('Voucher code').inputValue()).toBe(code);
    await acceptTerms(page);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => vr.hotspot.session(mac)?.user).toBe(code);
    await page.goto(`http://${HOST}/status`);
    await page.locator('[data-figure="time-left"]').waitFor();
    expect(await page.locator('[data-figure="time-left"] dd').textContent()).toMatch(/^\s*1 hr\s*$|^\s*60 min\s*$/);
    expect(await page.locator('[data-figure="data-left"] dd data').getAttribute('value')).toBe(String(500 * 1024 ** 2));
    await context.close();
  });

  it('lists and removes batches, and says what is wrong in one sentence', async () => {
    expect((await vouchers(['--count', '2', '--profile', '1d', '--batch', 'lobby', '--no-pdf'])).code).toBe(0);
    const list = await vouchers(['--list']);
    expect(list.out).toMatch(/^batch\s+vouchers\s+profile\n(.*\n)*lobby\s+2\s+1d$/m);
    expect((await vouchers(['--remove', 'lobby'])).out).toMatch(/^Removed 2 vouchers of batch lobby from 127\.0\.0\.1:\d+\.$/m);
    expect(vr.db.rows('ip/hotspot/user').some((u) => u.comment === 'voucher:lobby')).toBe(false);

    const bad = await vouchers(['--count', '5', '--profile', 'gold']);
    expect(bad.code).toBe(2);
    expect(bad.out.split('\n').filter((l) => l.startsWith('error:'))).toEqual([
      'error: Unknown profile "gold": use one of 1d, 1h, default, or add it to vouchers.profiles in portal.config.ts.',
    ]);
    expect(bad.out).not.toContain('created');
    expect((await vouchers(['--count', '10001', '--profile', '1h'])).out).toBe(
      'error: --count 10001 is not a number from 1 to 10,000: make larger runs as several batches.\n',
    );
    expect((await vouchers(['--count', '5', '--profile', '1h', '--paper', 'a3'])).out).toBe(
      'error: --paper "a3" is not one of a4, letter, 58mm, 80mm.\n',
    );
  });
});

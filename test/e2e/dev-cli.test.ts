/**
 * `npm run dev` and `npm run screenshots` as a designer runs them: the real dev command in a child
 * process (it prints where to look, serves the portal through the virtual router, stops on SIGTERM),
 * its main refusing bad flags with one sentence, and the screenshot tool writing real PNG files.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../tools/dev/main.ts';
import { takeScreenshots } from '../../tools/dev/screenshots.ts';
import { startDevServer } from '../../tools/dev/server.ts';
import { runInProcess, startInProcess } from '../support/cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(path.join(tmpdir(), 'hs-dev-cli-'));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('npm run dev', () => {
  it('prints the workbench, gallery and portal URLs, serves the portal through the virtual router, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/dev/main.ts', '--port', '0', '--cache-dir', path.join(temp, 'cache')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await expect.poll(() => stdout, { timeout: 20_000 }).toMatch(/portal: +http:\/\/127\.0\.0\.1:\d+\/login/);
    const base = /workbench: +(http:\/\/127\.0\.0\.1:\d+)\/__dev\//.exec(stdout)![1]!;
    expect(stdout).toContain(`gallery:    ${base}/__gallery`);
    expect(stdout).toMatch(/dev server ready in \d+ ms/);

    const login = await fetch(`${base}/login`);
    const html = await login.text();
    expect(login.status).toBe(200);
    expect(html).toContain('<hs-login-page>');
    // Filled in by the router: the data island carries this device's values, not $(…) markup.
    expect(html).toMatch(/id="hs-data">username=&error=&error-type=&error-orig=&ip=10\.5\.50\.\d+&mac=[0-9A-F]{2}%3A/);
    expect(login.headers.get('set-cookie')).toMatch(/^vr-mac=/);
    const state = (await (await fetch(`${base}/__vr/state`)).json()) as { loginBy: string[] };
    expect(state.loginBy).toEqual(['http-chap', 'cookie', 'trial']);
    const meta = (await (await fetch(`${base}/__dev/meta`)).json()) as { brand: string };
    expect(meta.brand).toBe('Acme Guest Wi-Fi');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });

  it('with --radius demo names the demo RADIUS server and its users, and stops', async () => {
    const dev = await startInProcess(
      main,
      ['--port', '0', '--radius', 'demo', '--cache-dir', path.join(temp, 'cache-radius')],
      /RADIUS: +demo server/,
    );
    const { stdout } = dev.output();
    expect(stdout).toMatch(/RADIUS: +demo server on 127\.0\.0\.1:\d+ \(not a server for guests\)/);
    expect(stdout).toMatch(/carol \/ radius: 1 h session, 200 MB, 2M\/8M speed/);
    expect(stdout).toMatch(/expired: any password: refused with a Reply-Message/);
    expect((await dev.stop()).code).toBe(0);
  });

  it.each([
    [['--port', 'abc'], '--port "abc" is not a port number from 0 to 65535.'],
    [
      ['--radius', 'freeradius'],
      '--radius "freeradius" is not known: write --radius demo, or leave it out to use router.radius of portal.config.ts.',
    ],
    [['--host', '10.99.99.99', '--port', '0'], '10.99.99.99 is not an address of this machine: choose another with --host (127.0.0.1 by default).'],
  ])('refuses %j with one sentence and exit code 2', async (args, sentence) => {
    const r = await runInProcess(main, [...args, '--cache-dir', path.join(temp, 'cache-bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${sentence}\n`);
  });
});

describe('npm run dev on another address', () => {
  it('serves the portal to a client that reaches it by that address (a phone on the LAN with --host 0.0.0.0)', async () => {
    // 127.0.0.2 is a loopback address too, but not one the router knows as its own name.
    const dev = await startDevServer({ host: '127.0.0.2', port: 0, cacheDir: path.join(temp, 'cache-host'), logLevel: 'silent' });
    try {
      const res = await fetch(`${dev.url}/login`, { redirect: 'manual' });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(`link-login-only=${encodeURIComponent(`${dev.url}/login`)}`);
    } finally {
      await dev.close();
    }
  });
});

describe('npm run screenshots', () => {
  it('writes a PNG per page, state, locale, size and colour scheme', async () => {
    const out = path.join(temp, 'shots');
    const { files } = await takeScreenshots({
      out,
      only: ['status', 'login-nojs'],
      locales: ['ar'],
      sizes: ['phone'],
      cacheDir: path.join(temp, 'cache-shots'),
    });
    const names = ['login-nojs.ar.phone.dark.png', 'login-nojs.ar.phone.png', 'status.ar.phone.dark.png', 'status.ar.phone.png'];
    expect(readdirSync(out).sort()).toEqual(names);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(names);
    // The dark picture is the page in its dark colours, not a copy of the light one.
    expect(readFileSync(path.join(out, 'status.ar.phone.dark.png')).equals(readFileSync(path.join(out, 'status.ar.phone.png')))).toBe(false);
    for (const f of files) {
      const png = readFileSync(f);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.readUInt32BE(16)).toBe(360); // width of the phone window
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(740);
    }
  });

  it('names the gallery entries when asked for one that does not exist', async () => {
    await expect(takeScreenshots({ out: path.join(temp, 'none'), only: ['nope'], cacheDir: path.join(temp, 'cache-none') })).rejects.toThrow(
      /^The gallery entry "nope" is not known; use login, login-error, /,
    );
  });
});

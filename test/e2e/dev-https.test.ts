/**
 * `npm run dev --https`: the preview over TLS with a local certificate made once and kept, the login
 * page rendered through the live router as a TLS page (ssl-login), in Chromium trusting only that key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spkiHash } from '../../tools/lib/make-certificate.ts';
import { startDevServer, type DevServer } from '../../tools/dev/server.ts';
import { launchChromium } from '../support/chromium.ts';

let cacheDir: string;
let dev: DevServer | undefined;

beforeAll(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'hs-dev-https-'));
});
afterAll(async () => {
  await dev?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

const certOf = async () => readFile(path.join(cacheDir, 'tls', 'preview.pem'), 'utf8');

describe('npm run dev --https', () => {
  it('serves the portal over TLS, the pages as TLS pages, and keeps its certificate between runs', async () => {
    dev = await startDevServer({ port: 0, cacheDir, logLevel: 'silent', https: true });
    expect(dev.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(dev.caFile).toBe(path.join(cacheDir, 'tls', 'ca.pem'));
    const pem = await certOf();
    expect(new X509Certificate(pem).checkIP('127.0.0.1')).toBe('127.0.0.1');

    const browser = await launchChromium({ args: [`--ignore-certificate-errors-spki-list=${spkiHash(pem)}`] });
    try {
      const page = await browser.newPage();
      const res = await page.goto(`${dev.url}/login`);
      expect(res?.status()).toBe(200);
      expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
      // api.json's portal URL is the live router's own link-login-only: on the scheme the guest came by.
      const api = JSON.parse(await (await page.goto(`${dev.url}/api`))!.text()) as Record<string, string>;
      expect(api['user-portal-url']).toBe(`${dev.url}/login`);
    } finally {
      await browser.close();
    }
    await dev.close();
    dev = await startDevServer({ port: 0, cacheDir, logLevel: 'silent', https: true });
    expect(await certOf()).toBe(pem);
  });
});

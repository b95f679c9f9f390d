/**
 * Proves the browser harness works where the tests run: a real Chromium, launched through
 * launchChromium, loads a page from a loopback server and reacts to a click.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright';
import { SYSTEM_CHROMIUM, SYSTEM_HEADLESS_SHELL, chromiumArgs, launchChromium } from '../support/chromium.ts';

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>harness</title></head>
<body>
<p id="out">not clicked</p>
<button id="go" type="button">Click me</button>
<script>
  document.getElementById('go').addEventListener('click', function () {
    document.getElementById('out').textContent = 'clicked ' + (1 + 1) + ' times';
  });
</script>
</body></html>`;

let server: Server;
let baseUrl: string;
let browser: Browser | undefined;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('launch arguments keep the browser quiet and add extra switches last', () => {
  const args = chromiumArgs(['--proxy-server=http://127.0.0.1:9']);
  expect(args.slice(0, 5)).toEqual([
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ]);
  expect(args.includes('--no-sandbox')).toBe(process.getuid?.() === 0);
  expect(args.at(-1)).toBe('--proxy-server=http://127.0.0.1:9');
});

// The headless shell when it is installed, else the full browser.
const SYSTEM_BROWSER = [SYSTEM_HEADLESS_SHELL, SYSTEM_CHROMIUM].find((file) => existsSync(file));

test.runIf(SYSTEM_BROWSER)('the system Chromium is the one launched when it is installed', () => {
  const installed = execFileSync(SYSTEM_BROWSER!, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  expect(installed).toContain(browser!.version());
});

test('Chromium loads a page from a loopback server and a click changes its text', async () => {
  const page = await browser!.newPage();
  try {
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('#out')).toBe('not clicked');
    await page.click('#go');
    // The click handler runs synchronously inside the click, so the text has changed once click() returns.
    expect(await page.textContent('#out')).toBe('clicked 2 times');
    expect(requested).toContain('/');
  } finally {
    await page.close();
  }
});

/**
 * `npm run dev` while a designer edits: on a copy of the project (the repository's files are never
 * touched), an open page follows edits to a component, a page shell and portal.config.ts without a
 * restart; a broken shell or config shows its error on the page and in the terminal, and the next
 * good edit brings the page back. Chromium against the dev server on a free loopback port.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../tools/dev/server.ts';
import { DEFAULT_STATE, viewUrl } from '../../tools/dev/state.ts';
import { BrowserSession } from '../support/chromium.ts';
import { copyProject, type ProjectCopy } from '../support/dev-project.ts';

let project: ProjectCopy;
let dev: DevServer;
let browser: BrowserSession;
const terminal: string[] = [];

beforeAll(async () => {
  project = copyProject();
  dev = await startDevServer({ root: project.dir, port: 0, cacheDir: project.cacheDir, logLevel: 'silent' });
  // What the terminal would show (the logger still gets every message at log level silent).
  const logger = dev.vite.config.logger;
  const error = logger.error.bind(logger);
  logger.error = (msg, opts) => {
    terminal.push(msg);
    error(msg, opts);
  };
  browser = new BrowserSession();
});
afterAll(async () => {
  await browser?.close();
  await dev?.close();
  project?.remove();
});

/** Rewrites a file of the copy; returns a function that puts it back. */
function edit(file: string, change: (text: string) => string): () => void {
  const abs = path.join(project.dir, file);
  const before = readFileSync(abs, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(abs, after);
  return () => writeFileSync(abs, before);
}

async function openLogin(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
  await page.goto(dev.url + viewUrl(DEFAULT_STATE));
  await page.getByRole('heading', { name: 'Welcome to Acme Guest Wi-Fi' }).waitFor();
  return page;
}

describe('hot reload', () => {
  it('an edit to a component reaches the open page', async () => {
    const page = await openLogin();
    const offer = page.locator('hs-trial p');
    expect(await offer.textContent()).toBe('No account? Try the internet for free for a short while.');
    const restore = edit('portal/components/hs-trial/hs-trial.ts', (t) =>
      t.replace("<p>${t('trial.offer')}</p>", "<p>${t('trial.offer')} (edited)</p>"),
    );
    try {
      await expect.poll(() => offer.textContent(), { timeout: 15_000 }).toBe('No account? Try the internet for free for a short while. (edited)');
    } finally {
      restore();
    }
    await expect.poll(() => offer.textContent(), { timeout: 15_000 }).toBe('No account? Try the internet for free for a short while.');
    await page.close();
  });

  it("a malformed $( in a shell shows the engine's file:line:col on the page and in the terminal; the next good edit recovers", async () => {
    const page = await openLogin();
    const restore = edit('templates/pages/login.hbs', (t) => t.replace('{{{app}}}', '<p>$(username</p>\n{{{app}}}'));
    let message = '';
    try {
      // The open page: Vite's error overlay with the engine's message.
      const overlay = page.locator('vite-error-overlay .message-body');
      await overlay.waitFor({ timeout: 15_000 });
      message = (await overlay.textContent()) ?? '';
      expect(message).toMatch(/^templates\/pages\/login\.hbs renders a file the router cannot read: \S*login\.html:\d+:4: unterminated "\$\("/);
      expect(message).toContain('<p>$(username</p>');
      // The terminal says the same.
      expect(terminal.some((line) => line.includes(message.split('\n')[0]!))).toBe(true);
      // A page loaded while the shell is broken gets the error instead of the portal.
      const other = await browser.newPage();
      const res = await other.goto(dev.url + '/login');
      expect(res?.status()).toBe(500);
      expect(await other.locator('#hs-dev-error').textContent()).toContain(message.split('\n')[0]!.split(': ').slice(1).join(': '));
      await other.close();
    } finally {
      restore();
    }
    // The good edit reloads the page by itself: the overlay goes, the portal is back.
    await page.locator('vite-error-overlay').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('heading', { name: 'Welcome to Acme Guest Wi-Fi' }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('an edit to a page shell reaches the open page', async () => {
    const page = await openLogin();
    const restore = edit('templates/partials/layout.hbs', (t) =>
      t.replace('<main class="hs-main">', '<main class="hs-main"><p id="edited-shell">Shell edited</p>'),
    );
    try {
      await page.locator('#edited-shell').waitFor({ timeout: 15_000 });
    } finally {
      restore();
    }
    await page.locator('#edited-shell').waitFor({ state: 'detached', timeout: 15_000 });
    await page.close();
  });

  it('an edit to portal.config.ts updates the open page; a bad value shows the field, and fixing it recovers', async () => {
    const page = await openLogin();
    const brand = page.locator('.hs-brand');
    const restore = edit('portal.config.ts', (t) => t.replace("name: 'Acme Guest Wi-Fi'", "name: 'Harbour Guest Wi-Fi'"));
    try {
      await expect.poll(() => brand.textContent(), { timeout: 15_000 }).toBe('Harbour Guest Wi-Fi');
      edit('portal.config.ts', (t) => t.replace("primary: '#0b5cad'", "primary: 'blue'"));
      const overlay = page.locator('vite-error-overlay .message-body');
      await overlay.waitFor({ timeout: 15_000 });
      expect(await overlay.textContent()).toContain('brand.colors.primary must be a colour written as #rgb or #rrggbb');
    } finally {
      restore();
    }
    await page.locator('vite-error-overlay').waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => brand.textContent(), { timeout: 15_000 }).toBe('Acme Guest Wi-Fi');
    await page.close();
  });
});

/**
 * `npm run dev`'s workbench and gallery in Chromium, against the dev server on a free loopback port
 * (the project is only read): each toolbar switch changes what the state's simulated router serves,
 * and the gallery shows every page in every state without a console error.
 */
import type { FrameLocator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { GALLERY } from '../../tools/dev/gallery-states.ts';
import { PAGES, scenarioKey, viewUrl } from '../../tools/dev/state.ts';
import { BrowserSession } from '../support/chromium.ts';
import { useDevLab } from '../support/dev-server.ts';

const lab = useDevLab();

interface Workbench {
  page: Page;
  frame: FrameLocator;
  /** Sets a toolbar control by its label and waits for the page to load again. */
  set(label: string, value: string): Promise<void>;
}

async function workbench(query = '', colorScheme: 'light' | 'dark' = 'light'): Promise<Workbench> {
  const page = await lab.browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
  await page.goto(`${lab.dev.url}/__dev/${query}`);
  const frame = page.frameLocator('hs-dev-frame iframe');
  await page.getByLabel('Page', { exact: true }).waitFor();
  const set = async (label: string, value: string) => {
    const loaded = page.waitForEvent('framenavigated', (f) => f !== page.mainFrame());
    await page.getByLabel(label, { exact: true }).selectOption(value);
    await loaded;
  };
  return { page, frame, set };
}

describe('the toolbar', () => {
  it('trial used up: the router says so and the trial action is gone', async () => {
    const { page, frame, set } = await workbench();
    await frame.getByRole('button', { name: 'Start free trial' }).waitFor();
    await set('Free trial', 'used');
    await frame.getByText('The free trial on this device is used up.', { exact: false }).waitFor();
    expect(await frame.getByRole('button', { name: 'Start free trial' }).count()).toBe(0);
    expect(page.url()).toBe(`${lab.dev.url}/__dev/?trial=used`);
    await page.getByText('GET /login → 200 login.html').waitFor();
    await page.close();
  });

  it('an error switch shows the translated error; a fatal one shows error.html', async () => {
    const { page, frame, set } = await workbench('?locale=es');
    await frame.getByRole('heading', { name: 'Bienvenido a Acme Guest Wi-Fi' }).waitFor();
    await set('Next login fails with (errors.txt)', 'invalid-username');
    await frame.getByRole('alert').filter({ hasText: 'Usuario o contraseña incorrectos.' }).waitFor();
    expect(await frame.getByLabel('Usuario').inputValue()).toBe('alice');
    await set('Next login fails with (errors.txt)', 'internal-error');
    await frame.getByRole('alert').filter({ hasText: 'Error interno. Avise al personal, por favor.' }).waitFor();
    expect(await page.getByLabel('Page', { exact: true }).inputValue()).toBe('error');
    await page.getByText(/→ 200 error\.html/).waitFor();
    await page.close();
  });

  it('logged in with a byte limit: the status page shows the figures the router computes', async () => {
    const { page, frame, set } = await workbench();
    await set('Page', 'status');
    expect(await page.getByLabel('Logged in', { exact: true }).inputValue()).toBe('member');
    await set('Data limit', '100000000');
    await set('Downloaded', '5000000');
    await set('Uploaded', '2000000');
    const dataLeft = frame.locator('[data-figure="data-left"] dd');
    await expect.poll(async () => (await dataLeft.textContent())?.trim()).toBe('93 MB');
    expect(await dataLeft.locator('data').getAttribute('value')).toBe('93000000');
    expect((await frame.locator('[data-figure="download"] dd').textContent())?.trim()).toBe('5 MB');
    await page.getByRole('button', { name: '+50 MB' }).click();
    await expect.poll(async () => (await dataLeft.textContent())?.trim()).toBe('43 MB');
    await page.getByText('alice logged in by http-chap', { exact: false }).waitFor();
    await page.close();
  });

  it('JavaScript off shows what a guest without JavaScript gets', async () => {
    const { page, frame } = await workbench();
    const loaded = page.waitForEvent('framenavigated', (f) => f !== page.mainFrame());
    await page.getByLabel('JavaScript on').uncheck();
    await loaded;
    // Playwright's text search skips <noscript>; the rendered text shows what the guest reads.
    await expect.poll(() => frame.locator('body').innerText()).toContain('This page needs JavaScript to log you in securely.');
    expect(await page.locator('hs-dev-frame iframe').getAttribute('sandbox')).not.toContain('allow-scripts');
    expect(await frame.locator('script').count()).toBe(0);
    await page.close();
  });

  it('an RTL locale lays the page out right to left; the window switch sizes the page', async () => {
    const { page, frame, set } = await workbench();
    await set('Language', 'ar');
    await expect.poll(() => frame.locator('html').getAttribute('dir')).toBe('rtl');
    await frame.getByRole('heading', { name: 'مرحبًا بك في شبكة Acme Guest Wi-Fi' }).waitFor();
    // A new size keeps the page (no reload): only the window changes.
    await page.getByLabel('Window').selectOption('captive');
    await expect.poll(async () => page.locator('hs-dev-frame iframe').boundingBox()).toMatchObject({ width: 375, height: 667 });
    expect(await frame.locator('html').getAttribute('dir')).toBe('rtl');
    await page.close();
  });
});

describe('the gallery', () => {
  it('renders every page in every state, each from its own router, with no console errors', async () => {
    const page = await lab.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${m.location().url}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${lab.dev.url}/__gallery`);
    const frames = page.locator('hs-dev-frame iframe');
    await expect.poll(() => frames.count()).toBe(GALLERY.length);
    for (const g of GALLERY) {
      const frame = page.frameLocator(`[data-gallery="${g.name}"] iframe`);
      // Every portal page has the brand header; api.json is the one data file.
      if (g.state.page === 'api') await frame.getByText('"captive": false', { exact: false }).waitFor();
      else await frame.locator('.hs-brand').waitFor();
      const info = (await (await fetch(`${lab.dev.url}/__dev/info/${scenarioKey(g.state)}`)).json()) as { served: Array<{ page?: string }> };
      expect(info.served[0]?.page, g.name).toBe(PAGES.find((p) => p.id === g.state.page)!.file);
    }
    // Pages with scripts have rendered their Lit page (not only the static shell).
    await page.frameLocator('[data-gallery="status"] iframe').locator('[data-figure="data-left"]').waitFor();
    expect(await page.frameLocator('[data-gallery="login-nojs"] iframe').locator('body').innerText()).toContain('This page needs JavaScript');
    // Pages after login read whole without a script: the router fills the figures in.
    await page.frameLocator('[data-gallery="status-nojs"] iframe').locator('[data-figure="data-left"]').waitFor();
    await page.frameLocator('[data-gallery="error-nojs"] iframe').getByRole('heading', { name: 'Something went wrong' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('colour scheme', () => {
  /** The page's background colour variable, as the frame's CSS resolves it. */
  const background = (frame: FrameLocator) => frame.locator('html').evaluate((el) => getComputedStyle(el).getPropertyValue('--hs-bg').trim());

  it("the toolbar and the gallery show the pages light or dark whatever the designer's system is set to", async () => {
    // The two palettes as the page itself declares them.
    const shell = await (await fetch(`${lab.dev.url}/__dev/v/default/login`)).text();
    const light = /:root\{color-scheme:light dark;[^}]*--hs-bg:([^;]+);/.exec(shell)?.[1];
    const dark = /@media \(prefers-color-scheme:dark\)\{:root\{[^}]*--hs-bg:([^;]+);/.exec(shell)?.[1];
    expect(light).toMatch(/^#/);
    expect(dark).toMatch(/^#/);
    expect(dark).not.toBe(light);

    const { page, frame, set } = await workbench('', 'dark');
    await frame.locator('.hs-brand').waitFor();
    expect(await background(frame)).toBe(dark);
    await set('Colours (device setting)', 'light');
    await frame.locator('.hs-brand').waitFor();
    expect(await background(frame)).toBe(light);
    await set('Colours (device setting)', 'dark');
    await frame.locator('.hs-brand').waitFor();
    expect(await background(frame)).toBe(dark);
    // Native controls follow the forced scheme too.
    expect(await frame.locator('html').evaluate((el) => getComputedStyle(el).colorScheme)).toBe('dark');

    // The gallery passes the scheme to every frame; one frame shows it (the others are not loaded again).
    const shown = viewUrl({ ...GALLERY.find((g) => g.name === 'status-nojs')!.state, scheme: 'dark' });
    await page.route('**/__dev/v/**', (route) => (new URL(route.request().url()).pathname === shown ? route.continue() : route.abort()));
    await page.goto(`${lab.dev.url}/__gallery?scheme=dark`);
    const status = page.frameLocator('[data-gallery="status-nojs"] iframe');
    await status.locator('.hs-brand').waitFor();
    expect(await background(status)).toBe(dark);
    await page.close();
  });
});

describe('proxy mode', () => {
  it('a browser using the dev server as its proxy meets the portal as a guest behind the hotspot, hot reload included', async () => {
    const guest = new BrowserSession(lab.dev.url);
    try {
      const page = await guest.newPage();
      const errors: string[] = [];
      const logs: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
        logs.push(m.text());
      });
      await page.goto('http://example.com/news');
      await page.getByRole('heading', { name: 'Welcome to Acme Guest Wi-Fi' }).waitFor();
      expect(page.url()).toBe('http://10.5.50.1/login?dst=http%3A%2F%2Fexample.com%2Fnews');
      // Vite's client reached its hot-reload socket through the proxy.
      await expect.poll(() => logs).toContain('[vite] connected.');
      expect(errors).toEqual([]);
    } finally {
      await guest.close();
    }
  });
});

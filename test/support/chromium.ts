/**
 * The browser tests' Chromium: the toolkit's own launcher (tools/lib/chromium.ts, shared with the
 * bench), started once per test worker. Vitest runs a worker's test files in one process
 * (`isolate: false`), so they share that Chromium; each test file or router opens its own contexts
 * (cookies, storage, proxy) through a BrowserSession and closes them, which keeps tests independent.
 * Tests that need launch switches of their own (e.g. trusting one certificate) still launch one.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright';
import { launchChromium } from '../../tools/lib/chromium.ts';

export { SYSTEM_CHROMIUM, SYSTEM_HEADLESS_SHELL, chromiumArgs, launchChromium, type LaunchChromiumOptions } from '../../tools/lib/chromium.ts';

let shared: Promise<Browser> | undefined;

/** The worker's Chromium, launched on first use; Playwright ends it when the worker exits. */
export function sharedChromium(): Promise<Browser> {
  if (!shared) {
    const launched = launchChromium();
    const forget = () => {
      if (shared === launched) shared = undefined;
    };
    shared = launched;
    launched.then((browser) => browser.on('disconnected', forget), forget);
  }
  return shared;
}

/**
 * Contexts on the worker's Chromium for one user of it: all sent through `proxy` (an http://host:port
 * URL) when given, as a device behind a hotspot, and all closed by close().
 */
export class BrowserSession {
  private readonly contexts = new Set<BrowserContext>();

  constructor(private readonly proxy?: string) {}

  async newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const browser = await sharedChromium();
    // Loopback stays direct, as with `--proxy-server`: Playwright sends it through a context's proxy
    // unless the bypass list names a loopback host (Chromium itself always bypasses loopback).
    const proxy = this.proxy ? { proxy: { server: this.proxy, bypass: 'localhost' } } : {};
    const context = await browser.newContext({ ...proxy, ...options });
    this.contexts.add(context);
    context.on('close', () => this.contexts.delete(context));
    return context;
  }

  /** A page in a context of its own, closed with the page (as Browser.newPage does). */
  async newPage(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await this.newContext(options);
    const page = await context.newPage();
    page.on('close', () => void context.close());
    return page;
  }

  async close(): Promise<void> {
    await Promise.all([...this.contexts].map((c) => c.close()));
  }
}

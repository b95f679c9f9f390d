/**
 * The dev server (on a free loopback port, with a throw-away cache) and the worker's Chromium, for tests that
 * look at the portal as `npm run dev` serves it. The project is only read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startDevServer, type DevServer } from '../../tools/dev/server.ts';
import { BrowserSession } from './chromium.ts';

export interface DevLab {
  dev: DevServer;
  browser: BrowserSession;
  close(): Promise<void>;
}

export async function startDevLab(): Promise<DevLab> {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'hs-dev-cache-'));
  const dev = await startDevServer({ port: 0, cacheDir, logLevel: 'silent' });
  const browser = new BrowserSession();
  return {
    dev,
    browser,
    async close() {
      await browser.close();
      await dev.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

/** A DevLab for the test file: started before its tests, closed after them. */
export function useDevLab(): Readonly<Pick<DevLab, 'dev' | 'browser'>> {
  let lab: DevLab | undefined;
  beforeAll(async () => {
    lab = await startDevLab();
  });
  afterAll(async () => {
    await lab?.close();
  });
  return {
    get dev() {
      return lab!.dev;
    },
    get browser() {
      return lab!.browser;
    },
  };
}

/**
 * One way to start Chromium for the browser tests and the bench: Debian's /usr/bin/chromium when
 * installed, else the browser Playwright manages itself (`npx playwright install chromium`).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Keeps the browser off the network (only loopback in tests) and quiet on start. */
const BASE_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];

export interface LaunchChromiumOptions extends Omit<LaunchOptions, 'args'> {
  /** Extra command-line switches, e.g. `--proxy-server=http://127.0.0.1:8080`. */
  args?: readonly string[];
}

/** The switches a launch uses: the base set, `--no-sandbox` as root (Chromium refuses otherwise), then `extra`. */
export function chromiumArgs(extra: readonly string[] = []): string[] {
  const root = process.getuid?.() === 0;
  return [...BASE_ARGS, ...(root ? ['--no-sandbox'] : []), ...extra];
}

/** The Chromium a launch will use, or undefined when there is none yet. */
export function findChromium(): string | undefined {
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const managed = chromium.executablePath();
  return managed && existsSync(managed) ? managed : undefined;
}

/** Launches headless Chromium; options other than `args` pass through to Playwright. */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const { args, ...rest } = options;
  const executablePath = rest.executablePath ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined);
  return chromium.launch({
    headless: true,
    ...rest,
    ...(executablePath ? { executablePath } : {}),
    args: chromiumArgs(args),
  });
}

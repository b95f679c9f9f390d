/**
 * One way to start Chromium for the browser tests and the bench: Debian's chromium when installed,
 * else the browser Playwright manages itself (`npx playwright install chromium`). Headless launches
 * take Debian's headless shell (package chromium-headless-shell) when it is installed, as Playwright
 * takes its own: the same engine without the desktop browser around it, about a quarter less CPU
 * per page. The bench asks for the full browser, as a guest's.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const SYSTEM_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/** Keeps the browser off the network (only loopback in tests) and quiet on start. */
const BASE_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];

export interface LaunchChromiumOptions extends Omit<LaunchOptions, 'args'> {
  /** Extra command-line switches, e.g. `--proxy-server=http://127.0.0.1:8080`. */
  args?: readonly string[];
  /** The full browser (Chromium's new headless mode) even where the headless shell is installed. */
  fullBrowser?: boolean;
}

/** The switches a launch uses: the base set, `--no-sandbox` as root (Chromium refuses otherwise), then `extra`. */
export function chromiumArgs(extra: readonly string[] = []): string[] {
  const root = process.getuid?.() === 0;
  return [...BASE_ARGS, ...(root ? ['--no-sandbox'] : []), ...extra];
}

/** The Chromium a launch will use, or undefined when there is none yet. */
export function findChromium(): string | undefined {
  const system = [SYSTEM_HEADLESS_SHELL, SYSTEM_CHROMIUM].find((file) => existsSync(file));
  if (system) return system;
  const managed = chromium.executablePath();
  return managed && existsSync(managed) ? managed : undefined;
}

/** The system browser a launch uses (undefined: Playwright's own, which picks its headless shell itself). */
function systemExecutable(headless: boolean, fullBrowser: boolean): string | undefined {
  if (headless && !fullBrowser && existsSync(SYSTEM_HEADLESS_SHELL)) return SYSTEM_HEADLESS_SHELL;
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

/** Launches headless Chromium; options other than `args` and `fullBrowser` pass through to Playwright. */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const { args, fullBrowser = false, ...rest } = options;
  const executablePath = rest.executablePath ?? systemExecutable(rest.headless ?? true, fullBrowser);
  return chromium.launch({
    headless: true,
    ...rest,
    ...(executablePath ? { executablePath } : {}),
    args: chromiumArgs(args),
  });
}

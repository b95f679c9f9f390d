/**
 * Run by `npm test` before the browser tests: makes sure a Chromium exists. When none is found it gets
 * one, saying so in one line: Playwright's download (`playwright install chromium`) where it is
 * reachable, else Debian's chromium package when running as root on Debian. Where neither works it
 * stops with one sentence saying what to install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { findChromium } from './chromium.ts';
import { runAsScript, type CliIo } from './command.ts';
import { UserError } from './errors.ts';

/** Runs a command with its output hidden; true when it exits 0. */
function quietly(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync(command, args, { stdio: 'ignore', env, timeout: 15 * 60_000 }).status === 0;
}

function playwrightDownload(): boolean {
  const cli = createRequire(import.meta.url).resolve('playwright/cli');
  // A short connection timeout: where the download host is unreachable, fail fast and try the next way.
  return quietly(process.execPath, [cli, 'install', 'chromium'], { ...process.env, PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: '10000' });
}

function debianPackage(): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // The headless shell too: the browser tests take it, the same engine for less CPU (chromium.ts).
  return quietly('apt-get', ['update'], env) && quietly('apt-get', ['install', '-y', 'chromium', 'chromium-headless-shell'], env);
}

export async function main(_argv: readonly string[], io: CliIo): Promise<number> {
  if (findChromium()) return 0;
  io.stdout.write("No Chromium for the browser tests: downloading Playwright's (npx playwright install chromium).\n");
  if (playwrightDownload() && findChromium()) return 0;
  const debianRoot = process.getuid?.() === 0 && existsSync('/etc/debian_version');
  if (debianRoot) {
    io.stdout.write(
      "Playwright's download is not reachable: installing Debian's chromium packages (apt-get install chromium chromium-headless-shell).\n",
    );
    if (debianPackage() && findChromium()) return 0;
  }
  throw new UserError(
    'The browser tests need Chromium and none could be installed: run "npx playwright install chromium" where its download is reachable, or install your system\'s chromium package (as root on Debian: apt-get install chromium).',
  );
}

await runAsScript(import.meta.url, main);

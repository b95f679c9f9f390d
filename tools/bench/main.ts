/**
 * `npm run bench`: builds the portal and measures, in one run, what guests, small routers and
 * technicians feel: page weight, a guest's time to log in on weak Wi-Fi against a plain baseline,
 * deploy cost, and the virtual router under a crowd of CHAP logins. Writes bench/results.json and
 * bench/results.md. `--quick` runs a few of each (CI's smoke test) and writes to bench/tmp/ instead,
 * so the committed results are only ever replaced by a full run.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { withUserErrors } from '../lib/command.ts';
import { freeradiusBinary, startFreeRadius } from '../lib/freeradius.ts';
import { buildPortal } from '../build/main.ts';
import { loadConfig } from '../config/index.ts';
import { runCli, UserError } from '../lib/errors.ts';
import { benchDeploy } from './deploy-bench.ts';
import { benchGuests } from './guest-timing.ts';
import { chapLoad, type LoadResult } from './load.ts';
import { describeMachine } from './machine.ts';
import { folderWeight } from './page-weight.ts';
import { renderMarkdown, targetsTable } from './report.ts';
import { evaluateTargets, type BenchResults, type BenchSettings, type Target } from './results.ts';
import { RouterHost } from './router-host-client.ts';

export const FULL: BenchSettings = {
  guestRuns: 7,
  deployIterations: 5,
  fleetSize: 10,
  fleetRuns: 3,
  fleetConcurrency: 4,
  loadGuests: 200,
  loadMaxLogins: 20_000,
  loadMaxSeconds: 15,
};

export const QUICK: BenchSettings = {
  guestRuns: 2,
  deployIterations: 1,
  fleetSize: 3,
  fleetRuns: 1,
  fleetConcurrency: 4,
  loadGuests: 50,
  loadMaxLogins: 1_000,
  loadMaxSeconds: 3,
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BASELINE_DIR = join(ROOT, 'bench', 'baseline');

/** Where results go: bench/ for a full run, bench/tmp/ for a quick one (never over the committed files). */
export function outputDir(quick: boolean, out?: string): string {
  if (out) return out;
  return quick ? join(ROOT, 'bench', 'tmp') : join(ROOT, 'bench');
}

/**
 * The crowd again, with the accounts in a real FreeRADIUS instead of the router: every login is an
 * Access-Request (RouterOS's default 300 ms timeout) and an accounting Start, every logout a Stop.
 */
async function radiusLoad(
  host: RouterHost,
  dist: string,
  users: Array<{ name: string; password: string }>,
  crowd: (url: string) => Promise<LoadResult>,
  log: (line: string) => void,
): Promise<LoadResult | null> {
  if (!freeradiusBinary()) {
    log('FreeRADIUS is not installed: the RADIUS load figure is skipped (apt-get install freeradius freeradius-utils)');
    return null;
  }
  log(`the router under load with RADIUS: ${users.length} guests authenticated by FreeRADIUS`);
  const secret = randomBytes(12).toString('hex');
  const radius = await startFreeRadius({ secret, users });
  try {
    const profile = { name: 'hsprof1', 'login-by': 'http-chap,cookie', 'use-radius': 'yes' };
    const server = { address: '127.0.0.1', secret, service: 'hotspot', 'authentication-port': radius.authPort, 'accounting-port': radius.acctPort };
    const [router] = await host.start([{ htmlDir: dist, config: { 'ip/hotspot/profile': [profile], radius: [server] } }]);
    return await crowd(router!.url);
  } finally {
    await host.closeRouters();
    await radius.stop();
  }
}

const mac = (prefix: string, n: number) =>
  `${prefix}:${((n >> 8) & 255).toString(16).toUpperCase().padStart(2, '0')}:${(n & 255).toString(16).toUpperCase().padStart(2, '0')}`;

export async function runBench(quick: boolean, out: string, log: (line: string) => void): Promise<BenchResults> {
  const settings = quick ? QUICK : FULL;
  const started = performance.now();
  const work = await mkdtemp(join(tmpdir(), 'hs-bench-'));
  let host: RouterHost | undefined;
  try {
    log('building the portal');
    const { config } = await loadConfig();
    const dist = join(work, 'hotspot');
    await buildPortal({ outDir: dist, quiet: true });
    const pageWeight = { portal: folderWeight(dist), baseline: folderWeight(BASELINE_DIR) };

    log(`a guest on weak Wi-Fi: ${settings.guestRuns} runs each of the portal and the baseline`);
    const guest = await benchGuests({ portalDir: dist, baselineDir: BASELINE_DIR, workDir: work, runs: settings.guestRuns, log });

    host = await RouterHost.start();
    log(`deploy: ${settings.deployIterations} fresh router(s), then ${settings.fleetRuns} fleet(s) of ${settings.fleetSize}`);
    const deploy = await benchDeploy({
      host,
      config,
      distDir: dist,
      factoryPages: BASELINE_DIR,
      workDir: work,
      iterations: settings.deployIterations,
      fleetSize: settings.fleetSize,
      fleetRuns: settings.fleetRuns,
      concurrency: settings.fleetConcurrency,
    });

    log(`the router under load: ${settings.loadGuests} guests doing CHAP, up to ${settings.loadMaxLogins} logins or ${settings.loadMaxSeconds} s`);
    const users = Array.from({ length: settings.loadGuests }, (_, i) => ({ name: `load-${i}`, password: `pw-${i}` }));
    const [router] = await host.start([
      { htmlDir: dist, config: { 'ip/hotspot/profile': [{ name: 'hsprof1', 'login-by': 'http-chap,cookie' }], 'ip/hotspot/user': users } },
    ]);
    const crowd = (routerUrl: string) =>
      chapLoad({
        routerUrl,
        guests: settings.loadGuests,
        maxLogins: settings.loadMaxLogins,
        maxSeconds: settings.loadMaxSeconds,
        user: (g) => users[g]!,
        mac: (g) => mac('02:10:AD:00', g),
        isLoggedIn: (body) => body.includes('<hs-alogin-page'),
      });
    const load = await crowd(router!.url);
    await host.closeRouters();
    const loadRadius = await radiusLoad(host, dist, users, crowd, log);

    const machine = { ...describeMachine(), chromium: guest.chromium };
    const partial = {
      mode: quick ? 'quick' : 'full',
      date: new Date().toISOString(),
      seconds: (performance.now() - started) / 1000,
      machine,
      settings,
      pageWeight,
      guest,
      deploy,
      load,
      loadRadius,
    } as const;
    const results: BenchResults = { ...partial, targets: evaluateTargets(partial) };
    await mkdir(out, { recursive: true });
    const before = await previousRun(join(out, 'results.json'));
    await writeFile(join(out, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
    await writeFile(join(out, 'results.md'), renderMarkdown(results, before));
    return results;
  } finally {
    await host?.stop();
    await rm(work, { recursive: true, force: true });
  }
}

/** The run a new one replaces, judged by today's targets (for the "run before" column); none when unreadable. */
async function previousRun(file: string): Promise<{ date: string; targets: Target[] } | undefined> {
  try {
    const old = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
    return { date: old.date, targets: evaluateTargets(old) };
  } catch {
    return undefined;
  }
}

const program = withUserErrors(
  new Command('bench')
    .description("Measure page weight, a guest's login time on weak Wi-Fi, deploy cost and router load.")
    .option('--quick', 'a few runs of each, written to bench/tmp/ (the CI smoke test)')
    .option('--out <dir>', 'write results.json and results.md here'),
);

if (import.meta.url === `file://${process.argv[1]}`) {
  void runCli(async () => {
    try {
      program.parse();
    } catch (err) {
      if (err instanceof UserError) throw err;
      return 0; // --help
    }
    const flags = program.opts<{ quick?: boolean; out?: string }>();
    const out = outputDir(Boolean(flags.quick), flags.out);
    const log = (line: string) => process.stdout.write(`bench: ${line}\n`);
    const r = await runBench(Boolean(flags.quick), out, log);
    const where = relative(process.cwd(), out) || '.';
    process.stdout.write(
      `\n${targetsTable(r.targets)}\n\nwrote ${join(where, 'results.md')} and ${join(where, 'results.json')} in ${Math.round(r.seconds)} s.\n`,
    );
  });
}

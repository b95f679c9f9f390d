/**
 * One bench run (see main.ts): builds the portal, then measures page weight, guest timings, deploy
 * cost and the router under load, and writes results.json and results.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freeradiusBinary, startFreeRadius } from '../lib/freeradius.ts';
import { buildPortal } from '../build/main.ts';
import { loadConfig } from '../config/index.ts';
import { benchDeploy } from './deploy-bench.ts';
import { benchGuests } from './guest-timing.ts';
import { chapLoad, type LoadResult } from './load.ts';
import { describeMachine } from './machine.ts';
import { folderWeight } from './page-weight.ts';
import { renderMarkdown } from './report.ts';
import { evaluateTargets, type BenchResults, type Target } from './results.ts';
import { RouterHost } from './router-host-client.ts';
import { BASELINE_DIR, BENCH_PICTURES, FULL, QUICK } from './settings.ts';

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
    const { config, input } = await loadConfig();
    const dist = join(work, 'hotspot');
    await buildPortal({ outDir: dist, quiet: true });
    const pageWeight = { portal: folderWeight(dist), baseline: folderWeight(BASELINE_DIR) };
    // The same portal as a designer's brand often is: a raster wordmark in the large slot and a hero picture.
    const withPictures = join(work, 'hotspot-pictures');
    await buildPortal({ outDir: withPictures, quiet: true, config: { ...input!, brand: { ...input!.brand, ...BENCH_PICTURES } } });

    log(`a guest on weak Wi-Fi: ${settings.guestRuns} runs each of the portal, the portal with pictures and the baseline`);
    const guest = await benchGuests({
      portalDir: dist,
      picturesDir: withPictures,
      baselineDir: BASELINE_DIR,
      workDir: work,
      runs: settings.guestRuns,
      log,
    });

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

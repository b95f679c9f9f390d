/**
 * Deploy cost against virtual routers over SSH on loopback: a full deploy to a router holding only its
 * factory pages, a no-op redeploy of the same bundle, and a one-file change; then one deployFleet call
 * to many fresh routers against the full deploy to one. The routers run in a child process
 * (router-host.ts), the deploy in this one. Loopback has no radio and no router CPU: these figures
 * compare the toolkit's own work (round trips, hashing, uploads, CLI copies), not a real link.
 */
import { appendFile, cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PortalConfig } from '../config/index.ts';
import type { ConnectOptions, RouterTarget } from '../deploy/connection.ts';
import { deployFleet, type DeployJob, type RouterResult } from '../deploy/deploy.ts';
import { KnownHosts } from '../deploy/known-hosts.ts';
import { buildManifest } from '../deploy/manifest.ts';
import { deploySettings } from '../deploy/settings.ts';
import type { RouterHost } from './router-host-client.ts';
import { ratio, summarize, type Summary } from './stats.ts';

export interface DeployBenchOptions {
  host: RouterHost;
  config: PortalConfig;
  /** The built portal. */
  distDir: string;
  /** The pages each fresh router holds in hotspot/ before the first deploy. */
  factoryPages: string;
  workDir: string;
  /** Fresh routers for full / no-op / one-file deploys (one of each per router). */
  iterations: number;
  fleetSize: number;
  fleetRuns: number;
  concurrency: number;
  /** The text file changed in a copy of the bundle. */
  changedFile?: string;
}

export interface DeployBenchResult {
  iterations: number;
  fullMs: Summary;
  noopMs: Summary;
  oneFileMs: Summary;
  noopRatio: number;
  oneFileRatio: number;
  changedFile: string;
  /** What the one-file deploy did: files uploaded (the changed one and the manifest) and copied on the router. */
  oneFileUploads: number;
  oneFileCopies: number;
  bundleFiles: number;
  bundleBytes: number;
  fleet: { routers: number; concurrency: number; runs: number; ms: Summary; ratio: number };
  /**
   * CPU per router (ms) of the full deploys to one router and of the fleet runs: `deploy` is this process
   * (the deploy core), `router` the router host's (the virtual routers). Absent in older results.
   */
  cpu?: { full: CpuPerRouter; fleet: CpuPerRouter };
}

export interface CpuPerRouter {
  deploy: Summary;
  router: Summary;
}

const ADMIN = { name: 'admin', password: 'bench-router-pw' };
const SETTLE_MS = 200;

/** A timed deploy counts only when every router ended as expected; otherwise the bench stops with the reason. */
export function checkResults(results: readonly RouterResult[], expected: RouterResult['status']): void {
  for (const r of results) {
    if (!r.ok || r.status !== expected)
      throw new Error(`the bench's deploy to ${r.router} ended "${r.status}" instead of "${expected}"${r.error ? `: ${r.error}` : ''}`);
  }
}

export async function benchDeploy(o: DeployBenchOptions): Promise<DeployBenchResult> {
  const changedFile = o.changedFile ?? 'login.html';
  const changedDir = join(o.workDir, 'dist-changed');
  await cp(o.distDir, changedDir, { recursive: true });
  await appendFile(join(changedDir, changedFile), '\n<!-- one-file change for the bench -->\n');

  const settings = deploySettings(o.config, {});
  const connect: ConnectOptions = {
    credentials: { user: ADMIN.name, password: ADMIN.password },
    knownHosts: await KnownHosts.load(join(o.workDir, 'known_hosts')),
    trustNewHost: true,
    timeoutMs: 20_000,
  };
  const manifest = await buildManifest(o.distDir);
  const job = (distDir: string, m: DeployJob['manifest']): DeployJob => ({ distDir, manifest: m, settings, connect, mode: 'deploy' });
  const full = job(o.distDir, manifest);
  const changed = job(changedDir, await buildManifest(changedDir));

  let made = 0;
  const fresh = async (n: number): Promise<RouterTarget[]> => {
    const stores: string[] = [];
    for (let i = 0; i < n; i++) {
      const store = join(o.workDir, `store-${made++}`);
      await mkdir(join(store, 'hotspot'), { recursive: true });
      await cp(o.factoryPages, join(store, 'hotspot'), { recursive: true });
      stores.push(store);
    }
    // One host key for every bench router: fresh routers may get a port an earlier one had, and a new
    // key on a pinned port would (rightly) be refused as a changed host key.
    const ssh = { admin: ADMIN, hostKeyFile: join(o.workDir, 'bench-host-key') };
    const routers = await o.host.start(stores.map((storageDir) => ({ storageDir, ssh, config: { version: '7.19.4' } })));
    return routers.map((r) => ({ host: '127.0.0.1', port: r.sshPort, label: `127.0.0.1:${r.sshPort}` }));
  };
  const timed = async (targets: RouterTarget[], j: DeployJob, expect: RouterResult['status'], concurrency = o.concurrency) => {
    // Each deploy starts with both processes idle, as a technician's next deploy would: the previous
    // one's connection teardown and garbage must not be billed to it.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const routerCpu = await o.host.cpuMs();
    const deployCpu = process.cpuUsage();
    const t = performance.now();
    const results = await deployFleet(targets, j, concurrency);
    const ms = performance.now() - t;
    const used = process.cpuUsage(deployCpu);
    const routerMs = (await o.host.cpuMs()) - routerCpu;
    checkResults(results, expect);
    const n = targets.length;
    return { ms, results, cpu: { deploy: (used.user + used.system) / 1000 / n, router: routerMs / n } };
  };
  const cpuSummary = (runs: Array<{ deploy: number; router: number }>, what: string): CpuPerRouter => {
    const of = (side: 'deploy' | 'router') =>
      summarize(
        runs.map((c) => c[side]),
        `${what}: ${side} CPU`,
      );
    return { deploy: of('deploy'), router: of('router') };
  };

  // A first deploy warms up the SSH and crypto code paths of both processes; it is not counted.
  await timed(await fresh(1), full, 'deployed');

  const fullMs: number[] = [];
  const fullCpu: Array<{ deploy: number; router: number }> = [];
  const noopMs: number[] = [];
  const oneMs: number[] = [];
  let oneFileUploads = 0;
  let oneFileCopies = 0;
  for (let i = 0; i < o.iterations; i++) {
    const one = await fresh(1);
    const first = await timed(one, full, 'deployed');
    fullMs.push(first.ms);
    fullCpu.push(first.cpu);
    noopMs.push((await timed(one, full, 'unchanged')).ms);
    const step = await timed(one, changed, 'deployed');
    oneMs.push(step.ms);
    oneFileUploads = step.results[0]!.uploadedFiles;
    oneFileCopies = step.results[0]!.copiedFiles;
  }
  await o.host.closeRouters();

  const fleetMs: number[] = [];
  const fleetCpu: Array<{ deploy: number; router: number }> = [];
  for (let i = 0; i < o.fleetRuns; i++) {
    const targets = await fresh(o.fleetSize);
    const run = await timed(targets, full, 'deployed');
    fleetMs.push(run.ms);
    fleetCpu.push(run.cpu);
    await o.host.closeRouters();
  }

  const fullS = summarize(fullMs, 'full deploy');
  const fleetS = summarize(fleetMs, 'fleet deploy');
  return {
    iterations: o.iterations,
    fullMs: fullS,
    noopMs: summarize(noopMs, 'no-op redeploy'),
    oneFileMs: summarize(oneMs, 'one-file deploy'),
    noopRatio: ratio(summarize(noopMs).median, fullS.median, 'no-op / full'),
    oneFileRatio: ratio(summarize(oneMs).median, fullS.median, 'one-file / full'),
    changedFile,
    oneFileUploads,
    oneFileCopies,
    bundleFiles: manifest.files.length,
    bundleBytes: manifest.totalBytes,
    fleet: {
      routers: o.fleetSize,
      concurrency: o.concurrency,
      runs: o.fleetRuns,
      ms: fleetS,
      ratio: ratio(fleetS.median, fullS.median, 'fleet / one'),
    },
    cpu: { full: cpuSummary(fullCpu, 'full deploy'), fleet: cpuSummary(fleetCpu, 'fleet deploy') },
  };
}

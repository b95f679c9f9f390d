/**
 * The deploy bench against virtual routers in a child process: each measured deploy must end as
 * expected (deployed, unchanged, deployed with one upload), or the bench stops with the reason.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../portal.config.ts';
import { benchDeploy, checkResults, type DeployBenchResult } from '../../tools/bench/deploy-bench.ts';
import { deployFleet } from '../../tools/deploy/deploy.ts';
import { KnownHosts } from '../../tools/deploy/known-hosts.ts';
import { buildManifest } from '../../tools/deploy/manifest.ts';
import { deploySettings } from '../../tools/deploy/settings.ts';
import { BASELINE_DIR } from '../../tools/bench/main.ts';
import { RouterHost } from '../../tools/bench/router-host-client.ts';
import { builtPortal } from '../support/built-portal.ts';
import { validateConfig } from '../../tools/config/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'hs-bench-deploy-'));
let dist: string;
let host: RouterHost;
let result: DeployBenchResult;

beforeAll(async () => {
  dist = await builtPortal();
  host = await RouterHost.start();
  result = await benchDeploy({
    host,
    config: validateConfig(example),
    distDir: dist,
    factoryPages: BASELINE_DIR,
    workDir: path.join(work, 'a'),
    iterations: 2,
    fleetSize: 3,
    fleetRuns: 1,
    concurrency: 2,
  });
}, 120_000);
afterAll(async () => {
  await host?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the deploy bench', () => {
  it('times a full deploy, a no-op and a one-file change on each fresh router', () => {
    expect(result.fullMs.n).toBe(2);
    expect(result.noopMs.n).toBe(2);
    expect(result.oneFileMs.n).toBe(2);
    expect(result.noopRatio).toBeCloseTo(result.noopMs.median / result.fullMs.median, 10);
    expect(result.oneFileRatio).toBeCloseTo(result.oneFileMs.median / result.fullMs.median, 10);
  });

  it('changes exactly one file: it is uploaded, every other file is copied on the router', () => {
    expect(result.changedFile).toBe('login.html');
    expect(result.oneFileUploads).toBe(1);
    expect(result.oneFileCopies).toBe(result.bundleFiles - 1);
  });

  it('deploys the fleet in one call and compares it with one router', () => {
    expect(result.fleet).toMatchObject({ routers: 3, concurrency: 2, runs: 1 });
    expect(result.fleet.ratio).toBeCloseTo(result.fleet.ms.median / result.fullMs.median, 10);
  });

  it("counts the CPU per router of each timed full deploy and fleet, the deploy's and the routers' apart", () => {
    expect(result.cpu!.full.deploy.n).toBe(2);
    expect(result.cpu!.full.router.n).toBe(2);
    expect(result.cpu!.fleet.deploy.n).toBe(1);
    // A deploy cannot take no CPU on either side (an SSH handshake, dozens of files), nor more than its own time on one CPU each.
    for (const side of [result.cpu!.full, result.cpu!.fleet]) {
      expect(side.deploy.min).toBeGreaterThan(1);
      expect(side.router.min).toBeGreaterThan(1);
    }
    expect(result.cpu!.full.deploy.max).toBeLessThan(result.fullMs.max * 1.05);
    expect(result.cpu!.fleet.router.max * 3).toBeLessThan(result.fleet.ms.max * 1.05);
  });

  it("stops with the router's reason when a deploy does not end as expected", async () => {
    const job = {
      distDir: dist,
      manifest: await buildManifest(dist),
      settings: deploySettings(validateConfig(example), {}),
      mode: 'deploy' as const,
      connect: {
        credentials: { user: 'admin', password: 'x' },
        knownHosts: await KnownHosts.load(path.join(work, 'kh')),
        trustNewHost: true,
        timeoutMs: 5000,
      },
    };
    const results = await deployFleet([{ host: '127.0.0.1', port: 9, label: '127.0.0.1:9' }], job);
    expect(() => checkResults(results, 'deployed')).toThrow(
      /the bench's deploy to 127\.0\.0\.1:9 ended "failed" instead of "deployed": Cannot reach 127\.0\.0\.1:9/,
    );
    expect(() =>
      checkResults(
        results.map((r) => ({ ...r, ok: true, status: 'deployed' as const })),
        'unchanged',
      ),
    ).toThrow(/ended "deployed" instead of "unchanged"/);
  });
});

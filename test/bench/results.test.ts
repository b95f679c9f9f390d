/** The targets judged from a run's figures, the tables written from them, and where each mode writes. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GuestRun, GuestSetResult } from '../../tools/bench/guest-timing.ts';
import { BASELINE_DIR, FULL, outputDir, QUICK } from '../../tools/bench/main.ts';
import { folderWeight } from '../../tools/bench/page-weight.ts';
import { renderMarkdown, targetsTable } from '../../tools/bench/report.ts';
import { evaluateTargets, type BenchResults } from '../../tools/bench/results.ts';
import { summarize } from '../../tools/bench/stats.ts';
import { summarizeRuns } from '../../tools/bench/guest-timing.ts';

const run = (kind: GuestRun['kind'], i: number, scale: number, requests: number, bytes: number, beforeSubmit = bytes, shift = 0): GuestRun => ({
  kind,
  run: i,
  mac: `02:00:00:00:00:0${i}`,
  firstContentfulPaint: 200 * scale,
  formPainted: 300 * scale + i,
  ready: 400 * scale + i,
  loggedIn: 700 * scale + i,
  submitToConnected: 300 * scale,
  loggedInAsDriven: 900 * scale + i,
  loginRequests: requests,
  loginWireBytes: bytes,
  beforeSubmitBytes: beforeSubmit,
  layoutShift: shift,
  loginUrls: [],
});

/** A run's figures: the portal `readyScale` times slower than the baseline, and the rest as given. */
function figures(o: {
  readyScale: number;
  /** The portal with pictures (default: as fast as the portal); null: a run from before it was measured. */
  picturesScale?: number | null;
  /** CPU per router on each side; false: a run from before it was measured. */
  cpu?: false;
  requests: number;
  bytes: number;
  beforeSubmit?: number;
  shift?: number;
  otherPage?: number;
  noop: number;
  fleet: number;
  errors: number;
  fleetRouters?: number;
}): Omit<BenchResults, 'targets'> {
  const portal: GuestSetResult = summarizeRuns([1, 2, 3].map((i) => run('portal', i, o.readyScale, o.requests, o.bytes, o.beforeSubmit, o.shift)));
  const baseline: GuestSetResult = summarizeRuns([1, 2, 3].map((i) => run('baseline', i, 1, 2, 3000)));
  const pictures =
    o.picturesScale === null
      ? undefined
      : summarizeRuns([1, 2, 3].map((i) => run('pictures', i, o.picturesScale ?? o.readyScale, o.requests + 2, o.bytes)));
  const full = summarize([100, 110, 120]);
  const weight = folderWeight(BASELINE_DIR);
  const status = {
    page: 'status.html',
    html: { path: 'status.html', bytes: 5000, gzip: 2000 },
    files: [],
    bytes: o.otherPage ?? 20_000,
    gzip: 8000,
    requests: 3,
    afterError: [],
  };
  const portalWeight = { ...weight, pages: [...weight.pages, status] };
  return {
    mode: 'full',
    date: '2026-01-01T00:00:00.000Z',
    seconds: 60,
    machine: { nproc: 2, cpuModel: 'test cpu', memoryGiB: 4, os: 'Linux', node: 'v20', playwright: '1', chromium: '1.0' },
    settings: FULL,
    pageWeight: { portal: portalWeight, baseline: weight },
    guest: {
      chromium: '1.0',
      network: { latencyMs: 100, downloadKbps: 1000, uploadKbps: 500 },
      runsPerSet: 3,
      portal,
      ...(pictures ? { pictures } : {}),
      baseline,
      ratios: {
        formPainted: portal.formPainted.median / baseline.formPainted.median,
        ready: portal.ready.median / baseline.ready.median,
        ...(pictures ? { picturesReady: pictures.ready.median / portal.ready.median } : {}),
        loggedIn: portal.loggedIn.median / baseline.loggedIn.median,
        submitToConnected: portal.submitToConnected.median / baseline.submitToConnected.median,
      },
    },
    deploy: {
      iterations: 3,
      fullMs: full,
      noopMs: summarize([full.median * o.noop]),
      oneFileMs: summarize([200]),
      noopRatio: o.noop,
      oneFileRatio: 200 / full.median,
      changedFile: 'login.html',
      oneFileUploads: 1,
      oneFileCopies: 51,
      bundleFiles: 52,
      bundleBytes: 98_000,
      fleet: { routers: o.fleetRouters ?? 10, concurrency: 4, runs: 3, ms: summarize([full.median * o.fleet]), ratio: o.fleet },
      ...(o.cpu === false
        ? {}
        : {
            cpu: {
              full: { deploy: summarize([88, 90, 95]), router: summarize([120]) },
              fleet: { deploy: summarize([35, 36, 37]), router: summarize([57, 58, 60]) },
            },
          }),
    },
    load: {
      guests: 200,
      attempts: 100,
      logins: 100 - o.errors,
      errors: o.errors,
      errorKinds: o.errors ? { 'login-refused': { count: o.errors, first: 'POST /login answered HTTP 200 without the logged-in page' } } : {},
      seconds: 1,
      loginsPerSecond: 100 - o.errors,
      requests: 300,
      loginMs: summarize([5, 6, 7]),
    },
  };
}

const met = (f: Omit<BenchResults, 'targets'>) => Object.fromEntries(evaluateTargets(f).map((t) => [t.id, t.met]));

describe('targets', () => {
  it('are met at their limits', () => {
    const f = figures({
      readyScale: 1.1,
      requests: 4,
      bytes: 36 * 1024,
      beforeSubmit: 14 * 1024,
      shift: 0.01,
      otherPage: 24 * 1024,
      noop: 0.2,
      fleet: 3,
      errors: 0,
    });
    expect(Object.values(met(f)).every(Boolean)).toBe(true);
    expect(Object.keys(met(f))).toEqual([
      'form-ratio',
      'ready-ratio',
      'pictures-ready-ratio',
      'logged-in-ratio',
      'connect-ratio',
      'before-submit-bytes',
      'login-bytes',
      'other-pages',
      'layout-shift',
      'login-requests',
      'noop-redeploy',
      'fleet',
      'load-errors',
    ]);
  });

  it('are missed just past them', () => {
    const f = figures({
      readyScale: 1.31,
      picturesScale: 1.31 * 1.051,
      requests: 5,
      bytes: 36 * 1024 + 1,
      beforeSubmit: 14 * 1024 + 1,
      shift: 0.011,
      otherPage: 24 * 1024 + 1,
      noop: 0.21,
      fleet: 3.01,
      errors: 1,
    });
    expect(Object.entries(met(f)).filter(([, ok]) => ok)).toEqual([]);
  });

  it('judge the form with pictures on its own, and never as met when a run did not measure it', () => {
    const slow = evaluateTargets(figures({ readyScale: 1.1, picturesScale: 1.2, requests: 4, bytes: 1, noop: 0.1, fleet: 2, errors: 0 }));
    expect(slow.find((x) => x.id === 'ready-ratio')!.met).toBe(true);
    expect(slow.find((x) => x.id === 'pictures-ready-ratio')).toMatchObject({
      text: 'a 15 KB logo and a 20 KB hero do not hold the form back: form ready ≤ 1.05× without them',
      met: false,
    });
    const older = evaluateTargets(figures({ readyScale: 1, picturesScale: null, requests: 4, bytes: 1, noop: 0.1, fleet: 2, errors: 0 }));
    expect(older.find((x) => x.id === 'pictures-ready-ratio')!.met).toBe(false);
  });

  it('name the heaviest other page', () => {
    const t = evaluateTargets(figures({ readyScale: 1, requests: 4, bytes: 1, otherPage: 30_000, noop: 0.1, fleet: 2, errors: 0 }));
    expect(t.find((x) => x.id === 'other-pages')).toMatchObject({
      text: 'every other page with what it loads ≤ 24 KB (heaviest: status.html)',
      measured: 30_000,
      met: false,
    });
  });

  it('say when the fleet was smaller than ten (quick mode)', () => {
    const t = evaluateTargets(figures({ readyScale: 1, requests: 4, bytes: 1, noop: 0.1, fleet: 2, errors: 0, fleetRouters: 3 }));
    expect(t.find((x) => x.id === 'fleet')!.text).toBe('3 routers ≤ 3× one router (quick mode; the target is for ten)');
  });
});

describe('the report', () => {
  const f = figures({ readyScale: 2, requests: 7, bytes: 41_000, noop: 0.1, fleet: 5, errors: 2 });
  const results: BenchResults = { ...f, targets: evaluateTargets(f) };

  it('shows each target with its figure and whether it is met', () => {
    const lines = targetsTable(results.targets).split('\n');
    expect(lines[0]).toBe('| Target | Measured | Met |');
    expect(lines).toContain('| everything the login page loads ≤ 36 KB over the wire | 40.0 KB (41000 B) | **no** |');
    expect(lines).toContain('| login page in ≤ 4 requests | 7 | **no** |');
    expect(lines).toContain('| form ready to submit ≤ 1.15× the plain baseline | 2.00× | **no** |');
    expect(lines).toContain('| login page layout shift ≈ 0 (≤ 0.01) | 0.000 | yes |');
    expect(lines).toContain('| zero errors under load | 2 | **no** |');
  });

  it('shows the run before beside each target, judged by the same targets', () => {
    const before = figures({ readyScale: 1.5, requests: 3, bytes: 30_000, noop: 0.1, fleet: 2, errors: 0 });
    const lines = targetsTable(results.targets, { date: '2025-12-01T00:00:00.000Z', targets: evaluateTargets(before) }).split('\n');
    expect(lines[0]).toBe('| Target | Measured | Met | Run before (2025-12-01) |');
    expect(lines).toContain('| login page in ≤ 4 requests | 7 | **no** | 3 |');
  });

  it('writes the figures with their spread, the run counts and the errors by kind', () => {
    const md = renderMarkdown(results);
    expect(md).toContain("| From the guest's first request to… | Portal | With pictures | Baseline | Portal / baseline |");
    expect(md).toContain('| form ready to submit | 802 ms (801 ms–803 ms) | 802 ms (801 ms–803 ms) | 402 ms (401 ms–403 ms) | 2.00× |');
    const older = figures({ readyScale: 2, picturesScale: null, requests: 7, bytes: 41_000, noop: 0.1, fleet: 5, errors: 2 });
    expect(renderMarkdown({ ...older, targets: evaluateTargets(older) })).toContain(
      '| form ready to submit | 802 ms (801 ms–803 ms) | 402 ms (401 ms–403 ms) | 2.00× |',
    );
    expect(md).toContain(`median (min–max) of 3 runs per page set`);
    expect(md).toContain('login-refused: 2 (first: POST /login answered HTTP 200 without the logged-in page)');
    expect(md).toContain('2 CPUs (test cpu)');
    expect(md).toContain('| CPU per router | Deploy (this process) | Virtual router (router process) |');
    expect(md).toContain('| full deploy (one router) | 90 ms (88 ms–95 ms) | 120 ms |');
    expect(md).toContain('| 10 routers, one deployFleet call | 36 ms (35 ms–37 ms) | 58 ms (57 ms–60 ms) |');
    const noCpu = figures({ readyScale: 2, requests: 7, bytes: 41_000, noop: 0.1, fleet: 5, errors: 2, cpu: false });
    expect(renderMarkdown({ ...noCpu, targets: evaluateTargets(noCpu) })).not.toContain('| CPU per router |');
    expect(md).not.toContain('Quick mode');
    expect(renderMarkdown({ ...results, mode: 'quick' })).toContain('**Quick mode**');
  });
});

describe('where results go', () => {
  it('a full run writes bench/, a quick run bench/tmp/, and --out wins', () => {
    const root = path.dirname(BASELINE_DIR);
    expect(outputDir(false)).toBe(root);
    expect(outputDir(true)).toBe(path.join(root, 'tmp'));
    expect(outputDir(true, '/elsewhere')).toBe('/elsewhere');
  });

  it('quick mode does less of everything', () => {
    for (const k of Object.keys(FULL) as Array<keyof typeof FULL>) expect(QUICK[k]).toBeLessThanOrEqual(FULL[k]);
    expect(FULL.guestRuns).toBeGreaterThanOrEqual(5);
    expect(FULL.deployIterations).toBeGreaterThanOrEqual(3);
    expect(FULL).toMatchObject({ fleetSize: 10, loadGuests: 200 });
  });
});
